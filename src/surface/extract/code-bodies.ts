/**
 * Filler and program code (docs/driver-surface.md, Filler and program code): the bodies of the
 * functions that build event payloads, compared as token streams with comments and whitespace
 * dropped.
 *
 * This deliberately does not use tree-sitter: it runs on every filler/program file of every
 * revision (about 190 files, ppm_fillers.c alone is about 8600 lines), and the grammar chokes
 * on exactly the constructs these files are made of (`BPF_PROG(name, ...)`, `FILLER(x, true)`,
 * `SEC("...")`, `#if` inside statements). A small C lexer plus brace matching is enough to find
 * top-level function definitions and is more than an order of magnitude faster (the figures
 * are in code/lexer.ts).
 *
 * Each function gets a hash of every token of the definition (return type, name, parameter
 * list, body, the preprocessor directives inside it, normalised to single-spaced token text).
 * Adjacent string literals count as one and `u32`/`__u64`-style types as `uint32_t`/`uint64_t`,
 * so clang-format (215db2d9d) and type-spelling cleanups are not changes.
 *
 * A function with kernel-compatibility regions (conditional groups on the kernel version or a
 * kernel API probe, CO-RE feature checks: code/kernel-compat.ts) also gets `compatVariants`: its
 * hash as the oldest supported kernel builds it (four ways: with and without the probed APIs,
 * with and without the configuration options) and as the newest kernel builds it. libs'
 * README.VERSION.md asks for no bump for "patches that solely address build issues on specific
 * kernels": a change is one when the oldest kernel still builds the same code (the commonest
 * kernel build fix wraps existing code into `#if LINUX_VERSION_CODE < V X #else Y #endif`), not
 * when every branch changed alike or new code is compiled for every supported kernel
 * (rules/schema/code-pairs.ts: codeDelta).
 *
 * A name defined more than once in one file (alternative definitions in the branches of an
 * `#if`) is one entry: its hash covers every definition in source order, its line is the
 * first definition's, and each kernel build sees the definitions whose top-level
 * kernel-compatibility branches it takes. When every definition sits in such a branch, the
 * function is `kernelSpecific`.
 */
import { createHash } from 'node:crypto';
import type { CodeFile, CodeFunction, CodeMacro, CodeRole, CompatVariants } from '../model.js';
import { findDefinitions, matchForward, type Def } from './code/functions.js';
import { cText } from '../../parse/c-text.js';
import {
  conditionalGroups,
  isFeatureCheck,
  markCompat,
  NEWEST,
  oldestBuilds,
  resolveVariant,
  mayCompile,
  type Build,
  type Group,
} from './code/kernel-compat.js';
import { IDENT, PP_IF, lex, type Tokens } from './code/lexer.js';
import { normaliseFunction, type LeaveOut } from './code/normalise.js';
import { boundaryFacts, doesNothing, type BoundaryFacts, type BoundaryMark } from './code/boundary.js';
import { defineFacts, type DefineFact } from './code/defines.js';
import { headerWrites } from './code/header-writes.js';

/** Repository paths whose function bodies are compared (filler and program code). */
export const CODE_FILES: RegExp[] = [
  // Kernel module: the fillers and the payload helpers (val_to_ring, pack_addr, ...), and the
  // event path of main.c (the tracepoint probes, the event header, the drop and sampling
  // decisions). main.c is also read as text for its module parameters (files.ts).
  /^driver\/ppm_fillers\.c$/,
  /^driver\/main\.c$/,
  /^driver\/ppm_events\.c$/,
  /^driver\/ppm_events\.h$/,
  // Flag conversions (open_flags_to_scap, ...) used by every driver's fillers.
  /^driver\/ppm_flag_helpers\.h$/,
  // Modern eBPF probe: programs and the helpers that build payloads (never definitions/).
  /^driver\/modern_bpf\/programs\/.+\.bpf\.c$/,
  /^driver\/modern_bpf\/helpers\/.+\.h$/,
  // Legacy eBPF probe (until c5ea0da85): fillers and their helpers; maps.h, types.h,
  // bpf_helpers.h, builtins.h, quirks.h and missing_definitions.h declare, they do not fill.
  /^driver\/bpf\/(fillers|filler_helpers|ring_helpers|plumbing_helpers)\.h$/,
];

/**
 * Files of plumbing rather than of fillers: the kernel module's main.c, whose device file, ring
 * buffers, ioctls and tracepoint registration carry events to userspace (what userspace
 * exchanges with them, ioctl codes, ring-buffer structs, module params, the API rules compare).
 */
