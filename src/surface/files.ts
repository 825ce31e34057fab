/**
 * Which files of a libs tree make up the driver surface, and how each is read. Paths outside
 * these lists are read only when a surface file includes them from the tree, for their macros
 * and definitions (surface/build.ts, readDeclarations); `modern_bpf/definitions/*​/vmlinux.h`
 * (11 MB of kernel type dumps) is not reached that way: only code files include it. See
 * docs/architecture.md, Which files.
 */
import { SCAP_HEADER, VERSION_FILES } from '../vocabulary.js';
import { isCodeFile, probeOf } from './extract/code-bodies.js';

/** Paths listed from git at each revision (one ls-tree per revision). */
export const SURFACE_PREFIXES = ['driver', SCAP_HEADER];

/** Parsed with tree-sitter: enums, defines, tables, structs, X-macro lists. */
export const TREE_FILES: RegExp[] = [
  /^driver\/ppm_events_public\.h$/,
  /^driver\/event_table\.c$/,
  /^driver\/flags_table\.c$/,
  /^driver\/dynamic_params_table\.c$/,
  /^driver\/syscall_table\.c$/,
  /^driver\/fillers_table\.c$/,
  /^driver\/ppm_ringbuffer\.h$/,
  /^driver\/capture_macro\.h$/,
  /^driver\/ppm_tp\.h$/,
  /^driver\/ppm_fillers\.h$/,
  /^driver\/modern_bpf\/shared_definitions\/struct_definitions\.h$/,
  /^driver\/bpf\/types\.h$/,
  // The legacy probe's supported kernel range (its #error on LINUX_VERSION_CODE).
  /^driver\/bpf\/quirks\.h$/,
  /^userspace\/libscap\/scap\.h$/,
];

/**
 * Read by targeted text extraction (constructs tree-sitter cannot read, see extract/text-scan.ts).
 * main.c's functions are compared as code too (extract/code-bodies.ts: CODE_FILES; build.ts).
 */
export const TEXT_FILES: RegExp[] = [
  /^driver\/main\.c$/,
  /^driver\/modern_bpf\/maps\/maps\.h$/,
  /^driver\/bpf\/maps\.h$/,
];

/** `code`: filler and probe function bodies, compared as token streams (extract/code-bodies.ts). */
export type FileKind = 'tree' | 'text' | 'code' | null;

export function fileKind(path: string): FileKind {
  if (TREE_FILES.some((re) => re.test(path))) return 'tree';
  if (TEXT_FILES.some((re) => re.test(path))) return 'text';
  if (isCodeFile(path)) return 'code';
  return null;
}

export type ReadKind = Exclude<FileKind, null>;

/** Every way the surface reads a file: its declarations (tree or text), its function bodies (code), or both (main.c). */
export function fileKinds(path: string): ReadKind[] {
  const kind = fileKind(path);
  if (kind === null) return [];
  return kind !== 'code' && isCodeFile(path) ? [kind, 'code'] : [kind];
}

/** The legacy eBPF probe (driver/bpf/) exists in this tree: its extra ABI applies. */
export function hasLegacyProbe(paths: Iterable<string>): boolean {
  for (const p of paths) if (probeOf(p) === 'legacy') return true;
  return false;
}

const VERSION_PATHS = new Set<string>(Object.values(VERSION_FILES));

/**
 * Every path whose content the surface is built from: parsed or scanned files, filler and
 * program code, version files. A commit that changes none of these (and flips no tree trait)
 * has the surface of its parent.
 */
export function isSurfacePath(path: string): boolean {
  return VERSION_PATHS.has(path) || fileKind(path) !== null;
}

/** What the surface reads from the list of paths rather than from a file's content. */
export function treeTraits(paths: Iterable<string>): string {
  return hasLegacyProbe(paths) ? 'legacy-probe' : '';
}
