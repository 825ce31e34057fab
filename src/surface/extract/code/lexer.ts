/**
 * The lexer of filler and program code (see code-bodies.ts): C source to tokens, comments,
 * whitespace and line continuations dropped, each preprocessor directive one token.
 *
 * Hand-written rather than tree-sitter's leaf tokens: it runs on every filler and program file
 * of both revisions of every check (192 files, about 0.9 MB, at libs 48dfd53cd). Measured with
 * bench/lexer-vs-tree-sitter.mjs on the two largest such files, at libs c5ea0da85~1, given the
 * same comment-free text (cText(...).text, 0.9 ms per file, needed either way): Node 20, two
 * cores shared with other work (load 6 to 10), `nice -n 15`, each figure the lowest of six runs
 * of the minimum over 100 warm repetitions:
 *
 *   file (size)                       lex      tree-sitter parse   parse + leaf tokens
 *   driver/ppm_fillers.c (235 KB)     2.2 ms   43.8 ms (20x)       65.5 ms (30x)
 *   driver/bpf/fillers.h (224 KB)     2.2 ms   31.6 ms (14x)       51.1 ms (23x)
 *
 * The two token streams are of a size (41,052 tokens against 42,043 leaves; 33,984 against
 * 35,055). By throughput, a revision's code costs about 9 ms here against 130 to 170 ms for
 * tree-sitter's parse alone, where a whole pull request's check has 1 s (bench/check-speed.mjs).
 * Conclusion: keep the hand lexer. Tree-sitter would not buy correctness either: the grammar
 * chokes on `BPF_PROG(name, ...)`, `FILLER(x, true)` and `#if` inside statements
 * (code-bodies.ts), while brace matching over tokens is all findDefinitions needs.
 */
import { OLD_ENUM_SPELLINGS } from '../../enum-names.js';

// ---------------------------------------------------------------------------------------------
// Lexer. Tokens are kept as parallel arrays (no object per token): this runs on every filler
// and program file of both revisions.

export const IDENT = 1;
export const NUMBER = 2;
export const STR = 3;
export const PUNCT = 4;
export const DIRECTIVE = 5;

/** Directive kinds, for conditional-group matching. */
export const PP_IF = 1;
export const PP_ELIF = 2;
export const PP_ELSE = 3;
export const PP_ENDIF = 4;
export const PP_OTHER = 5;

export class Tokens {
  n = 0;
  kind: Uint8Array;
  /** Byte offset of the token's start (for line numbers). */
  at: Int32Array;
  /** PP_* for a directive, 0 otherwise. */
  pp: Uint8Array;
  /** 1 when a conditional directive's condition mentions a kernel-version or kernel-feature macro (set by markCompat). */
  compat: Uint8Array;
  /** Token text; a directive is `#name tok tok ...`, single-spaced. */
  readonly text: string[] = [];
  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.at = new Int32Array(capacity);
    this.pp = new Uint8Array(capacity);
    this.compat = new Uint8Array(capacity);
  }
  push(kind: number, text: string, at: number, pp = 0, compat = 0): void {
    const i = this.n++;
    if (i === this.kind.length) this.grow();
    this.kind[i] = kind;
    this.at[i] = at;
    this.pp[i] = pp;
    this.compat[i] = compat;
    this.text.push(text);
  }
  private grow(): void {
    const size = this.kind.length * 2;
    const kind = new Uint8Array(size);
    const at = new Int32Array(size);
    const pp = new Uint8Array(size);
    const compat = new Uint8Array(size);
    kind.set(this.kind);
    at.set(this.at);
    pp.set(this.pp);
    compat.set(this.compat);
    Object.assign(this, { kind, at, pp, compat });
  }
}

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}
function isIdChar(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}
/**
 * Where the identifier characters from `i` end. A sticky regex, not a loop over isIdChar: lexing
 * runs cold (each file once), where a native regex match costs far less per character than a
 * call per character in V8's interpreter.
 */