const PLUMBING_FILES: RegExp[] = [/^driver\/main\.c$/];

/** Whether a file is plumbing (see PLUMBING_FILES): its entry points are device-file and tracepoint hooks, never fillers. */
export function isPlumbingFile(path: string): boolean {
  return PLUMBING_FILES.some((re) => re.test(path));
}

/** The role of a function the call graph does not decide (surface/code-roles.ts): transport in a plumbing file, else filler. */
export function undecidedRole(path: string): CodeRole {
  return isPlumbingFile(path) ? 'transport' : 'filler';
}

/** True for a path whose function bodies are compared. */
export function isCodeFile(path: string): boolean {
  return CODE_FILES.some((re) => re.test(path));
}

/** Which driver a file is built into. */
export function probeOf(path: string): CodeFile['probe'] {
  if (path.startsWith('driver/modern_bpf/')) return 'modern';
  if (path.startsWith('driver/bpf/')) return 'legacy';
  if (/^driver\/[^/]+\.c$/.test(path) || path === 'driver/ppm_events.h') return 'kmod';
  return 'shared';
}

// ---------------------------------------------------------------------------------------------

function digest(texts: string[]): string {
  return createHash('sha1').update(texts.join('\u0000')).digest('hex').slice(0, 16);
}

/** The digest code hashes are made of (surface/code-defines.ts folds macros into them). */
export const codeDigest = digest;

/** The boundary facts of every definition of one name, merged; empty ones left out. */
function boundaryOf(
  list: Array<{
    text: string;
    boundary: BoundaryFacts;
    statsFree: string | null;
    glueFree: string | null;
    countsOnly: boolean;
  }>,
  hash: string,
): Partial<CodeFunction> {
  const out: Partial<CodeFunction> = {};
  // One definition (the usual case): its lists are already sorted and unique.
  const merged = (key: 'calls' | 'globals' | 'marks' | 'counters' | 'events' | 'macroNames') =>
    list.length === 1
      ? (list[0]!.boundary[key] as string[])
      : [...new Set(list.flatMap((e) => e.boundary[key] as string[]))].sort();
  const calls = merged('calls');
  const globals = merged('globals');
  const marks = merged('marks') as BoundaryMark[];
  const counters = merged('counters');
  const events = merged('events');
  const macroNames = merged('macroNames');
  if (events.length) out.events = events.join(' ');
  if (macroNames.length) out.macroNames = macroNames.join(' ');
  if (calls.length) out.calls = calls.join(' ');
  if (globals.length) out.globals = globals.join(' ');
  if (marks.length) out.marks = marks;
  if (counters.length) {
    out.counters = counters;
    const parts = list.map((e) => e.statsFree ?? e.text);
    out.statsFreeHash = parts.every((p, i) => p === list[i]!.text) ? hash : digest(parts);
    if (list.every((e) => e.countsOnly)) out.countsOnly = true;
  }
  if (marks.includes('tail-call')) {
    const parts = list.map((e) => e.glueFree ?? e.statsFree ?? e.text);
    out.glueFreeHash = digest(parts);
  }
  return out;
}

/** What one definition contributes, from its tokens alone (so it can be reused, see definitionFacts). */
interface DefinitionFacts {
  /** Digest of the normalised tokens. */
  text: string;
  /** Digests as each kernel build sees the definition (`BUILDS` order), when it has kernel-compatibility regions. */
  variants: string[] | null;
  boundary: BoundaryFacts;
  /** Digest without counter updates, when it has some. */
  statsFree: string | null;
  /** Digest without counter updates and tail calls, when it has tail calls. */
  glueFree: string | null;
  countsOnly: boolean;
  /** Digest of what it writes into the event header (code/header-writes.ts), when it writes some. */
  header: string | null;
}

/** The kernel builds `compatVariants` are taken for: the four oldest (kernel-compat.ts: oldestBuilds), then the newest. */
function builds(minKernel: bigint): Build[] {
  return [...oldestBuilds(minKernel), NEWEST];
}

