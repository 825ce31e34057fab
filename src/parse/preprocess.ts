import { emptySymbols, evaluate } from './consteval.js';

/**
 * The small preprocessing pass the driver sources need before tree-sitter (DESIGN.md §3).
 *
 * Every rewrite keeps the text's length and every newline, so a byte offset or a line number
 * in the rewritten text is the same in the original file: reported locations stay exact.
 */

export interface Guard {
  /** The directive's condition, e.g. `defined(CONFIG_64BIT)` or `!(__KERNEL__)` for an #else. */
  condition: string;
  /** 1-based line of the directive. */
  line: number;
  /** `#ifndef X_H` + `#define X_H`: not reported by guardsAt. */
  includeGuard?: boolean;
  /** Negations of every branch of this #if chain so far: what an #elif or #else adds to. */
  rest?: string;
}

export interface Preprocessed {
  /** The rewritten text: same length and same newlines as the original. */
  text: string;
  /** guardsAt(line) = the conditional directives enclosing that 1-based line, outermost first. */
  guardsAt(line: number): Guard[];
  /** `#pragma pack` state per 1-based line: the alignment cap in force, or 0 for none. */
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

/** Ranges of comments (not inside string or char literals). */
function commentRanges(src: string): Range[] {
  const out: Range[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      i++;
      while (i < n && src.charCodeAt(i) !== c && src.charCodeAt(i) !== 10) i += src.charCodeAt(i) === 92 ? 2 : 1;
      i++;
    } else if (c === 47 /* / */ && src.charCodeAt(i + 1) === 42 /* * */) {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out.push([i, stop]);
      i = stop;
    } else if (c === 47 && src.charCodeAt(i + 1) === 47) {
      let stop = src.indexOf('\n', i);
      // A // comment ends at the newline, unless the line is continued with a backslash.
      while (stop > 0 && src.charCodeAt(stop - 1) === 92) stop = src.indexOf('\n', stop + 1);
      if (stop < 0) stop = n;
      out.push([i, stop]);
      i = stop;
    } else i++;
  }
  return out;
}

/** Blanks comments. A comment inside a continued #define no longer ends the macro. */
export function stripComments(src: string): string {
  return blankRanges(src, commentRanges(src));
}

/**
 * Annotations that confuse the C grammar and carry nothing we read from the tree. They become
 * spaces; where they matter (`_packed`), extractors look at the original text, which still has them.
 */
const NOISE = [
  /\b_packed\b/g,
  /\b__weak\b/g,
  /\b__user\b/g,
  /\b__percpu\b/g,
  /\b__rcu\b/g,
  /\b__always_inline\b/g,
  /\b__bpf_section\s*\(\s*"[^"\n]*"\s*\)/g,
  /\bSEC\s*\(\s*"[^"\n]*"\s*\)/g,
];

const CONDITIONAL = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/;