const ID_CHARS = /[A-Za-z0-9_$]*/y;
function idEnd(src: string, i: number): number {
  ID_CHARS.lastIndex = i;
  ID_CHARS.test(src);
  return ID_CHARS.lastIndex;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length of the punctuator at `i` (maximal munch over C's 2- and 3-character operators). */
function punctLen(src: string, i: number, c: number): number {
  const d = src.charCodeAt(i + 1);
  switch (c) {
    case 45: // - : -> -- -=
      return d === 62 || d === 45 || d === 61 ? 2 : 1;
    case 43: // + : ++ +=
      return d === 43 || d === 61 ? 2 : 1;
    case 60: // < : << <<= <=
    case 62: // > : >> >>= >=
      if (d === c) return src.charCodeAt(i + 2) === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 61: // =
    case 33: // !
    case 42: // *
    case 47: // /
    case 37: // %
    case 94: // ^
      return d === 61 ? 2 : 1;
    case 38: // & : && &=
    case 124: // | : || |=
      return d === c || d === 61 ? 2 : 1;
    case 35: // ##
      return d === 35 ? 2 : 1;
    case 46: // ...
      return d === 46 && src.charCodeAt(i + 2) === 46 ? 3 : 1;
    default:
      return 1;
  }
}

/**
 * Qualifiers and hints that change how a function is compiled, not what it sends: `volatile`
 * for the verifier, `const` for a warning, an inlining hint, sparse's address-space
 * annotations. Left out of the token stream (libs #1335, #947, e028b1142). Not `static`: on a
 * function it is build-only (normalise.ts drops it from the signature), on a local it makes the
 * value persist from one event to the next.
 */
const BUILD_ONLY_TOKENS = new Set([
  'register',
  'volatile',
  'const',
  'inline',
  '__inline',
  '__always_inline',
  '__noinline',
  'noinline',
  '__maybe_unused',
  '__user',
  '__force',
]);

/**
 * `#pragma` directives are compiler hints (`#pragma unroll`, `#pragma clang loop ...`, GCC
 * diagnostics: libs #775); only `#pragma pack` changes what code means, and it is kept.
 */
function isHintPragma(name: string, cond: string): boolean {
  return name === 'pragma' && !/^pack\b/.test(cond);
}

/**
 * Fixed-width integer type spellings, normalised to <stdint.h> names: libs moved from the
 * kernel's `u32`/`__u64` to `uint32_t`/`uint64_t` in bulk (4dd9c8a25, 9326b1dd2, 5ee8c6ce9),
 * which changes no generated code.
 */
const TYPE_ALIASES = new Map<string, string>();
for (const bits of [8, 16, 32, 64]) {
  for (const prefix of ['', '__']) {
    TYPE_ALIASES.set(`${prefix}u${bits}`, `uint${bits}_t`);
    TYPE_ALIASES.set(`${prefix}s${bits}`, `int${bits}_t`);
  }
}

/**
 * Splits C text (the C text layer's comment-free text: parse/c-text.ts) into tokens:
 * whitespace and line continuations are dropped, each preprocessor directive becomes one token, adjacent string literals become one, and
 * fixed-width type aliases take their <stdint.h> spelling. The first branch of `#if 0` is dead code and
 * dropped with its directives (an `#else` branch after it is kept, unwrapped).
 */
export function lex(src: string): Tokens {
  const n = src.length;
  // About one token per 4 bytes of C; grown when needed.
  const T = new Tokens((n >> 2) + 64);
  let i = 0;
  let lineStart = true;
  // The directive being collected.
  let dir: { at: number; name: string; toks: string[] } | null = null;
  // Inside the dead branch of `#if 0`: nesting depth of conditionals there (0 = live).
  let dead = 0;
  // Open conditional groups: true for an `#if 0 … #else` group whose `#endif` is dropped.
  const groups: boolean[] = [];

  const finishDirective = () => {
    const d = dir!;
    dir = null;
    let name = d.name;
    const cond = d.toks.join(' ');
    let pp = PP_OTHER;
    if (name === 'if' || name === 'ifdef' || name === 'ifndef') pp = PP_IF;
    else if (name === 'elif' || name === 'elifdef' || name === 'elifndef') pp = PP_ELIF;
    else if (name === 'else') pp = PP_ELSE;
    else if (name === 'endif') pp = PP_ENDIF;
    if (dead > 0) {
      if (pp === PP_IF) dead++;
      else if (pp === PP_ENDIF) dead--;
      else if (dead === 1 && pp === PP_ELSE) {
        dead = 0;
        groups.push(true);
        return;
      } else if (dead === 1 && pp === PP_ELIF) {
        // `#if 0 … #elif X`: from here on the group is `#if X`.
        dead = 0;
        groups.push(false);
        pp = PP_IF;
        name = name.replace('elif', 'if');
      }
      if (dead > 0 || pp !== PP_IF) return;
    } else if (pp === PP_IF && name === 'if' && cond === '0') {
      dead = 1;
      return;
    } else if (pp === PP_IF) groups.push(false);
    else if (pp === PP_ENDIF && groups.pop()) return;
    else if (isHintPragma(name, cond)) return;
    T.push(DIRECTIVE, cond ? `#${name} ${cond}` : `#${name}`, d.at, pp);
  };

  const emit = (kind: number, start: number, end: number) => {
    let text = src.slice(start, end);
    if (kind === IDENT) text = TYPE_ALIASES.get(text) ?? text;
    const list = dir ? dir.toks : T.text;
    const prev = list.length - 1;
    const current = kind === IDENT && list[prev] === 'enum' ? OLD_ENUM_SPELLINGS.get(text) : undefined;
    if (current !== undefined && (dir || (dead === 0 && T.kind[prev] === IDENT))) {
      // `enum ppm_event_type` is the old spelling of `ppm_event_code` (libs #554).
      list[prev] = current;
      return;
    }
    if (
      kind === STR &&
      text.charCodeAt(0) === 34 &&
      (dir || (dead === 0 && T.kind[prev] === STR)) &&
      list[prev]?.endsWith('"')
    ) {
      // Adjacent string literals are one string (C translation phase 6): clang-format splits
      // long ones.
      list[prev] = list[prev]!.slice(0, -1) + text.slice(1);
      return;
    }
    if (dir) dir.toks.push(text);
    else if (dead === 0 && !(kind === IDENT && BUILD_ONLY_TOKENS.has(text))) T.push(kind, text, start);
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      if (dir) finishDirective();
      lineStart = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    if (c === 92 /* \ */ && src.charCodeAt(i + 1) === 10) {
      // A line continuation (canonical in the C text layer) joins two lines.
      i += 2;
      continue;
    }
    // A directive: `#` (or the digraph `%:`) first on its line.
    const hash = c === 35 ? 1 : c === 37 && src.charCodeAt(i + 1) === 58 ? 2 : 0;
    if (hash && lineStart && !dir) {
      lineStart = false;
      let j = i + hash;
      while (j < n && (src.charCodeAt(j) === 32 || src.charCodeAt(j) === 9)) j++;
      const s = j;
      j = idEnd(src, j);
      dir = { at: i, name: src.slice(s, j), toks: [] };
      i = j;
      continue;
    }
    lineStart = false;
    const start = i;
    if (isIdStart(c)) {
      i = idEnd(src, i + 1);
      // A prefixed string or char literal: L"x", u8"x", U'x'.
      const q = src.charCodeAt(i);
      if ((q === 34 || q === 39) && i - start <= 2 && /^(L|u|U|u8)$/.test(src.slice(start, i))) {
        i = skipQuoted(src, i);
        emit(STR, start, i);
      } else emit(IDENT, start, i);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      // A pp-number: digits, letters, dots, and a sign right after an exponent letter.
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (isIdChar(d) || d === 46) i++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(src[i - 1]!)) i++;
        else break;
      }
      emit(NUMBER, start, i);
      continue;
    }
    if (c === 34 || c === 39) {
      i = skipQuoted(src, i);
      emit(STR, start, i);
      continue;
    }
    i += punctLen(src, i, c);
    emit(PUNCT, start, i);
  }
  if (dir) finishDirective();
  return T;
}

/** Index just past a string or char literal starting at `i` (an unterminated one ends at the line's end). */
function skipQuoted(src: string, i: number): number {
  const q = src.charCodeAt(i);
  const n = src.length;
  i++;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === q) return i + 1;
    if (c === 10) return i;
    i += c === 92 ? 2 : 1;
  }
  return n;
}
