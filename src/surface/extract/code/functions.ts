/**
 * C structure over the lexer's tokens: matching brackets, statement ends, and the top-level
 * function definitions of a filler or program file (found by brace matching).
 */
import { DIRECTIVE, IDENT, PP_ELIF, PP_ELSE, PP_ENDIF, PP_IF, PUNCT, STR, type Tokens } from './lexer.js';
import { NOT_CALLS } from './vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Function definitions

/** Macros that define a function whose real name is their first argument. */
const NAME_IS_FIRST_ARG = new Set([
  'BPF_PROG',
  'BPF_PROG2',
  'BPF_KPROBE',
  'BPF_KRETPROBE',
  'BPF_KSYSCALL',
  'BPF_KPROBE_SYSCALL',
  'BPF_UPROBE',
  'BPF_URETPROBE',
  'BPF_USDT',
  'FILLER',
  'FILLER_RAW',
  'TRACEPOINT_PROBE',
]);
/** `BPF_PROBE("raw_syscalls/", sys_enter, sys_enter_args)`: the name is the second argument. */
const NAME_IS_SECOND_ARG = new Set(['BPF_PROBE']);
/** `__attribute__((...))`-like groups allowed between the parameter list and the body. */
const TRAILING_ATTRS = new Set(['__attribute__', '__attribute', '__acquires', '__releases', '__must_hold']);
/** Keywords a definition's name can never be: those followed by `(` that are not calls, and `do`/`else` before a body. */
const NOT_A_NAME = new Set([...NOT_CALLS, 'do', 'else']);

export interface Def {
  name: string;
  /** Offset of the name token (for the line). */
  at: number;
  /** Token range [start, end], inclusive: the first signature token to the closing brace. */
  start: number;
  end: number;
  /** Defined inside a top-level kernel-compatibility conditional group. */
  compatScoped: boolean;
  /** The conditional groups around it, outermost first: the token index of each `#if`, and which of its branches holds it. */
  scope: Array<{ at: number; branch: number }>;
}

/** In `list` (token indices), the index of the bracket closing the one at `i`; -1 if none. */
export function matchForward(T: Tokens, list: number[], i: number): number {
  const open = T.text[list[i]!]!;
  const close = open === '(' ? ')' : open === '[' ? ']' : '}';
  let depth = 0;
  for (let k = i; k < list.length; k++) {
    const t = list[k]!;
    if (T.kind[t] !== PUNCT) continue;
    const s = T.text[t];
    if (s === open) depth++;
    else if (s === close && --depth === 0) return k;
  }
  return -1;
}

/** In `list`, the index of the `(` matching the `)` at `i`; -1 if none. */
export function matchBackward(T: Tokens, list: number[], i: number): number {
  let depth = 0;
  for (let k = i; k >= 0; k--) {
    const t = list[k]!;
    if (T.kind[t] !== PUNCT) continue;
    const s = T.text[t];
    if (s === ')') depth++;
    else if (s === '(' && --depth === 0) return k;
  }
  return -1;
}

/** The function name of a definition head (its non-directive tokens before `{`), or null. */
function functionName(T: Tokens, head: number[]): { name: string; at: number } | null {
  if (!head.length || T.text[head[0]!] === 'typedef') return null;
  for (const t of head) if (T.kind[t] === PUNCT && T.text[t] === '=') return null;
  let last = head.length - 1;
  for (;;) {
    if (last < 0 || T.text[head[last]!] !== ')') return null;
    const p = matchBackward(T, head, last);
    if (p <= 0) return null;
    const before = head[p - 1]!;
    const word = T.text[before]!;
    if (T.kind[before] !== IDENT || NOT_A_NAME.has(word)) return null;
    if (TRAILING_ATTRS.has(word)) {
      last = p - 2;
      continue;
    }
    if (NAME_IS_FIRST_ARG.has(word) || NAME_IS_SECOND_ARG.has(word)) {
      // The first (or second) top-level argument's identifier.
      let k = p + 1;
      if (NAME_IS_SECOND_ARG.has(word)) {
        for (let depth = 0; k < last; k++) {
          const s = T.text[head[k]!];
          if (s === '(') depth++;
          else if (s === ')') depth--;
          else if (s === ',' && depth === 0) break;
        }
        k++;
      }
      const arg = head[k];
      return arg !== undefined && k < last && T.kind[arg] === IDENT ? { name: T.text[arg]!, at: T.at[arg]! } : null;
    }
    return { name: word, at: T.at[before]! };
  }
}

/**
 * Top-level function definitions, found by brace matching. Brace depth goes through
 * conditional groups the way ctags does: every branch starts from the depth at its `#if`, and
 * after `#endif` the first branch's depth wins (so `#if A / if (x) { / #else / if (y) { /
 * #endif` opens one block, not two). A definition in a branch that no supported kernel takes
 * (`decided`) is left out: no build compiles it.
 */
