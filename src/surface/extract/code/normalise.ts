/**
 * Build-only edits of a function's tokens (see code-bodies.ts), normalised away before hashing:
 * edits toolchains ask for that leave what the driver sends unchanged.
 *
 * - Debug output compiled out of release builds: `bpf_printk(...)` and `bpf_trace_printk(...)`
 *   (empty unless BPF_DEBUG), `ASSERT(...)` (empty unless _DEBUG), `pr_*(...)` kernel log lines.
 *   None of them reaches an event; an `if` with a pure condition left empty by them goes too.
 * - Local declarations of plain variables that carry no value yet: `T x;`, and `T x = 0;` whose
 *   zero nobody reads (the next mention of `x`, in the same block, overwrites it). They are moved
 *   to the top of the body, sorted, without the dead initialiser, so hoisting a declaration for
 *   a pedantic compiler (libs 24e21bf27) or adding `= 0` for one (4949e54e0) is no change; one
 *   whose variable is never mentioned again is dropped (an unused local removed, b607089e7).
 * - Casts to the type the operand already has, qualifiers left out: `(long *)&len` where `len` is
 *   a `volatile long` (adbd34b3f only drops `volatile` for a compiler warning).
 *
 * - `static` in the signature: it changes the function's linkage, not what it computes (a
 *   `static` local keeps its value from one call to the next, and stays).
 *
 * Qualifiers, `#pragma` hints and type spellings are normalised by the lexer.
 */
import { matchForward, statementEnd } from './functions.js';
import { ASSIGNMENTS, DEBUG_OUTPUT, NOT_CALLS, TAIL_CALL } from './vocabulary.js';
import { isCounterField } from '../../model.js';
import { DIRECTIVE, IDENT, NUMBER, PUNCT, type Tokens } from './lexer.js';

/** Words that start a statement that is not a declaration. */
const STATEMENT_WORDS = new Set([
  'return',
  'goto',
  'break',
  'continue',
  'case',
  'default',
  'else',
  'do',
  'if',
  'for',
  'while',
  'switch',
  'sizeof',
  'typeof',
  '__typeof__',
  'asm',
  '__asm__',
]);
const CONTROL = new Set(['if', 'for', 'while', 'switch']);
const STATIC = 'static';

interface Declarator {
  /** Positions (in the token list) of the `*`s, the name and the array dimensions. */
  stars: number[];
  name: number;
  dims: number[];
  /** Positions of the initialiser tokens (after `=`), or null. */
  init: number[] | null;
}

interface Declaration {
  type: number[];
  declarators: Declarator[];
  semi: number;
}

/** What `normaliseFunction` needs to know about the whole function. */
interface Context {
  T: Tokens;
  a: number[];
  /** What else to leave out (see LeaveOut). */
  leaveOut: LeaveOut;
  /** Something is left out: statements left empty by it go too. */
  leaving: boolean;

  /** Declarations of parameters and locals by name (their type text is built when a cast needs it). */
  types: Map<string, { type: number[]; declarator: Declarator }>;
  hoisted: Array<{ name: string; type: () => string; tokens: number[] }>;
  out: number[];
}

const text = (c: Context, p: number) => c.T.text[c.a[p]!]!;
const kind = (c: Context, p: number) => c.T.kind[c.a[p]!];
const isPunct = (c: Context, p: number, s: string) => p < c.a.length && kind(c, p) === PUNCT && text(c, p) === s;

/**
 * `a` (token indices of one definition: signature, then body) with build-only edits
 * normalised, as described in the module comment. Returns `a` itself when it has no body.
 */
/**
 * Plumbing statements to leave out on top of the build-only edits, to tell what kind of change a
 * function had: `counters` (`x->n_evts++`: its statistics), `tailCalls` (`bpf_tail_call(...)`:
 * its tail-call glue). Statements that do nothing once they are gone go too
 * (`if (s->n_drops != ULLONG_MAX) {}`, a switch of labels and breaks, an empty else).
 */
export interface LeaveOut {
  counters?: boolean;
  tailCalls?: boolean;
}

