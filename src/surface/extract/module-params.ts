import { evaluateNumber, type MacroDef } from '../../parse/consteval.js';
import { closing, splitTokens, textOf, type Token } from './text-scan.js';

/**
 * Kernel module parameters userspace reads or writes under /sys/module/<name>/parameters/, by
 * the macros of the kernel's moduleparam.h that declare one: `module_param(name, type, perm)`,
 * `module_param_named(name, var, type, perm)`, `module_param_cb(name, ops, arg, perm)`,
 * `module_param_call(name, set, get, arg, perm)`, `module_param_string(name, str, len, perm)`,
 * `module_param_array(name, type, nump, perm)` and their `_unsafe`, `_hw` and `_named`
 * variants. Parameters with their own get/set functions have the type `callback`: which kernel
 * API defines them is not visible to userspace, but which of get and set they have is (the
 * kernel answers EPERM to a read without `get` and to a write without `set`, whatever the
 * permission says).
 */
export interface ModuleParamFact {
  name: string;
  type: string;
  /** The permission expression, macros expanded. */
  perm: string;
  /**
   * Who reads and writes it: a `struct kernel_param_ops` by name (`module_param_cb`), the
   * functions `module_param_call` names, or null for the kernel's own ops of `type` (they have both).
   */
  access: { ops: string } | { set: string; get: string } | null;
  line: number;
}

/** A `struct kernel_param_ops` definition: whether it sets `.set` and `.get` (null when its initializer is positional). */
export interface ParamOpsFact {
  name: string;
  set: boolean | null;
  get: boolean | null;
  line: number;
}

/** How each declaring macro lays out its arguments (the name is the first, the permission the last). */
interface ParamCall {
  arity: number;
  type: (args: string[]) => string;
  access?: (args: string[]) => ModuleParamFact['access'];
}

const plain =
  (at: number): ParamCall['type'] =>
  (args) =>
    args[at]!;
const array =
  (at: number): ParamCall['type'] =>
  (args) =>
    `array of ${args[at]}`;
const callback: ParamCall['type'] = () => 'callback';
const byOps: ParamCall['access'] = (args) => ({ ops: opsName(args[1]!) });

const CALLS: Record<string, ParamCall> = {
  module_param: { arity: 3, type: plain(1) },
  module_param_unsafe: { arity: 3, type: plain(1) },
  module_param_named: { arity: 4, type: plain(2) },
  module_param_named_unsafe: { arity: 4, type: plain(2) },
  module_param_hw: { arity: 4, type: plain(1) },
  module_param_hw_named: { arity: 5, type: plain(2) },
  module_param_array: { arity: 4, type: array(1) },
  module_param_array_named: { arity: 5, type: array(2) },
  module_param_array_unsafe: { arity: 4, type: array(1) },
  module_param_hw_array: { arity: 5, type: array(1) },
  module_param_string: { arity: 4, type: () => 'string' },
  module_param_cb: { arity: 4, type: callback, access: byOps },
  module_param_cb_unsafe: { arity: 4, type: callback, access: byOps },
  module_param_call: { arity: 5, type: callback, access: (args) => ({ set: args[1]!, get: args[2]! }) },
};

/** The calls that declare a module parameter (the names the reader starts from). */
export const MODULE_PARAM_CALLS: ReadonlySet<string> = new Set(Object.keys(CALLS));

/** `module_param*(...)` at the start of a statement (tokens of `text`), or null. */
export function readModuleParam(text: string, toks: Token[]): ModuleParamFact | null {
  const call = Object.hasOwn(CALLS, toks[0]?.text ?? '') ? CALLS[toks[0]!.text]! : null;
  if (!call || toks[1]?.text !== '(') return null;
  const close = closing(toks, 1);
  if (close < 0) return null;
  const args = splitTokens(toks, ',', 2, close).map(([a, b]) => textOf(text, toks, a, b));
  if (args.length !== call.arity || !args[0]) return null;
  return {
    name: args[0],
    type: call.type(args),
    perm: args[args.length - 1]!,
    access: call.access?.(args) ?? null,
    line: 0,
  };
}

