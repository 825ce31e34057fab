import { lineIndex } from '../../parse/c-text.js';
import type { Directives } from '../../parse/directives.js';
import { foldSpace, splitTopLevel } from './syntax.js';

/**
 * Targeted extraction, for files whose constructs tree-sitter cannot read (docs/architecture.md, Which files):
 * libbpf map definitions (`__uint(...)`, `__weak SEC(".maps")`), legacy
 * `__bpf_section("maps")` maps, and `module_param*(...)` calls that sit inside ERROR nodes in
 * main.c.
 *
 * Per blob, the file is cut into its top-level statements as the compiler's parser would see
 * them: directive lines are never part of a statement (a `#define` body is no declaration),
 * string and character literals are opaque, and function bodies are skipped (their heads are
 * kept: `DECLARE_PARAM(x)` with no `;` before a function is read with that head). What a statement
 * declares is read per revision (surface/text-declarations.ts), once the build model says which
 * of its pieces each build compiles and the file's macros are known. Every branch of a
 * conditional group is read (as tree-sitter reads the other files), each from the bracket
 * depth the group starts at, so `int f(a) {` in an `#if` and `int f(b) {` in its `#else` open
 * one body, not two. A group whose branches end at different depths (`#ifdef X` + `} else {` +
 * `#endif`, closed by a later `#ifdef X` + `}`) continues at the lowest of them: the reading is
 * then never deeper than any build's, so no statement a build compiles at file scope is taken
 * for part of a function body (at worst a statement of a body is read at file scope, where it
 * declares nothing).
 */

/** Part of a statement between two directive lines. */
export interface StatementPiece {
  /** The text as written (comments blanked). */
  text: string;
  /** 1-based line of the piece's first character. */
  line: number;
  /** Line of an `#include` between this piece and the one before it: what it brings into the statement is not read. */
  include?: number;
}

/** A file-scope statement up to its `;` (of a function definition, the head before its body). */
export interface TopLevelStatement {
  /** In source order; a statement with no directive inside it has one piece. */
  pieces: StatementPiece[];
}

export interface TopLevel {
  statements: TopLevelStatement[];
}

export const NO_TOP_LEVEL: TopLevel = { statements: [] };

const SEMI = 59;
const LBRACE = 123;
const RBRACE = 125;
const LPAREN = 40;
const RPAREN = 41;
const LBRACK = 91;
const RBRACK = 93;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const NL = 10;

function isSpace(c: number): boolean {
  return c === 32 || c === NL || c === 9 || c === 11 || c === 12 || c === 13;
}

/** What a directive does to the statement structure: opens, continues or closes a conditional group, or nothing. */
type GroupStep = 'open' | 'next' | 'close';

function groupSteps(d: Directives): Map<number, { step: GroupStep; branch: number }> {
  const out = new Map<number, { step: GroupStep; branch: number }>();
  for (const op of d.ops) {
    if (op.op === 'branch') {
      const b = d.branches[op.branch]!;
      out.set(b.line, { step: b.kind.startsWith('if') ? 'open' : 'next', branch: op.branch });
    } else if (op.op === 'endif') out.set(op.line, { step: 'close', branch: op.first });
  }
  return out;
}

interface State {
  depth: number;
  /** Inside a function body (its text is not kept). */
  inBody: boolean;
}

/**
 * The top-level statements of a comment-blanked text (see the module comment). One pass over
 * the text: linear in its size whatever it holds.
 */