export function normaliseFunction(T: Tokens, a: number[], leaveOut: LeaveOut = {}): number[] {
  let open = -1;
  for (let p = 0, depth = 0; p < a.length; p++) {
    if (T.kind[a[p]!] !== PUNCT) continue;
    const s = T.text[a[p]!];
    if (s === '(') depth++;
    else if (s === ')') depth--;
    else if (s === '{' && depth === 0) {
      open = p;
      break;
    }
  }
  if (open < 0) return a;
  const close = matchForward(T, a, open);
  if (close < 0) return a;
  const c: Context = {
    T,
    a,
    leaveOut,
    leaving: Boolean(leaveOut.counters || leaveOut.tailCalls),
    types: new Map(),
    hoisted: [],
    out: [],
  };
  parameterTypes(c, open);
  walk(c, open + 1, close);
  // By name, then (rarely needed) by type: one canonical order whatever the source order.
  c.hoisted.sort((x, y) =>
    x.name < y.name ? -1 : x.name > y.name ? 1 : x.type() < y.type() ? -1 : x.type() > y.type() ? 1 : 0,
  );
  const out: number[] = [];
  // `static` on the function itself only changes its linkage (libs #1335); in the body it stays.
  for (let p = 0; p <= open; p++) if (!(kind(c, p) === IDENT && text(c, p) === STATIC)) out.push(a[p]!);
  for (const h of c.hoisted) for (const t of h.tokens) out.push(t);
  dropIdentityCasts(c, c.out, out);
  for (let p = close; p < a.length; p++) out.push(a[p]!);
  return out;
}

/**
 * The position of the next mention (an identifier not after `->` or `.`) of the name at `p`;
 * -1 for none. A forward scan: the next mention of a local is usually close.
 */
function nextMention(c: Context, p: number): number {
  const name = text(c, p);
  for (let q = p + 1; q < c.a.length; q++) {
    if (kind(c, q) !== IDENT || text(c, q) !== name) continue;
    const prev = text(c, q - 1);
    if (prev !== '->' && prev !== '.') return q;
  }
  return -1;
}

/** Types of the parameters: the last identifier of each is its name, what precedes it its type. */
function parameterTypes(c: Context, open: number): void {
  let close = open - 1;
  while (close >= 0 && !isPunct(c, close, ')')) close--;
  if (close < 0) return;
  let p = close;
  for (let depth = 0; p >= 0; p--) {
    if (isPunct(c, p, ')')) depth++;
    else if (isPunct(c, p, '(') && --depth === 0) break;
  }
  let start = p + 1;
  for (let q = p + 1; q <= close; q++) {
    if (q === close || isPunct(c, q, ',')) {
      const decl = parseDeclarator(c, start, q);
      if (decl) c.types.set(text(c, decl.declarator.name), decl);
      start = q + 1;
    }
  }
}

function typeText(c: Context, type: number[], d: Declarator): string {
  // Pushed one by one: spreading these short lists (of varying element kinds) made V8 throw away
  // its optimised code for dropIdentityCasts, which calls this for every cast.
  const words: string[] = [];
  for (const p of type) if (text(c, p) !== STATIC) words.push(text(c, p));
  for (const p of d.stars) words.push(text(c, p));
  for (const p of d.dims) words.push(text(c, p));
  return words.join(' ');
}

/** One statement at `p` (directives before it kept): its normalised tokens go to `c.out`; returns its end. */
function walkOne(c: Context, p: number, to: number): number {
  while (p < to && kind(c, p) === DIRECTIVE) c.out.push(c.a[p++]!);
  if (p >= to) return to;
  const s = text(c, p);
  if (isPunct(c, p, '{')) {
    const close = matchForward(c.T, c.a, p);
    if (close < 0 || close >= to) return copy(c, p, to);
    c.out.push(c.a[p]!);
    walk(c, p + 1, close);
    c.out.push(c.a[close]!);
    return close + 1;
  }
  if (kind(c, p) === IDENT) {
    if (s === 'case' || (s === 'default' && isPunct(c, p + 1, ':'))) {
      let q = p;
      while (q < to && !isPunct(c, q, ':')) q++;
      return copy(c, p, Math.min(q + 1, to));
    }
    if (!STATEMENT_WORDS.has(s) && isPunct(c, p + 1, ':') && !isPunct(c, p + 2, ':')) return copy(c, p, p + 2);
    if (CONTROL.has(s) && isPunct(c, p + 1, '(')) {
      const close = matchForward(c.T, c.a, p + 1);
      if (close < 0 || close >= to) return copy(c, p, to);
      const mark = c.out.length;
      copy(c, p, close + 1);
      const header = c.out.length;
      let q = walkOne(c, close + 1, to);
      // `if (verbose) { pr_err(...); }` is `if (verbose) { }` once debug output is gone: nothing.
      let thenEmpty = isEmptyStatement(c, header);
      if (s === 'if') {
        let e = q;
        while (e < to && kind(c, e) === DIRECTIVE) e++;
        if (e < to && text(c, e) === 'else' && kind(c, e) === IDENT) {
          const elseMark = c.out.length;
          copy(c, q, e + 1);
          const elseBody = c.out.length;
          q = walkOne(c, e + 1, to);
          // Without its counter updates, `else { n++; }` is nothing.
          if (isEmptyStatement(c, elseBody)) c.out.length = elseMark;
          else thenEmpty = false;
        }
      }
      // An `if` left with nothing to do (`if (s->n_drops != ULLONG_MAX) { }` without its counter
      // updates, `if (verbose) { }` without its log line) and, without counter updates, a switch of
      // nothing but labels and breaks do nothing, when their condition has no side effects.
      const nothingLeft = s === 'if' ? thenEmpty : s === 'switch' && c.leaving && onlyLabels(c, header);
      if (nothingLeft && isPure(c, p + 2, close)) c.out.length = mark;
      return q;
    }
    if (s === 'do') {
      c.out.push(c.a[p]!);
      return walkOne(c, p + 1, to);
    }
  }
  const end = Math.min(statementEnd(c.T, c.a, p), to);
  simpleStatement(c, p, end);
  return Math.max(end, p + 1);
}