/** Whether the tokens [start, end] hold a kernel-compatibility region: a compat group, or a CO-RE feature-check `if`. */
function hasCompatRegion(T: Tokens, start: number, end: number, groups: Map<number, Group>, all: number[]): boolean {
  for (let t = start; t <= end; t++) {
    if (T.pp[t] === PP_IF && groups.get(t)?.compat) return true;
    if (T.kind[t] === IDENT && T.text[t] === 'if' && T.text[t + 1] === '(') {
      const p = t - start;
      const close = matchForward(T, all, p + 1);
      if (close > 0 && isFeatureCheck(T, all, p + 1, close)) return true;
    }
  }
  return false;
}

/**
 * Definitions already read, by the digest of their raw tokens: consecutive revisions of a file
 * share most of their functions, and a definition's facts depend on its tokens only. Bounded.
 */
const seenDefinitions = new Map<string, DefinitionFacts>();
const MAX_SEEN_DEFINITIONS = 50_000;

/**
 * The facts' names as strings of their own: token texts are slices of the source, and a cached
 * slice would keep every parsed source alive.
 */
function detached(b: BoundaryFacts): BoundaryFacts {
  const own = (list: string[]) => (list.length ? list.join(' ').split(' ') : list);
  return {
    calls: own(b.calls),
    globals: own(b.globals),
    marks: b.marks,
    counters: own(b.counters),
    events: own(b.events),
    macroNames: own(b.macroNames),
  };
}

