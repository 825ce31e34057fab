import { cText, type CText } from './c-text.js';
import { emptySymbols, evaluate } from './consteval.js';
import { applyPack, branchChain, scanDirectives, type Directives, type PackState } from './directives.js';
import { record } from '../record.js';

/**
 * The text tree-sitter parses (docs/architecture.md, Tree-sitter): the C text layer's
 * comment-free text with every preprocessor directive and the annotations that confuse the
 * grammar blanked. Every rewrite
 * keeps the text's length and every newline, so a byte offset or a line number in the rewritten
 * text is the same in the original file: reported locations stay exact.
 */

export interface Guard {
  /** What must hold for the line to be compiled, e.g. `defined(CONFIG_64BIT)` or `!(defined(__KERNEL__))`. */
  condition: string;
  /** 1-based line of the directive. */
  line: number;
}

export interface Preprocessed {
  /** The rewritten text: same length and same newlines as the original. */
  text: string;
  /** The C text layer the rewrite started from (line ends, continuations, comments as gcc reads them). */
  c: CText;
  directives: Directives;
  /** guardsAt(line) = the conditional branches enclosing that 1-based line, outermost first (include guards left out). */
  guardsAt(line: number): Guard[];
  /** `#pragma pack` per 1-based line, as gcc and clang on Linux see it: the alignment cap, or 0 for none. */
  packAt(line: number): number;
}

type Range = [number, number];

/** The text with every [start, end) range replaced by spaces (newlines kept). */
function blankRanges(src: string, ranges: Range[]): string {
  if (!ranges.length) return src;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let pos = 0;
  for (const [a0, b] of ranges) {
    const a = Math.max(a0, pos);
    if (b <= a) continue;
    parts.push(src.slice(pos, a), src.slice(a, b).replace(/[^\n]/g, ' '));
    pos = b;
  }
  parts.push(src.slice(pos));
  return parts.join('');
}

/**
 * Annotations that confuse the C grammar and carry nothing we read from the tree. They become
 * spaces; where they matter (`_packed`, `__packed` and `__aligned(N)` change a layout, and
 * `_Pragma` is a directive), the readers look at `c.spliced` or the directives, which still have
 * them. Each is what gcc reads when the tree does not define the name itself; when it does, the
 * surface reads the definition again with its macros expanded (surface/reread.ts).
 */
const NOISE = [
  /\b_packed\b/g,
  /\b__packed\b/g,
  // The grammar has no attribute between `enum` and its tag (only the attribute is blanked).
  /\benum\s+(?<blank>__attribute__\s*\(\((?:[^()\n]|\([^()\n]*\))*\)\))/dg,
  /\b__aligned\s*\((?:[^()\n]|\([^()\n]*\))*\)/g,
  /\b_Pragma\s*\(\s*L?"(?:\\.|[^"\\\n])*"\s*\)/g,
  /\b__weak\b/g,
  /\b__user\b/g,
  /\b__percpu\b/g,
  /\b__rcu\b/g,
  /\b__always_inline\b/g,
  /\b__bpf_section\s*\(\s*"[^"\n]*"\s*\)/g,
  /\bSEC\s*\(\s*"[^"\n]*"\s*\)/g,
];

/** Preprocesses one C file; see the module comment. */
export function preprocess(src: string): Preprocessed {
  const c = cText(src);
  const directives = scanDirectives(c.text);
  const blanks: Range[] = [...directives.spans];
  const inDirective = offsetIn(directives.spans);
  for (const re of NOISE) {
    for (const m of c.text.matchAll(re)) {
      if (!inDirective(m.index!)) blanks.push(m.indices?.groups?.blank ?? [m.index!, m.index! + m[0].length]);
    }
  }
  const packs = staticPacks(directives);
  return {
    text: blankRanges(c.text, blanks),
    c,
    directives,
    guardsAt: (line) =>
      branchChain(directives, line)
        .map((b) => directives.branches[b]!)
        .filter((b) => !b.includeGuard)
        .map((b) => ({ condition: b.condition, line: b.line })),
    packAt: (line) => {
      let v = 0;
      for (const [at, cap] of packs) if (at <= line) v = cap;
      return v;
    },
  };
}

/** `#pragma pack` state after each pragma (`_Pragma` operators included), skipping pragmas only another compiler or OS sees. */
function staticPacks(d: Directives): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const state: PackState = { cap: 0, stack: [] };
  for (const op of d.ops) {
    if (op.op !== 'pack') continue;
    const chain = branchChain(d, op.line).map((b) => d.branches[b]!);
    if (chain.some((b) => platformCondition(b.condition) === false)) continue;
    applyPack(state, op.args);
    out.push([op.line, state.cap]);
  }
  return out;
}

/**
 * Platform macros with a known value in the builds that matter: the drivers and libscap are
 * built by gcc or clang on Linux. Anything else in a condition is unknown.
 */
const PLATFORM = record<0 | 1>({
  _MSC_VER: 0,
  _WIN32: 0,
  _WIN64: 0,
  __sun: 0,
  __APPLE__: 0,
  __MACH__: 0,
  __FreeBSD__: 0,
  __EMSCRIPTEN__: 0,
  __linux__: 1,
  __GNUC__: 1,
});

/** The value of a condition that only tests platform macros: true, false, or null when unknown. */
export function platformCondition(condition: string): boolean | null {
  const known = condition.replace(
    /\bdefined\s*(?:\(\s*(\w+)\s*\)|(\w+))/g,
    (m, a: string | undefined, b: string | undefined) => {
      const name = (a ?? b)!;
      return name in PLATFORM ? String(PLATFORM[name]) : m;
    },
  );
  if (/[A-Za-z_]/.test(known)) return null;
  // An `#if` condition: evaluated as the preprocessor does (isDefined marks `#if` semantics).
  const v = evaluate(known, { ...emptySymbols(), isDefined: () => null });
  return v === null ? null : v !== 0n;
}

/**
 * True for a branch only another compiler or OS takes (`#if defined _MSC_VER`, `#elif
 * defined __sun`): the drivers are built by gcc/clang for LP64 Linux, so what it holds (a
 * `#pragma pack`, another struct definition) does not apply.
 */
export function isOtherCompilerOnly(g: Guard): boolean {
  return platformCondition(g.condition) === false;
}

/** offset → is it inside one of the sorted, disjoint ranges? */
function offsetIn(ranges: Range[]): (offset: number) => boolean {
  return (offset) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = ranges[mid]!;
      if (offset < a) hi = mid - 1;
      else if (offset >= b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