/** Preprocesses one C file; see the module comment. */
export function preprocess(src: string): Preprocessed {
  const text0 = stripComments(src);
  const blanks: Range[] = [];
  const inDirective = directiveRanges(text0);
  for (const re of NOISE) {
    for (const m of text0.matchAll(re)) {
      if (!inDirective(m.index!)) blanks.push([m.index!, m.index! + m[0].length]);
    }
  }

  // Conditional directives: blank them so initializer lists and enums around them parse, and
  // remember the guard of every line so extractors can report conditional items.
  const lines = text0.split('\n');
  // Guard stacks are immutable: every line of a region shares one array.
  let guardStack: Guard[] = [];
  const guardsByLine: Guard[][] = new Array(lines.length + 1);
  const packByLine: number[] = new Array(lines.length + 1);
  const packStack: number[] = [];
  let pack = 0;
  let offset = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const lineNo = li + 1;
    const m = CONDITIONAL.exec(line);
    guardsByLine[lineNo] = guardStack;
    packByLine[lineNo] = pack;
    if (m) {
      // A directive can be continued over several lines: blank all of them.
      let end = li;
      while (lines[end]!.endsWith('\\') && end + 1 < lines.length) end++;
      const cond = lines
        .slice(li, end + 1)
        .join(' ')
        .replace(/\\/g, ' ')
        .replace(CONDITIONAL, '$2')
        .trim()
        .replace(/\s+/g, ' ');
      const kind = m[1];
      if (kind === 'if' || kind === 'ifdef' || kind === 'ifndef') {
        const c = kind === 'ifdef' ? `defined(${cond})` : kind === 'ifndef' ? `!defined(${cond})` : cond;
        // An include guard (#ifndef X / #define X) wraps the whole file: it conditions nothing.
        const includeGuard = kind === 'ifndef' && /^\w+$/.test(cond) && defines(lines[end + 1] ?? '', cond);
        guardStack = [...guardStack, { condition: c, line: lineNo, rest: `!(${c})`, ...(includeGuard ? { includeGuard } : {}) }];
      } else if (kind === 'elif' || kind === 'else') {
        // #elif B after #if A is `!(A) && (B)`; the #else after both is `!(A) && !(B)`.
        const rest = guardStack[guardStack.length - 1]?.rest ?? '1';
        const c = kind === 'else' ? rest : `${rest} && (${cond})`;
        guardStack = [...guardStack.slice(0, -1), { condition: c, line: lineNo, rest: kind === 'else' ? rest : `${rest} && !(${cond})` }];
      } else guardStack = guardStack.slice(0, -1);
      let blankEnd = offset;
      for (let k = li; k <= end; k++) blankEnd += lines[k]!.length + 1;
      blanks.push([offset, Math.min(blankEnd, text0.length)]);
      for (let k = li + 1; k <= end; k++) {
        guardsByLine[k + 1] = guardStack;
        packByLine[k + 1] = pack;
      }
      for (let k = li; k < end; k++) offset += lines[k]!.length + 1;
      li = end;
      offset += lines[end]!.length + 1;
      continue;
    }
    // #pragma pack(push, N) / pack(N) / pack(pop) / pack(): tracked per line, for the layout engine.
    const pm = /^[ \t]*#[ \t]*pragma[ \t]+pack[ \t]*\(([^)]*)\)/.exec(line);
    if (pm && !guardStack.some(isOtherCompilerOnly)) {
      const args = pm[1]!.split(',').map((s) => s.trim());
      if (args[0] === 'push') {
        packStack.push(pack);
        if (args[1]) pack = Number(args[1]) || 0;
      } else if (args[0] === 'pop') pack = packStack.pop() ?? 0;
      else pack = Number(args[0]) || 0;
      packByLine[lineNo] = pack;
    }
    offset += line.length + 1;
  }
  return {
    text: blankRanges(text0, blanks),
    guardsAt: (line) => (guardsByLine[line] ?? []).filter((g) => !g.includeGuard),
    packAt: (line) => packByLine[line] ?? 0,
  };
}

/**
 * Platform macros with a known value in the builds that matter: the drivers and libscap are
 * built by gcc or clang on Linux. Anything else in a condition is unknown.
 */
const PLATFORM: Record<string, 0 | 1> = {
  _MSC_VER: 0, _WIN32: 0, _WIN64: 0, __sun: 0, __APPLE__: 0, __MACH__: 0, __FreeBSD__: 0, __EMSCRIPTEN__: 0,
  __linux__: 1, __GNUC__: 1,
};

/** The value of a condition that only tests platform macros: true, false, or null when unknown. */
export function platformCondition(condition: string): boolean | null {
  const known = condition.replace(/\bdefined\s*(?:\(\s*(\w+)\s*\)|(\w+))/g, (m, a: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    return name in PLATFORM ? String(PLATFORM[name]) : m;
  });
  if (/[A-Za-z_]/.test(known)) return null;
  const v = evaluate(known, emptySymbols());
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

function defines(line: string, name: string): boolean {
  const m = /^\s*#\s*define\s+(\w+)/.exec(line);
  return m?.[1] === name;
}

/** offset → is it inside a preprocessor directive (continuation lines included)? */
function directiveRanges(text: string): (offset: number) => boolean {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(/^[ \t]*#(?:[^\n]*\\\n)*[^\n]*/gm)) ranges.push([m.index!, m.index! + m[0].length]);
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

/** A line index for repeated offset → line look-ups. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