/** `&(name)` → `name`; anything else stays as written. */
function opsName(expr: string): string {
  const m = /^&\s*\(?\s*([A-Za-z_]\w*)\s*\)?$/.exec(expr);
  return m ? m[1]! : expr;
}

/** `[static] [const] struct kernel_param_ops NAME = { .set = ..., .get = ... }`, or null. */
export function readParamOps(text: string, toks: Token[]): ParamOpsFact | null {
  const k = toks.findIndex((t) => t.text === 'kernel_param_ops');
  if (
    k < 1 ||
    toks[k - 1]!.text !== 'struct' ||
    !toks[k + 1]?.ident ||
    toks[k + 2]?.text !== '=' ||
    toks[k + 3]?.text !== '{'
  )
    return null;
  const end = closing(toks, k + 3);
  if (end < 0) return null;
  const fields = new Map<string, string>();
  let positional = false;
  for (const [a, b] of splitTokens(toks, ',', k + 4, end)) {
    if (a === b) continue;
    if (toks[a]!.text === '.' && toks[a + 1]?.ident && toks[a + 2]?.text === '=')
      fields.set(toks[a + 1]!.text, textOf(text, toks, a + 3, b));
    else positional = true;
  }
  // A positional initializer fills `flags` first on kernels that have it and `set` on older ones.
  const has = (f: string) => (positional ? null : fields.has(f) && !isNullPointer(fields.get(f)!));
  return { name: toks[k + 1]!.text, set: has('set'), get: has('get'), line: 0 };
}

/** `NULL`, `0`, `(void *)0` and the like: no function. */
export function isNullPointer(expr: string): boolean {
  const e = expr
    .replace(/\s+/g, '')
    .replace(/[()]/g, '')
    .replace(/^void\*/, '');
  return e === '' || e === 'NULL' || /^0+[uUlL]*$/.test(e) || /^0[xX]0+[uUlL]*$/.test(e);
}

/**
 * The file-mode constants a permission is spelled with, as the kernel defines them
 * (include/uapi/linux/stat.h and include/linux/stat.h): headers outside the tree, so their
 * values are given here to compare permissions by value (`S_IRUGO` is `0444`).
 */
const MODE_BITS: Record<string, number> = {
  S_ISUID: 0o4000,
  S_ISGID: 0o2000,
  S_ISVTX: 0o1000,
  S_IRWXU: 0o700,
  S_IRUSR: 0o400,
  S_IWUSR: 0o200,
  S_IXUSR: 0o100,
  S_IRWXG: 0o70,
  S_IRGRP: 0o40,
  S_IWGRP: 0o20,
  S_IXGRP: 0o10,
  S_IRWXO: 0o7,
  S_IROTH: 0o4,
  S_IWOTH: 0o2,
  S_IXOTH: 0o1,
  S_IRWXUGO: 0o777,
  S_IALLUGO: 0o7777,
  S_IRUGO: 0o444,
  S_IWUGO: 0o222,
  S_IXUGO: 0o111,
};

const MODE_MACROS = new Map<string, MacroDef>(
  Object.entries(MODE_BITS).map(([name, v]) => [name, { name, params: null, body: `0${v.toString(8)}` }]),
);

/** A permission (macros of the tree already expanded) as its bits, or null when it is not a constant. */
export function permissionBits(expr: string): number | null {
  return evaluateNumber(expr, { macros: MODE_MACROS, enumerators: new Map() });
}

/** A permission as octal (`0444`), so spellings of the same bits compare equal; the expression when it has no value. */
export function permissionText(expr: string): string {
  const bits = permissionBits(expr);
  return bits === null || bits < 0 ? expr : bits === 0 ? '0' : `0${bits.toString(8)}`;
}