function walk(c: Context, from: number, to: number): void {
  for (let p = from; p < to; ) p = walkOne(c, p, to);
}

function copy(c: Context, from: number, to: number): number {
  for (let p = from; p < to; p++) c.out.push(c.a[p]!);
  return to;
}

/** An expression statement or a declaration, [from, to). */
function simpleStatement(c: Context, from: number, to: number): void {
  if (
    to - from >= 4 &&
    kind(c, from) === IDENT &&
    DEBUG_OUTPUT.has(text(c, from)) &&
    isPunct(c, to - 1, ';') &&
    isPunct(c, from + 1, '(') &&
    matchForward(c.T, c.a, from + 1) === to - 2
  ) {
    return;
  }
  if (c.leaveOut.counters && isCounterUpdate(c, from, to)) return;
  if (
    c.leaveOut.tailCalls &&
    text(c, from) === TAIL_CALL &&
    isPunct(c, from + 1, '(') &&
    matchForward(c.T, c.a, from + 1) === to - 2
  )
    return;
  const decl = parseDeclaration(c, from, to);
  if (!decl) {
    copy(c, from, to);
    return;
  }
  for (const d of decl.declarators) c.types.set(text(c, d.name), { type: decl.type, declarator: d });
  const fates = decl.declarators.map((d) => fate(c, decl, d, to));
  if (fates.some((f) => f === 'stay')) {
    copy(c, from, to);
    return;
  }
  decl.declarators.forEach((d, i) => {
    if (fates[i] === 'drop') return;
    c.hoisted.push({
      name: text(c, d.name),
      type: () => typeText(c, decl.type, d),
      tokens: [...decl.type, ...d.stars, d.name, ...d.dims, decl.semi].map((p) => c.a[p]!),
    });
  });
}

/** `hoist` (no value yet), `drop` (never mentioned again) or `stay` (its initialiser may be read). */
function fate(c: Context, decl: Declaration, d: Declarator, end: number): 'hoist' | 'drop' | 'stay' {
  const later = nextMention(c, d.name);
  const constant = d.init === null || isZero(c, d.init) || (d.init.length === 1 && kind(c, d.init[0]!) === NUMBER);
  if (later < 0 && constant) return 'drop';
  if (d.init === null) return 'hoist';
  const scalar = !d.dims.length && (d.stars.length > 0 || !['struct', 'union'].includes(text(c, decl.type[0]!)));
  return scalar && isZero(c, d.init) && overwrittenFirst(c, later, end) ? 'hoist' : 'stay';
}

function isZero(c: Context, init: number[]): boolean {
  // One token, or the five of `( void * ) 0`: anything longer is not zero (and is not joined).
  if (init.length !== 1 && init.length !== 5) return false;
  const s = init.map((p) => text(c, p)).join(' ');
  return /^(0[uUlL]*|NULL|false|\( void \* \) 0)$/.test(s);
}

/**
 * Whether the mention at `p` (the first after a declaration ending at `end`) overwrites the
 * variable unconditionally: it starts a statement of the declaration's block (`x = …` not
 * reading `x`), or is `&x` passed straight to a call that statement makes (an out-parameter:
 * reading it uninitialised would have been undefined before the initialiser was added).
 */