function definitionFacts(T: Tokens, def: Def, groups: Map<number, Group>, minKernel: bigint): DefinitionFacts {
  // Which kernel-version groups are dead depends on the supported range too. (T.compat is not
  // part of the key: markCompat derives it from the directive's text.)
  const raw = digest([T.text.slice(def.start, def.end + 1).join('\u001f'), String(minKernel)]);
  const seen = seenDefinitions.get(raw);
  if (seen) return seen;
  // Tokens of a function, build-only edits normalised (code/normalise.ts).
  const hashOf = (list: number[], leaveOut?: LeaveOut) =>
    digest([
      normaliseFunction(T, list, leaveOut)
        .map((t) => T.text[t])
        .join('\u001f'),
    ]);
  const all: number[] = [];
  for (let t = def.start; t <= def.end; t++) all.push(t);
  let text: string;
  let variants: string[] | null = null;
  try {
    text = hashOf(all);
    if (hasCompatRegion(T, def.start, def.end, groups, all)) {
      // Builds that resolve every region alike share one digest.
      const byTokens = new Map<string, string>();
      variants = builds(minKernel).map((build) => {
        const list: number[] = [];
        resolveVariant(T, all, 0, all.length, build, groups, list);
        const key = list.join(',');
        let h = byTokens.get(key);
        if (h === undefined) byTokens.set(key, (h = hashOf(list)));
        return h;
      });
    }
  } catch (e) {
    // Statements or conditionals nested deeper than the stack (crafted input): no
    // kernel-compatibility allowance for this function, every change counts.
    if (!(e instanceof RangeError)) throw e;
    text = raw;
    variants = null;
  }
  const boundary = detached(boundaryFacts(T, def.start, def.end, def.name));
  let statsFree: string | null = null;
  let glueFree: string | null = null;
  let countsOnly = false;
  try {
    if (boundary.counters.length) {
      const list = normaliseFunction(T, all, { counters: true });
      statsFree = digest([list.map((t) => T.text[t]).join('\u001f')]);
      countsOnly = doesNothing(T, list);
    }
    if (boundary.marks.includes('tail-call')) glueFree = hashOf(all, { counters: true, tailCalls: true });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  const writes = headerWrites(T, def.start, def.end);
  const header = writes === null ? text : writes.length ? digest(writes) : null;
  const facts = { text, variants, boundary, statsFree, glueFree, countsOnly, header };
  if (seenDefinitions.size >= MAX_SEEN_DEFINITIONS) seenDefinitions.clear();
  seenDefinitions.set(raw, facts);
  return facts;
}

/**
 * Whether a kernel build compiles a definition: it takes the branch holding it in every
 * kernel-compatibility group around it (other groups: the model cannot tell, so yes). `build`
 * null: whether any supported kernel does (a group the range decides).
 */
function compiledBy(T: Tokens, scope: Def['scope'], groups: Map<number, Group>, build: Build | null): boolean {
  return scope.every(({ at, branch }) => {
    const g = groups.get(at);
    if (!g?.compat) return true;
    if (g.decided !== undefined) return g.decided === branch;
    return build === null || mayCompile(T, g, branch, build);
  });
}

/** Hashes of a list of definitions' digests as each kernel build sees them, and as `compatVariants` when some build sees another list. */
function variantsOf<E>(
  list: E[],
  text: (e: E) => string,
  built: (e: E, build: Build, i: number) => string | null,
  kernelBuilds: Build[],
): { hash: string; compatVariants?: CompatVariants } {
  const hash = digest(list.map(text));
  const pick = (parts: string[]) =>
    parts.length === list.length && parts.every((c, i) => c === text(list[i]!)) ? hash : digest(parts);
  const variants = kernelBuilds.map((build, i) => pick(list.map((e) => built(e, build, i)).filter((v) => v !== null)));
  if (variants.every((v) => v === hash)) return { hash };
  return {
    hash,
    compatVariants: { oldest: [variants[0]!, variants[1]!, variants[2]!, variants[3]!], newest: variants[4]! },
  };
}

/** The file's `#define`s by name: every live definition of a name in source order, for each kernel build the ones it compiles. */
function definesOf(
  T: Tokens,
  source: string,
  groups: Map<number, Group>,
  kernelBuilds: Build[],
  lineAt: (offset: number) => number,
): Record<string, CodeMacro> {
  const byName = new Map<string, DefineFact[]>();
  for (const d of defineFacts(T, source)) {
    if (!compiledBy(T, d.scope, groups, null)) continue;
    const list = byName.get(d.name);
    if (list) list.push(d);
    else byName.set(d.name, [d]);
  }
  const out: Record<string, CodeMacro> = {};
  for (const name of [...byName.keys()].sort()) {
    const list = byName.get(name)!;
    const text = (d: DefineFact) => digest([d.text]);
    const macro: CodeMacro = {
      line: lineAt(list[0]!.at),
      ...variantsOf(list, text, (d, build) => (compiledBy(T, d.scope, groups, build) ? text(d) : null), kernelBuilds),
    };
    const mentions = [...new Set(list.flatMap((d) => d.mentions))].sort();
    if (mentions.length) macro.mentions = mentions.join(' ');
    Object.defineProperty(out, name, { value: macro, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The functions of one filler or program file, keyed by name, with their token hashes. */
export function extractCodeBodies(path: string, source: string, minKernel = 0n): CodeFile {
  // The C text layer: comments, line ends and continuations as gcc reads them.
  const c = cText(source);
  const T = lex(c.text);
  markCompat(T);
  const groups = conditionalGroups(T, minKernel);
  const decided = new Map([...groups].filter(([, g]) => g.decided !== undefined).map(([at, g]) => [at, g.decided!]));
  const kernelBuilds = builds(minKernel);
  // Before the functions: resolving their regions appends directive tokens to T (kernel-compat.ts: synthetic).
  const macros = definesOf(T, c.text, groups, kernelBuilds, c.lineAt);
  const defs = findDefinitions(T, decided);
  const lines = defs.map((d) => c.lineAt(d.at));
  type Entry = DefinitionFacts & { def: Def; line: number };
  const byName = new Map<string, Entry[]>();
  defs.forEach((def, i) => {
    const entry = { ...definitionFacts(T, def, groups, minKernel), def, line: lines[i]! };
    const list = byName.get(def.name);
    if (list) list.push(entry);
    else byName.set(def.name, [entry]);
  });
  const functions: Record<string, CodeFunction> = {};
  for (const name of [...byName.keys()].sort()) {
    const list = byName.get(name)!;
    // Each build sees the definitions it compiles, each as it resolves its regions.
    const { hash, compatVariants } = variantsOf(
      list,
      (e) => e.text,
      (e, build, i) => (compiledBy(T, e.def.scope, groups, build) ? (e.variants?.[i] ?? e.text) : null),
      kernelBuilds,
    );
    const fn: CodeFunction = { line: list[0]!.line, hash };
    if (compatVariants) fn.compatVariants = compatVariants;
    if (list.every((e) => e.def.compatScoped)) fn.kernelSpecific = true;
    const headers = list.map((e) => e.header).filter((h) => h !== null);
    if (headers.length) fn.headerHash = headers.length === 1 ? headers[0]! : digest(headers);
    Object.assign(fn, boundaryOf(list, hash));
    // An own property even for a function named `__proto__` (the sources are untrusted).
    Object.defineProperty(functions, name, { value: fn, enumerable: true, writable: true, configurable: true });
  }
  const out: CodeFile = { probe: probeOf(path), functions };
  if (Object.keys(macros).length) out.macros = macros;
  return out;
}
