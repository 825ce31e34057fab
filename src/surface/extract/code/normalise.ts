/**
 * Build-only edits of a function's tokens (see code-bodies.ts), normalised away before hashing:
 * edits toolchains ask for that leave what the driver sends unchanged.
 *
 * - Debug output compiled out of release builds: `bpf_printk(...)` and `bpf_trace_printk(...)`
 *   (empty unless BPF_DEBUG), `ASSERT(...)` (empty unless _DEBUG), `pr_*(...)` kernel log lines.
 *   None of them reaches an event.
 * - Local declarations of plain variables that carry no value yet: `T x;`, and `T x = 0;` whose
 *   zero nobody reads (the next mention of `x`, in the same block, overwrites it). They are moved
 *   to the top of the body, sorted, without the dead initialiser, so hoisting a declaration for
 *   a pedantic compiler (libs 24e21bf27) or adding `= 0` for one (4949e54e0) is no change; one
 *   whose variable is never mentioned again is dropped (an unused local removed, b607089e7).
 * - Casts to the type the operand already has, qualifiers left out: `(long *)&len` where `len` is
 *   a `volatile long` (adbd34b3f only drops `volatile` for a compiler warning).
 *
 * Qualifiers, `#pragma` hints and type spellings are normalised by the lexer.
 */
import { matchForward, statementEnd } from './functions.js';
import { DIRECTIVE, IDENT, NUMBER, PUNCT, type Tokens } from './lexer.js';

/** Calls compiled out of release builds, or that write only to the kernel log. */
const DEBUG_OUTPUT = new Set(['bpf_printk', 'bpf_trace_printk', 'ASSERT', 'printk', 'pr_err', 'pr_warn', 'pr_warning', 'pr_info', 'pr_notice', 'pr_debug', 'pr_devel']);

/** Words that start a statement that is not a declaration. */
const STATEMENT_WORDS = new Set(['return', 'goto', 'break', 'continue', 'case', 'default', 'else', 'do', 'if', 'for', 'while', 'switch', 'sizeof', 'typeof', '__typeof__', 'asm', '__asm__']);
const CONTROL = new Set(['if', 'for', 'while', 'switch']);

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
  /** Positions of each variable name's mentions (identifiers not after `->` or `.`). */
  mentions: Map<string, number[]>;
  /** Declared type of parameters and locals: `long`, `struct file *`. */
  types: Map<string, string>;
  hoisted: Array<{ key: string; tokens: number[] }>;
  out: number[];
}

const text = (c: Context, p: number) => c.T.text[c.a[p]!]!;
const kind = (c: Context, p: number) => c.T.kind[c.a[p]!];
const isPunct = (c: Context, p: number, s: string) => p < c.a.length && kind(c, p) === PUNCT && text(c, p) === s;

/**
 * `a` (token indices of one definition: signature, then body) with build-only edits
 * normalised, as described in the module comment. Returns `a` itself when it has no body.
 */
export function normaliseFunction(T: Tokens, a: number[]): number[] {
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
  const c: Context = { T, a, mentions: mentionsOf(T, a), types: new Map(), hoisted: [], out: [] };
  parameterTypes(c, open);
  walk(c, open + 1, close);
  c.hoisted.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const body = dropIdentityCasts(c, c.out);
  return [...a.slice(0, open + 1), ...c.hoisted.flatMap((h) => h.tokens), ...body, ...a.slice(close)];
}

function mentionsOf(T: Tokens, a: number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let p = 0; p < a.length; p++) {
    if (T.kind[a[p]!] !== IDENT) continue;
    const prev = p > 0 ? T.text[a[p - 1]!] : '';
    if (prev === '->' || prev === '.') continue;
    const name = T.text[a[p]!]!;
    const list = out.get(name);
    if (list) list.push(p);
    else out.set(name, [p]);
  }
  return out;
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
      if (decl) c.types.set(text(c, decl.declarator.name), typeText(c, decl.type, decl.declarator));
      start = q + 1;
    }
  }
}

