/**
 * The one C text layer: translation phases 1–3 as gcc performs them, computed once per file
 * and shared by the tree-sitter pass (preprocess.ts), the directive scanner (directives.ts) and
 * the filler-code lexer (surface/extract/code/lexer.ts).
 *
 * - Line ends: CRLF and a lone CR both end a line (gcc reads `a\rb` as two lines).
 * - Line continuations: a backslash followed by spaces or tabs and a newline continues the line
 *   (gcc warns "backslash and newline separated by space" and splices them anyway).
 * - Comments become spaces, outside string and character literals; a `//` comment continues onto
 *   the next line when its line is continued.
 * - Digraphs become the punctuators they spell (`<:` is `[`, `%>` is `}`, `%:` is `#`), padded
 *   with a space: they are the same tokens to the compiler.
 *
 * Every rewrite keeps the text's length, so an offset into `text` or `spliced` is an offset
 * into the source, and line numbers stay those an editor shows. To keep them, a continuation is
 * only moved, never removed: `\` + blanks + newline becomes blanks + `\` + newline (the canonical
 * form tree-sitter and the scanners read as a continuation). Only a continuation that splits a
 * token (`EF_USES_\` + newline + `FD`) is spliced for real: the two halves are joined, and the
 * characters taken out (as spaces) and the newline are put back at the end of the logical line.
 */

export interface CText {
  /** Phases 1–2: line ends normalised, continuations canonical or spliced; comments still there. */
  spliced: string;
  /** `spliced` with every comment blanked (newlines kept). */
  text: string;
  /** 1-based line of an offset. */
  lineAt(offset: number): number;
}

const NL = 10;
const BACKSLASH = 92;

/** Space, tab, vertical tab, form feed: the blanks a continuation or a directive line may have. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** A character that, on both sides of a continuation, means the continuation splits a token. */
function isTokenChar(c: number): boolean {
  return c > 32 && c !== BACKSLASH;
}

/** Phase 1: a UTF-8 byte-order mark becomes a space, CRLF a space and a newline, a lone CR a newline. */
function normaliseLineEnds(src: string): string {
  let s = src.charCodeAt(0) === 0xfeff ? ` ${src.slice(1)}` : src;
  if (s.indexOf('\r') < 0) return s;
  s = s.replace(/\r\n/g, ' \n');
  return s.replace(/\r/g, '\n');
}

/** Phase 2; see the module comment. */
function spliceContinuations(s: string): string {
  const re = /\\[ \t\f\v]*\n/g;
  let m = re.exec(s);
  if (!m) return s;
  const out: string[] = [];
  let copied = 0;
  // Characters and newlines taken out of the current logical line, put back at its end.
  let owedSpaces = 0;
  let owedNewlines = 0;
  const settle = () => {
    const nl = s.indexOf('\n', copied);
    const end = nl < 0 ? s.length : nl;
    out.push(s.slice(copied, end), ' '.repeat(owedSpaces), nl < 0 ? '' : '\n', '\n'.repeat(owedNewlines));
    copied = nl < 0 ? s.length : nl + 1;
    owedSpaces = owedNewlines = 0;
  };
  for (; m; m = re.exec(s)) {
    const i = m.index;
    const nl = i + m[0].length - 1;
    // The logical line that owes characters ended before this continuation: settle it first.
    if (owedNewlines) {
      const end = s.indexOf('\n', copied);
      if (end >= 0 && end < i) settle();
    }
    const splitsToken =
      i > 0 && isTokenChar(s.charCodeAt(i - 1)) && nl + 1 < s.length && isTokenChar(s.charCodeAt(nl + 1));
    if (splitsToken) {
      out.push(s.slice(copied, i));
      owedSpaces += nl - i;
      owedNewlines++;
    } else {
      // Canonical form: the blanks first, then `\` + newline.
      out.push(s.slice(copied, i), s.slice(i + 1, nl), '\\\n');
    }
    copied = nl + 1;
  }
  if (owedNewlines) settle();
  out.push(s.slice(copied));
  return out.join('');
}

/** True when the newline at `nl` is preceded by a canonical continuation backslash. */
function continued(s: string, nl: number): boolean {
  return nl > 0 && s.charCodeAt(nl - 1) === BACKSLASH;
}

/** Digraphs and the punctuators they spell, padded to the same length. */
const DIGRAPHS: Record<string, string> = { '<:': '[ ', ':>': '] ', '<%': '{ ', '%>': '} ', '%:%:': '##  ', '%:': '# ' };

/** Phase 3: comments to spaces (newlines kept), digraphs to punctuators, string and character literals skipped. */
export function blankComments(s: string): string {
  const parts: string[] = [];
  let copied = 0;
  const n = s.length;
  // Jump from one character that can open a literal, a comment or a digraph to the next.
  const next = /["'/]|%:%:|<[:%]|%[>:]|:>/g;
  for (let m = next.exec(s); m; m = next.exec(s)) {
    let i = m.index;
    const c = s.charCodeAt(i);
    const digraph = DIGRAPHS[m[0]];
    if (digraph) {
      parts.push(s.slice(copied, i), digraph);
      copied = next.lastIndex = i + m[0].length;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      i++;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d === c) break;
        if (d === NL && !continued(s, i)) break;
        i += d === BACKSLASH ? 2 : 1;
      }
      next.lastIndex = i + 1;
    } else if (s.charCodeAt(i + 1) === 42 /* * */) {
      const end = s.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      parts.push(s.slice(copied, i), blank(s, i, stop));
      copied = next.lastIndex = stop;
    } else if (s.charCodeAt(i + 1) === 47 /* / */) {
      let stop = s.indexOf('\n', i);
      while (stop > 0 && continued(s, stop)) stop = s.indexOf('\n', stop + 1);
      if (stop < 0) stop = n;
      parts.push(s.slice(copied, i), blank(s, i, stop));
      copied = next.lastIndex = stop;
    }
  }
  if (!parts.length) return s;
  parts.push(s.slice(copied));
  return parts.join('');
}

/** [a, b) of `s` as spaces, its newlines kept. */
function blank(s: string, a: number, b: number): string {
  const seg = s.slice(a, b);
  // Line by line rather than a character-by-character replace: licence headers are long.
  return seg.indexOf('\n') < 0
    ? ' '.repeat(b - a)
    : seg
        .split('\n')
        .map((line) => ' '.repeat(line.length))
        .join('\n');
}

/** A line index: offset → 1-based line, by binary search over line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
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

/** Phases 1–3 of one C file; see the module comment. */
export function cText(source: string): CText {
  const spliced = spliceContinuations(normaliseLineEnds(source));
  const text = blankComments(spliced);
  let index: ((offset: number) => number) | null = null;
  return { spliced, text, lineAt: (offset) => (index ??= lineIndex(spliced))(offset) };
}
