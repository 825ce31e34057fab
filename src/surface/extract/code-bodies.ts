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
 * Each function gets two hashes:
 * - `hash`: every token of the definition (return type, name, parameter list, body, the
 *   preprocessor directives inside it, normalised to single-spaced token text). Adjacent
 *   string literals count as one and `u32`/`__u64`-style types as `uint32_t`/`uint64_t`, so
 *   clang-format (215db2d9d) and type-spelling cleanups are not changes;
 * - `coreHash`: the same with kernel-compatibility code removed, so that a change confined to
 *   it leaves `coreHash` equal (libs' README.VERSION.md: no bump for kernel build fixes):
 *   (a) conditional groups (`#if` … `#endif`, every branch, the directive lines included)
 *       any of whose conditions mentions a kernel-version or kernel-feature macro
 *       (see `isCompatCondition`);
 *   (b) C-level `if (…bpf_core_*(…)…) A else B` statements (CO-RE feature checks of the modern
 *       probe): the whole statement, else-branch included;
 *   (c) the remaining `bpf_core_*(…)` calls themselves (`bpf_core_read*` excepted: those are
 *       data reads, not feature checks).
 * and, when it has kernel-compatibility regions, two more (`compatVariants`, see
 * `CodeFunction.compatVariants`): the function as the oldest and as the newest kernel build sees
 * it. Those catch the commonest kernel build fix, which wraps existing code into a new
 * conditional (`X` becomes `#if LINUX_VERSION_CODE < V X #else Y #endif`): drop-all `coreHash`
 * then loses X on one side only, while the oldest build still sees X on both.
 *
 * A name defined more than once in one file (alternative definitions in the branches of an
 * `#if`) is one entry: its hashes cover every definition in source order, its line is the
 * first definition's. When some of those definitions sit in a kernel-compatibility branch at
 * top level, `coreHash` covers only the definitions outside such branches (when every
 * definition is inside one, it covers them all, and the function is `kernelSpecific`).
 */
import { createHash } from 'node:crypto';
import type { CodeFile, CodeFunction } from '../model.js';
import { findDefinitions, type Def } from './code/functions.js';
import { cText } from '../../parse/c-text.js';
import { conditionalGroups, coreTokens, markCompat, NEWEST, oldest as oldestBuild, resolveVariant, type Group } from './code/kernel-compat.js';
import { lex, type Tokens } from './code/lexer.js';
import { normaliseFunction, type LeaveOut } from './code/normalise.js';
import { boundaryFacts, doesNothing, type BoundaryFacts, type BoundaryMark } from './code/boundary.js';

/** Repository paths whose function bodies are compared (filler and program code). */
export const CODE_FILES: RegExp[] = [
  // Kernel module: the fillers and the payload helpers (val_to_ring, pack_addr, ...).
  /^driver\/ppm_fillers\.c$/,
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

/** Whether a function exists only under kernel-compatibility conditionals. */
export function isKernelSpecific(fn: CodeFunction): boolean {
  return fn.kernelSpecific === true;
}

/** The `compatVariants` of a function, or its hash twice when it has no kernel-compatibility regions. */
export function compatVariants(fn: CodeFunction): [string, string] {
  return fn.compatVariants ?? [fn.hash, fn.hash];
}

/** The boundary facts of every definition of one name, merged; empty ones left out. */
function boundaryOf(
  list: Array<{ text: string; boundary: BoundaryFacts; statsFree: string | null; glueFree: string | null; countsOnly: boolean }>,
  hash: string,
): Partial<CodeFunction> {
  const out: Partial<CodeFunction> = {};
  // One definition (the usual case): its lists are already sorted and unique.
  const merged = (key: 'calls' | 'globals' | 'marks' | 'counters' | 'events') =>
    list.length === 1 ? (list[0]!.boundary[key] as string[]) : [...new Set(list.flatMap((e) => e.boundary[key] as string[]))].sort();
  const calls = merged('calls');
  const globals = merged('globals');
  const marks = merged('marks') as BoundaryMark[];
  const counters = merged('counters');
  const events = merged('events');
  if (events.length) out.events = events.join(' ');
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
  /** Digests of the normalised tokens: all of them, without kernel-compatibility code, and as the oldest and the newest kernel build see them. */
  text: string;
  core: string;
  oldest: string;
  newest: string;
  boundary: BoundaryFacts;
  /** Digest without counter updates, when it has some. */
  statsFree: string | null;
  /** Digest without counter updates and tail calls, when it has tail calls. */
  glueFree: string | null;
  countsOnly: boolean;
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
  return { calls: own(b.calls), globals: own(b.globals), marks: b.marks, counters: own(b.counters), events: own(b.events) };
}

function definitionFacts(T: Tokens, def: Def, groups: Map<number, Group>, minKernel: bigint): DefinitionFacts {
  // Which kernel-version groups are dead depends on the supported range too.
  const raw = digest([T.text.slice(def.start, def.end + 1).join('\u001f'), T.compat.slice(def.start, def.end + 1).join(''), String(minKernel)]);
  const seen = seenDefinitions.get(raw);
  if (seen) return seen;
  // Tokens of a function, build-only edits normalised (code/normalise.ts).
  const hashOf = (list: number[], leaveOut?: LeaveOut) => digest([normaliseFunction(T, list, leaveOut).map((t) => T.text[t]).join('\u001f')]);
  const all: number[] = [];
  for (let t = def.start; t <= def.end; t++) all.push(t);
  let text: string;
  let core: string;
  let oldest: string;
  let newest: string;
  try {
    text = hashOf(all);
    core = oldest = newest = text;
    const kept = coreTokens(T, def.start, def.end, groups);
    if (kept) {
      core = hashOf(kept);
      const f: number[] = [];
      const l: number[] = [];
      resolveVariant(T, all, 0, all.length, oldestBuild(minKernel), groups, f);
      resolveVariant(T, all, 0, all.length, NEWEST, groups, l);
      oldest = hashOf(f);
      newest = hashOf(l);
    }
  } catch (e) {
    // Statements or conditionals nested deeper than the stack (crafted input): no
    // kernel-compatibility allowance for this function, every change counts.
    if (!(e instanceof RangeError)) throw e;
    text = core = oldest = newest = raw;
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
  const facts = { text, core, oldest, newest, boundary, statsFree, glueFree, countsOnly };
  if (seenDefinitions.size >= MAX_SEEN_DEFINITIONS) seenDefinitions.clear();
  seenDefinitions.set(raw, facts);
  return facts;
}

/** The functions of one filler or program file, keyed by name, with their token hashes. */
export function extractCodeBodies(path: string, source: string, minKernel = 0n): CodeFile {
  // The C text layer: comments, line ends and continuations as gcc reads them.
  const c = cText(source);
  const T = lex(c.text);
  markCompat(T);
  const groups = conditionalGroups(T, minKernel);
  const decided = new Map([...groups].filter(([, g]) => g.decided !== undefined).map(([at, g]) => [at, g.decided!]));
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
    const hash = digest(list.map((e) => e.text));
    // Definitions inside top-level kernel-compatibility groups are variants of the others.
    const plain = list.filter((e) => !e.def.compatScoped);
    const pick = (parts: string[]) => (parts.length === list.length && parts.every((c, i) => c === list[i]!.text) ? hash : digest(parts));
    const coreHash = pick((plain.length ? plain : list).map((e) => e.core));
    // Alternative definitions of a kernel-specific helper: the last one (usually the `#else`)
    // stands for the oldest kernels, the first for the newest.
    const oldest = pick((plain.length ? plain : list.slice(-1)).map((e) => e.oldest));
    const newest = pick((plain.length ? plain : list.slice(0, 1)).map((e) => e.newest));
    const fn: CodeFunction = { line: list[0]!.line, hash, coreHash };
    if (oldest !== hash || newest !== hash) fn.compatVariants = [oldest, newest];
    if (!plain.length) fn.kernelSpecific = true;
    Object.assign(fn, boundaryOf(list, hash));
    // An own property even for a function named `__proto__` (the sources are untrusted).
    Object.defineProperty(functions, name, { value: fn, enumerable: true, writable: true, configurable: true });
  }
  return { probe: probeOf(path), functions };
}
