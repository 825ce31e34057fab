/**
 * A conditional directive's condition as far as one kernel build decides it (kernel-compat.ts):
 * what the build knows (the kernel version, its API probes and options) is evaluated, what it
 * does not (the architecture, the driver's own switches) stays as written. So
 * `defined(CONFIG_S390) && HAS_COMPAT_S390` is `defined ( CONFIG_S390 )` in a build with the
 * probed API, and false without it: a kernel-API test added to an architecture conditional
 * (libs ccc63215f) leaves the code the build compiles as it was.
 */

/** Decided by the build (`value`), or not: the condition left, with what the build decided taken out (`simplified`). */
export type Partial = { value: boolean } | { text: string; simplified: boolean };

const TOKEN = /\s*(\d[\w.]*|[A-Za-z_]\w*|&&|\|\||==|!=|<=|>=|<<|>>|\S)/y;

function tokensOf(condition: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(condition); m; m = TOKEN.exec(condition)) out.push(m[1]!);
  return out;
}

/** Index of the `)` closing the `(` at `open`, or -1. */
function closing(toks: string[], open: number): number {
  for (let k = open, depth = 0; k < toks.length; k++) {
    if (toks[k] === '(') depth++;
    else if (toks[k] === ')' && --depth === 0) return k;
  }
  return -1;
}

/** `toks` split at the operator `op` outside parentheses. */
function splitAt(toks: string[], op: string): string[][] {
  const parts: string[][] = [[]];
  let depth = 0;
  for (const t of toks) {
    if (t === '(') depth++;
    else if (t === ')') depth--;
    if (t === op && depth === 0) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts;
}

/** A primary expression: a name, `defined X`, `defined(X)`, a call `F(...)` or a parenthesised group. */
function isPrimary(toks: string[]): boolean {
  if (toks.length === 1) return /^[A-Za-z_]\w*$/.test(toks[0]!);
  if (toks[0] === 'defined') return toks.length === 2 || (toks[1] === '(' && closing(toks, 1) === toks.length - 1);
  const open = toks[0] === '(' ? 0 : /^[A-Za-z_]\w*$/.test(toks[0]!) && toks[1] === '(' ? 1 : -1;
  return open >= 0 && closing(toks, open) === toks.length - 1;
}

function and(a: Partial, b: Partial): Partial {
  if ('value' in a) return a.value ? simplify(b) : a;
  if ('value' in b) return b.value ? { ...a, simplified: true } : b;
  return { text: `${a.text} && ${b.text}`, simplified: a.simplified || b.simplified };
}

function or(a: Partial, b: Partial): Partial {
  if ('value' in a) return a.value ? a : simplify(b);
  if ('value' in b) return b.value ? b : { ...a, simplified: true };
  return { text: `${a.text} || ${b.text}`, simplified: a.simplified || b.simplified };
}

/** `p` with a decided part of its expression taken out. */
function simplify(p: Partial): Partial {
  return 'value' in p ? p : { ...p, simplified: true };
}

function partial(toks: string[], atom: (expr: string) => bigint | null): Partial {
  const whole = (): Partial => {
    const v = atom(toks.join(' '));
    return v === null ? { text: toks.join(' '), simplified: false } : { value: v !== 0n };
  };
  if (!toks.length || toks.includes('?')) return whole();
  const ors = splitAt(toks, '||');
  if (ors.length > 1) return ors.map((p) => partial(p, atom)).reduce(or);
  const ands = splitAt(toks, '&&');
  if (ands.length > 1) return ands.map((p) => partial(p, atom)).reduce(and);
  if (toks[0] === '!' && isPrimary(toks.slice(1))) {
    const v = partial(toks.slice(1), atom);
    return 'value' in v ? { value: !v.value } : { text: `! ${v.text}`, simplified: v.simplified };
  }
  if (toks[0] === '(' && closing(toks, 0) === toks.length - 1) {
    const v = partial(toks.slice(1, -1), atom);
    return 'value' in v ? v : { text: `( ${v.text} )`, simplified: v.simplified };
  }
  return whole();
}

/**
 * `condition` as far as `atom` decides it: `atom` evaluates an expression without `&&` and `||`
 * at its top level, null when it depends on something unknown.
 */
export function partialCondition(condition: string, atom: (expr: string) => bigint | null): Partial {
  return partial(tokensOf(condition), atom);
}