function overwrittenFirst(c: Context, p: number, end: number): boolean {
  // Statement start of p: back to a `;`, `{`, `}` or directive outside parentheses.
  let s = p;
  for (let depth = 0; s > end; s--) {
    const q = s - 1;
    if (kind(c, q) === DIRECTIVE) break;
    if (kind(c, q) !== PUNCT) continue;
    const t = text(c, q);
    if (t === ')') depth++;
    else if (t === '(') depth--;
    else if ((t === ';' || t === '{' || t === '}') && depth <= 0) break;
  }
  // The same block: every brace opened between the declaration and the statement is closed.
  for (let q = end, depth = 0; q < s; q++) {
    if (isPunct(c, q, '{')) depth++;
    else if (isPunct(c, q, '}') && --depth < 0) return false;
    if (q === s - 1 && depth !== 0) return false;
  }
  if (kind(c, s) === IDENT && STATEMENT_WORDS.has(text(c, s)) && text(c, s) !== 'return') return false;
  const stop = statementEnd(c.T, c.a, s);
  const again = nextMention(c, p) >= 0 && nextMention(c, p) < stop;
  if (p === s) return isPunct(c, p + 1, '=') && !again;
  const argument =
    isPunct(c, p - 1, '&') &&
    (isPunct(c, p - 2, '(') || isPunct(c, p - 2, ',')) &&
    (isPunct(c, p + 1, ')') || isPunct(c, p + 1, ','));
  // Not evaluated conditionally (`ok && read(&x)`).
  let conditional = false;
  for (let q = s; q < p; q++) if (kind(c, q) === PUNCT && ['&&', '||', '?'].includes(text(c, q))) conditional = true;
  return argument && !again && !conditional;
}

/** `type declarator (, declarator)* ;` over [from, to), or null. */
function parseDeclaration(c: Context, from: number, to: number): Declaration | null {
  if (to - from < 3 || !isPunct(c, to - 1, ';') || kind(c, from) !== IDENT || STATEMENT_WORDS.has(text(c, from)))
    return null;
  // A declaration starts with a type: a word followed by another word or a `*`.
  if (kind(c, from + 1) !== IDENT && !isPunct(c, from + 1, '*')) return null;
  const first = parseDeclarator(c, from, indexOfTopLevel(c, from, to - 1, ','));
  if (!first) return null;
  const declarators = [first.declarator];
  let p = indexOfTopLevel(c, from, to - 1, ',');
  while (p < to - 1) {
    const next = indexOfTopLevel(c, p + 1, to - 1, ',');
    const d = parseDeclaratorAfterType(c, p + 1, next);
    if (!d) return null;
    declarators.push(d);
    p = next;
  }
  return { type: first.type, declarators, semi: to - 1 };
}

function indexOfTopLevel(c: Context, from: number, to: number, s: string): number {
  for (let p = from, depth = 0; p < to; p++) {
    if (kind(c, p) !== PUNCT) continue;
    const t = text(c, p);
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') depth--;
    else if (t === s && depth === 0) return p;
  }
  return to;
}

/** `IDENT+ *​* name [dims] [= init]` over [from, to): the type is every identifier before the name. */
function parseDeclarator(c: Context, from: number, to: number): { type: number[]; declarator: Declarator } | null {
  const type: number[] = [];
  let p = from;
  while (p < to && kind(c, p) === IDENT && (kind(c, p + 1) === IDENT || isPunct(c, p + 1, '*'))) type.push(p++);
  if (!type.length) return null;
  const d = parseDeclaratorAfterType(c, p, to);
  return d ? { type, declarator: d } : null;
}

function parseDeclaratorAfterType(c: Context, from: number, to: number): Declarator | null {
  let p = from;
  const stars: number[] = [];
  while (p < to && isPunct(c, p, '*')) stars.push(p++);
  if (p >= to || kind(c, p) !== IDENT || STATEMENT_WORDS.has(text(c, p))) return null;
  const name = p++;
  const dims: number[] = [];
  while (p < to && isPunct(c, p, '[')) {
    const close = matchForward(c.T, c.a, p);
    if (close < 0 || close >= to) return null;
    for (let q = p; q <= close; q++) dims.push(q);
    p = close + 1;
  }
  if (p === to) return { stars, name, dims, init: null };
  if (!isPunct(c, p, '=') || p + 1 >= to) return null;
  const init: number[] = [];
  for (let q = p + 1; q < to; q++) init.push(q);
  return { stars, name, dims, init };
}