export function topLevelStatements(text: string, d: Directives): TopLevel {
  const lineAt = lineIndex(text);
  const steps = groupSteps(d);
  const statements: TopLevelStatement[] = [];
  const groups: Array<{ start: State; ends: State[]; hasElse: boolean }> = [];
  let st: State = { depth: 0, inBody: false };
  let pieces: StatementPiece[] = [];
  /** Start of the current piece (-1: none open), and of the current statement's first token (-1: none yet). */
  let pieceStart = -1;
  let started = false;
  /** An `#include` met inside the current statement, before the next piece. */
  let include = 0;
  const includeLines = new Set([
    ...d.includes.map((x) => x.line),
    ...d.unfollowed.filter((u) => u.directive === 'include').map((u) => u.line),
  ]);
  /** The last character outside white space, to tell a function body (`) {`) from an initializer or a struct. */
  let prev = 0;
  const closePiece = (end: number) => {
    if (pieceStart >= 0) {
      const piece = text.slice(pieceStart, end).trimEnd();
      if (piece) pieces.push({ text: piece, line: lineAt(pieceStart), ...(include ? { include } : {}) });
      if (piece) include = 0;
    }
    pieceStart = -1;
  };
  const endStatement = (end: number, keep: boolean) => {
    closePiece(end);
    if (keep && pieces.length) statements.push({ pieces });
    pieces = [];
    started = false;
    include = 0;
  };
  let span = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    while (span < d.spans.length && d.spans[span]![1] <= i) span++;
    const sp = d.spans[span];
    if (sp && sp[0] <= i) {
      // A directive line: it ends the piece; a conditional one also moves between branches.
      const line = lineAt(sp[0]);
      if (started && !st.inBody) {
        closePiece(sp[0]);
        if (includeLines.has(line)) include = line;
      }
      const g = steps.get(line);
      if (g?.step === 'open') groups.push({ start: { ...st }, ends: [], hasElse: false });
      else if (g && groups.length) {
        const top = groups[groups.length - 1]!;
        top.ends.push({ ...st });
        if (g.step === 'next') {
          if (d.branches[g.branch]!.kind === 'else') top.hasElse = true;
          st = { ...top.start };
        } else {
          groups.pop();
          if (!top.hasElse) top.ends.push({ ...top.start });
          st = { ...top.ends.reduce((a, b) => (b.depth < a.depth ? b : a)) };
        }
      }
      i = sp[1] - 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (!st.inBody) {
      if (!started) started = true;
      if (pieceStart < 0) pieceStart = i;
    }
    if (c === DQUOTE || c === SQUOTE) {
      // A literal ends at its quote or, unterminated, at the end of the line.
      let j = i + 1;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === c || (e === NL && text.charCodeAt(j - 1) !== BACKSLASH)) break;
        j += e === BACKSLASH ? 2 : 1;
      }
      i = Math.min(j, n - 1);
      prev = c;
      continue;
    }
    if (c === LPAREN || c === LBRACK) st.depth++;
    else if (c === RPAREN || c === RBRACK) st.depth = Math.max(0, st.depth - 1);
    else if (c === LBRACE) {
      if (st.depth === 0 && !st.inBody && prev === RPAREN) {
        // A function definition: its body is not kept, its head is (a macro before it may
        // expand to declarations that end with their own `;`).
        endStatement(i, true);
        st.inBody = true;
      }
      st.depth++;
    } else if (c === RBRACE) {
      if (st.depth === 0) {
        // A stray `}` at file scope: what came before it is no statement.
        endStatement(i, false);
        prev = 0;
        continue;
      }
      st.depth--;
      if (st.depth === 0 && st.inBody) {
        st.inBody = false;
        prev = 0;
        continue;
      }
    } else if (c === SEMI && st.depth === 0 && !st.inBody) {
      endStatement(i + 1, true);
      prev = c;
      continue;
    }
    prev = c;
  }
  // What the file ends with may still be declarations a macro writes with their `;`.
  endStatement(n, !st.inBody);
  return { statements };
}

/** One token of a statement, with its offsets in the statement's text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  ident: boolean;
}

const TOKEN =
  /\s*(?:([A-Za-z_]\w*)|(\d[\w.]*|\.\d[\w.]*|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?|\.\.\.|->|<<=|>>=|##|&&|\|\||<<|>>|\+\+|--|[-+*/%&|^!<>=]=|\S))/y;

/** The tokens of a statement's text (one pass; white space and newlines between them dropped). */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const t = (m[1] ?? m[2])!;
    const end = TOKEN.lastIndex;
    out.push({ text: t, start: end - t.length, end, ident: m[1] !== undefined });
  }
  return out;
}

/** The index of the token closing the bracket opened at `open` (or -1). */
export function closing(toks: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < toks.length; i++) {
    const t = toks[i]!.text;
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits tokens [from, to) on top-level occurrences of `sep`. */
export function splitTokens(toks: Token[], sep: string, from = 0, to = toks.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const t = toks[i]!.text;
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') depth--;
    else if (t === sep && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, to]);
  return out;
}

/** The text of tokens [from, to) as written in `text`, white space folded ('' when empty). */
export function textOf(text: string, toks: Token[], from: number, to: number): string {
  return from < to ? foldSpace(text.slice(toks[from]!.start, toks[to - 1]!.end)) : '';
}

/** `a, b, c` split on top-level commas, trimmed, empty parts dropped. */
export function splitArgs(s: string): string[] {
  return splitTopLevel(s, ',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