export function findDefinitions(T: Tokens, decided: ReadonlyMap<number, number> = new Map()): Def[] {
  const defs: Def[] = [];
  // Per open group: the depth at its #if, the depth its first branch ended at, whether the
  // current branch is kernel-compatibility code, and which branch it is.
  const cond: Array<{ depth: number; firstEnd: number; compat: boolean; at: number; branch: number; dead: boolean }> =
    [];
  let depth = 0;
  let headStart = 0;
  let externC = 0;
  let fn: { name: string; at: number; start: number; compatScoped: boolean; scope: Def['scope'] } | null = null;
  let fnDead = false;
  for (let k = 0; k < T.n; k++) {
    const kind = T.kind[k];
    if (kind === DIRECTIVE) {
      const pp = T.pp[k];
      if (pp === PP_IF)
        cond.push({
          depth,
          firstEnd: -1,
          compat: T.compat[k] === 1 && decided.get(k) !== 0,
          at: k,
          branch: 0,
          dead: decided.has(k) && decided.get(k) !== 0,
        });
      else if (pp === PP_ELIF || pp === PP_ELSE) {
        const top = cond[cond.length - 1];
        if (top) {
          if (top.firstEnd < 0) top.firstEnd = depth;
          depth = top.depth;
          top.branch++;
          // The branch every supported kernel takes is plain code.
          if (T.compat[k]) top.compat = true;
          if (decided.get(top.at) === top.branch) top.compat = false;
          else if (decided.has(top.at)) top.compat = true;
          top.dead = decided.has(top.at) && decided.get(top.at) !== top.branch;
        }
      } else if (pp === PP_ENDIF) {
        const top = cond.pop();
        if (top && top.firstEnd >= 0) depth = top.firstEnd;
      }
      continue;
    }
    if (kind !== PUNCT) continue;
    const s = T.text[k];
    if (depth === 0 && !fn) {
      if (s === ';') headStart = k + 1;
      else if (s === '}') {
        if (externC > 0) externC--;
        headStart = k + 1;
      } else if (s === '{') {
        const head: number[] = [];
        for (let h = headStart; h < k; h++) if (T.kind[h] !== DIRECTIVE) head.push(h);
        if (head.length === 2 && T.text[head[0]!] === 'extern' && T.kind[head[1]!] === STR) {
          // extern "C" { … } is transparent.
          externC++;
          headStart = k + 1;
          continue;
        }
        const name = functionName(T, head);
        if (name)
          fn = {
            ...name,
            start: head[0]!,
            compatScoped: cond.some((c) => c.compat),
            scope: cond.map((c) => ({ at: c.at, branch: c.branch })),
          };
        fnDead = cond.some((c) => c.dead);
        depth = 1;
      }
      continue;
    }
    if (s === '{') depth++;
    else if (s === '}') {
      if (depth > 0) depth--;
      if (depth === 0) {
        if (fn && !fnDead) defs.push({ ...fn, end: k });
        fn = null;
        headStart = k + 1;
      }
    }
  }
  return defs;
}

export function skipDirectives(T: Tokens, a: number[], k: number): number {
  while (k < a.length && T.kind[a[k]!] === DIRECTIVE) k++;
  return k;
}

/** Index (in `a`) just past the `if` statement at `k`, its else branch included (else-if chains iteratively). */
export function ifStatementEnd(T: Tokens, a: number[], k: number): number {
  for (;;) {
    const close = matchForward(T, a, k + 1);
    if (close < 0) return a.length;
    const e = statementEnd(T, a, close + 1);
    const j = skipDirectives(T, a, e);
    if (!(j < a.length && T.kind[a[j]!] === IDENT && T.text[a[j]!] === 'else')) return e;
    const s = skipDirectives(T, a, j + 1);
    if (s + 1 < a.length && T.text[a[s]!] === 'if' && T.text[a[s + 1]!] === '(') {
      k = s;
      continue;
    }
    return statementEnd(T, a, j + 1);
  }
}

/** Index (in `a`) just past the C statement starting at `k`. */
export function statementEnd(T: Tokens, a: number[], k: number): number {
  k = skipDirectives(T, a, k);
  if (k >= a.length) return a.length;
  const t = a[k]!;
  const s = T.text[t];
  if (T.kind[t] === PUNCT && s === '{') {
    const close = matchForward(T, a, k);
    return close < 0 ? a.length : close + 1;
  }
  if (T.kind[t] === IDENT) {
    const paren = k + 1 < a.length && T.text[a[k + 1]!] === '(';
    if (s === 'if' && paren) return ifStatementEnd(T, a, k);
    if ((s === 'for' || s === 'while' || s === 'switch') && paren) {
      const close = matchForward(T, a, k + 1);
      return close < 0 ? a.length : statementEnd(T, a, close + 1);
    }
    if (s === 'do') return statementEnd(T, a, statementEnd(T, a, k + 1)); // body, then `while (...);`
  }
  // An expression statement: up to `;` outside brackets, or up to the enclosing block's `}`.
  let depth = 0;
  for (let j = k; j < a.length; j++) {
    const u = a[j]!;
    if (T.kind[u] !== PUNCT) continue;
    const p = T.text[u];
    if (p === '(' || p === '[' || p === '{') depth++;
    else if (p === ')' || p === ']' || p === '}') {
      if (depth === 0) return j;
      depth--;
    } else if (p === ';' && depth === 0) return j + 1;
  }
  return a.length;
}