/** Appends `body` to `out` without `(T *) &x` where `x` is a `T`, and `(T) x` where it is a `T`: such casts change nothing. */
function dropIdentityCasts(c: Context, body: number[], out: number[]): void {
  const T = c.T;
  for (let i = 0; i < body.length; i++) {
    const t = body[i]!;
    if (
      T.kind[t] === PUNCT &&
      T.text[t] === '(' &&
      !(i > 0 && (T.kind[body[i - 1]!] === IDENT || [')', ']'].includes(T.text[body[i - 1]!]!)))
    ) {
      let j = i + 1;
      const words: string[] = [];
      while (j < body.length && T.kind[body[j]!] === IDENT) words.push(T.text[body[j++]!]!);
      while (j < body.length && T.kind[body[j]!] === PUNCT && T.text[body[j]!] === '*') words.push(T.text[body[j++]!]!);
      if (words.length && j < body.length && T.text[body[j]!] === ')') {
        const address = T.text[body[j + 1]!] === '&';
        const n = body[j + (address ? 2 : 1)];
        const after = body[j + (address ? 3 : 2)];
        const decl = n !== undefined && T.kind[n] === IDENT ? c.types.get(T.text[n]!) : undefined;
        const declared = decl && typeText(c, decl.type, decl.declarator);
        const postfix = after !== undefined && ['->', '.', '[', '(', '++', '--'].includes(T.text[after]!);
        if (declared !== undefined && !postfix && words.join(' ') === (address ? `${declared} *` : declared)) {
          i = j;
          continue;
        }
      }
    }
    out.push(t);
  }
}

/** `[++|--] a->b.n_x [++|--|= e|+= e|-= e];`: an update of a counter field (see boundary.ts). */
function isCounterUpdate(c: Context, from: number, to: number): boolean {
  if (!isPunct(c, to - 1, ';')) return false;
  let p = from;
  const prefix = isPunct(c, p, '++') || isPunct(c, p, '--');
  if (prefix) p++;
  if (kind(c, p) !== IDENT) return false;
  p++;
  let last = '';
  while (p < to - 1) {
    if ((isPunct(c, p, '->') || isPunct(c, p, '.')) && kind(c, p + 1) === IDENT) {
      last = text(c, p + 1);
      p += 2;
    } else if (isPunct(c, p, '[')) {
      const close = matchForward(c.T, c.a, p);
      if (close < 0 || close >= to) return false;
      last = '';
      p = close + 1;
    } else break;
  }
  if (!isCounterField(last)) return false;
  if (p === to - 1) return prefix;
  if (prefix) return false;
  if ((isPunct(c, p, '++') || isPunct(c, p, '--')) && p === to - 2) return true;
  return ['=', '+=', '-='].some((op) => isPunct(c, p, op)) && p + 1 < to - 1;
}

/** The statement emitted from `from` on is `{ }`, `;` or nothing. */
function isEmptyStatement(c: Context, from: number): boolean {
  // Read in place: copying what was emitted would copy every body of every if.
  const n = c.out.length - from;
  const at = (i: number) => c.T.text[c.out[from + i]!];
  return n === 0 || (n === 1 && at(0) === ';') || (n === 2 && at(0) === '{' && at(1) === '}');
}

/** The block emitted from `from` on holds only case labels and breaks. */
function onlyLabels(c: Context, from: number): boolean {
  const rest = c.out.slice(from).map((t) => c.T.text[t]!);
  if (rest[0] !== '{' || rest[rest.length - 1] !== '}') return false;
  for (let i = 1; i < rest.length - 1; ) {
    if (rest[i] === 'break' && rest[i + 1] === ';') i += 2;
    else if (rest[i] === 'default' && rest[i + 1] === ':') i += 2;
    else if (rest[i] === 'case') {
      while (i < rest.length - 1 && rest[i] !== ':') i++;
      i++;
    } else return false;
  }
  return true;
}

/** The tokens [from, to) call nothing and assign nothing. */
function isPure(c: Context, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    if (kind(c, p) === PUNCT && ASSIGNMENTS.has(text(c, p))) return false;
    if (kind(c, p) === IDENT && isPunct(c, p + 1, '(') && !NOT_CALLS.has(text(c, p))) return false;
  }
  return true;
}