function typeText(c: Context, type: number[], d: Declarator): string {
  return [...type, ...d.stars, ...d.dims].map((p) => text(c, p)).join(' ');
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
      copy(c, p, close + 1);
      let q = walkOne(c, close + 1, to);
      if (s === 'if') {
        let e = q;
        while (e < to && kind(c, e) === DIRECTIVE) e++;
        if (e < to && text(c, e) === 'else' && kind(c, e) === IDENT) {
          copy(c, q, e + 1);
          q = walkOne(c, e + 1, to);
        }
      }
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
  if (to - from >= 4 && kind(c, from) === IDENT && DEBUG_OUTPUT.has(text(c, from)) && isPunct(c, from + 1, '(') && matchForward(c.T, c.a, from + 1) === to - 2 && isPunct(c, to - 1, ';')) {
    return;
  }
  const decl = parseDeclaration(c, from, to);
  if (!decl) {
    copy(c, from, to);
    return;
  }
  for (const d of decl.declarators) c.types.set(text(c, d.name), typeText(c, decl.type, d));
  const fates = decl.declarators.map((d) => fate(c, decl, d, to));
  if (fates.some((f) => f === 'stay')) {
    copy(c, from, to);
    return;
  }
  decl.declarators.forEach((d, i) => {
    if (fates[i] === 'drop') return;
    const key = `${text(c, d.name)}\u0000${typeText(c, decl.type, d)}`;
    c.hoisted.push({ key, tokens: [...decl.type, ...d.stars, d.name, ...d.dims, decl.semi].map((p) => c.a[p]!) });
  });
}

/** `hoist` (no value yet), `drop` (never mentioned again) or `stay` (its initialiser may be read). */
function fate(c: Context, decl: Declaration, d: Declarator, end: number): 'hoist' | 'drop' | 'stay' {
  const name = text(c, d.name);
  const later = (c.mentions.get(name) ?? []).filter((p) => p > d.name);
  const constant = d.init === null || isZero(c, d.init) || (d.init.length === 1 && kind(c, d.init[0]!) === NUMBER);
  if (!later.length && constant) return 'drop';
  if (d.init === null) return 'hoist';
  const scalar = !d.dims.length && (d.stars.length > 0 || !['struct', 'union'].includes(text(c, decl.type[0]!)));
  return scalar && isZero(c, d.init) && overwrittenFirst(c, later[0]!, end) ? 'hoist' : 'stay';
}

function isZero(c: Context, init: number[]): boolean {
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
  if (kind(c, s) === IDENT && (STATEMENT_WORDS.has(text(c, s)) && text(c, s) !== 'return')) return false;
  const stop = statementEnd(c.T, c.a, s);
  const name = text(c, p);
  const again = (c.mentions.get(name) ?? []).some((q) => q > p && q < stop);
  if (p === s) return isPunct(c, p + 1, '=') && !again;
  const argument = isPunct(c, p - 1, '&') && (isPunct(c, p - 2, '(') || isPunct(c, p - 2, ',')) && (isPunct(c, p + 1, ')') || isPunct(c, p + 1, ','));
  // Not evaluated conditionally (`ok && read(&x)`).
  let conditional = false;
  for (let q = s; q < p; q++) if (kind(c, q) === PUNCT && ['&&', '||', '?'].includes(text(c, q))) conditional = true;
  return argument && !again && !conditional;
}

/** `type declarator (, declarator)* ;` over [from, to), or null. */
function parseDeclaration(c: Context, from: number, to: number): Declaration | null {
  if (to - from < 3 || !isPunct(c, to - 1, ';') || kind(c, from) !== IDENT || STATEMENT_WORDS.has(text(c, from))) return null;
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

/** `(T *) &x` where `x` is a `T`, and `(T) x` where it is a `T`: the cast changes nothing. */
function dropIdentityCasts(c: Context, body: number[]): number[] {
  const T = c.T;
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const t = body[i]!;
    if (T.kind[t] === PUNCT && T.text[t] === '(' && !(i > 0 && (T.kind[body[i - 1]!] === IDENT || [')', ']'].includes(T.text[body[i - 1]!]!)))) {
      let j = i + 1;
      const words: string[] = [];
      while (j < body.length && T.kind[body[j]!] === IDENT) words.push(T.text[body[j++]!]!);
      while (j < body.length && T.kind[body[j]!] === PUNCT && T.text[body[j]!] === '*') words.push(T.text[body[j++]!]!);
      if (words.length && j < body.length && T.text[body[j]!] === ')') {
        const address = T.text[body[j + 1]!] === '&';
        const n = body[j + (address ? 2 : 1)];
        const after = body[j + (address ? 3 : 2)];
        const declared = n !== undefined && T.kind[n] === IDENT ? c.types.get(T.text[n]!) : undefined;
        const postfix = after !== undefined && ['->', '.', '[', '(', '++', '--'].includes(T.text[after]!);
        if (declared !== undefined && !postfix && words.join(' ') === (address ? `${declared} *` : declared)) {
          i = j;
          continue;
        }
      }
    }
    out.push(t);
  }
  return out;
}
