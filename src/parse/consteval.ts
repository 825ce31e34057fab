/**
 * Integer constant expressions as the driver writes them — defines, enumerators, `1 << 5`,
 * `(A | B)`, unparenthesised `64 * 1024`, casts, char literals, function-like macros
 * (`PPM_API_VERSION(4, 3, 0)`), the ioctl encoders `_IO`/`_IOR`/`_IOW`/`_IOWR` — and the
 * conditions of `#if` (with `defined` and `__has_include`). One evaluator for both.
 *
 * Values are 64-bit integers (BigInt wrapped to 64 bits, as the preprocessor computes), so
 * packed versions stay exact and no input can grow a number without bound. An expression that
 * uses a name we cannot resolve evaluates to null: callers report that, they never guess. Work
 * is bounded (MAX_EVAL_STEPS, MAX_EVAL_DEPTH); hitting a bound is recorded in `problems` and
 * gives null. Function-like macro calls are memoised by their arguments, so a chain of macros
 * each using the previous one twice costs linear, not exponential, time.
 */
import { INTEGER_BITS, MAX_EVAL_DEPTH, MAX_EVAL_STEPS, MEMO_ENTRIES } from '../limits.js';

export interface MacroDef {
  name: string;
  /** null for an object-like macro. */
  params: string[] | null;
  body: string;
}

/** Macro definitions by name (a Map, or a live view of the preprocessor's table during a walk). */
export interface MacroLookup {
  get(name: string): MacroDef | undefined;
  has(name: string): boolean;
}

export interface SymbolTable {
  macros: MacroLookup;
  enumerators: Map<string, bigint>;
  /** Values of object-like macros already evaluated (a revision resolves hundreds of defines). */
  memo?: Map<string, bigint>;
  /** Size in bytes of a named type, for sizeof and _IOR/_IOW (optional). */
  sizeOf?: (typeName: string) => number | null;
  /**
   * `#if` semantics. `defined(X)`: true, false, or null when unknown. An identifier that is
   * neither a macro nor an enumerator evaluates to `identifier(X)`: 0 for a name the build does
   * not define, null for one we cannot know. Without these hooks, `defined` is an error and an
   * unknown identifier is null (the semantics of enum values and array sizes).
   */
  isDefined?: (name: string) => boolean | null;
  identifier?: (name: string) => bigint | null;
  hasInclude?: (path: string, angled: boolean) => boolean | null;
  /** Every value a literal or a macro produced (to find the thresholds of a kernel-version test). */
  onValue?: (v: bigint) => void;
  /** Why an evaluation was cut short (a limit hit); the caller reports them. */
  problems?: Set<string>;
  /** Names whose definition is ambiguous (several live definitions): the caller reports them when used. */
  onMacro?: (name: string) => void;
}

export function emptySymbols(): SymbolTable {
  return { macros: new Map(), enumerators: new Map() };
}

type Tok = { k: 'num'; v: bigint } | { k: 'id'; v: string } | { k: 'op'; v: string } | { k: 'str'; v: string };

const TOKEN =
  /\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|'((?:\\.|[^'\\])+)'|"((?:\\.|[^"\\])*)"|([A-Za-z_]\w*)|(<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^~!<>?:(),.#]))/y;

function charValue(lit: string): bigint {
  if (!lit.startsWith('\\')) return BigInt(lit.codePointAt(0)!);
  const esc: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39, '"': 34 };
  if (lit[1] === 'x') return BigInt(parseInt(lit.slice(2), 16) || 0);
  if (/^\\[0-7]+$/.test(lit)) return BigInt(parseInt(lit.slice(1), 8));
  return BigInt(esc[lit[1]!] ?? lit.codePointAt(1)!);
}

const wrap = (v: bigint): bigint => BigInt.asIntN(INTEGER_BITS, v);

export function tokenize(src: string): Tok[] | null {
  const toks: Tok[] = [];
  let pos = 0;
  const n = src.length;
  for (;;) {
    while (pos < n && /\s/.test(src[pos]!)) pos++;
    if (pos >= n) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) return null;
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) {
      const t = m[1];
      toks.push({ k: 'num', v: wrap(/^0[0-7]+$/.test(t) ? BigInt('0o' + t.slice(1)) : BigInt(t)) });
    } else if (m[2] !== undefined) toks.push({ k: 'num', v: charValue(m[2]) });
    else if (m[3] !== undefined) toks.push({ k: 'str', v: m[3] });
    else if (m[4] !== undefined) toks.push({ k: 'id', v: m[4] });
    else toks.push({ k: 'op', v: m[5]! });
  }
  return toks;
}

/** Type names a cast or sizeof may use; LP64 sizes (the targets the drivers run on). */
export const BASIC_SIZES: Record<string, number> = {
  char: 1, int8_t: 1, uint8_t: 1, __u8: 1, u8: 1, __s8: 1, s8: 1, bool: 1, _Bool: 1,
  short: 2, int16_t: 2, uint16_t: 2, __u16: 2, u16: 2, __s16: 2, s16: 2,
  int: 4, int32_t: 4, uint32_t: 4, __u32: 4, u32: 4, __s32: 4, s32: 4, unsigned: 4, float: 4,
  long: 8, int64_t: 8, uint64_t: 8, __u64: 8, u64: 8, __s64: 8, s64: 8, size_t: 8, double: 8,
};
const TYPE_WORDS = new Set(['unsigned', 'signed', 'const', 'volatile', 'struct', 'enum', 'void', ...Object.keys(BASIC_SIZES)]);

/** Shared by the evaluators of one top-level evaluation: its budget and its memo of macro calls. */
interface Session {
  steps: number;
  calls: Map<string, bigint | null>;
  /** Object-like macros whose value was unknown in this evaluation (the shared memo keeps only known ones). */
  unknown: Set<string>;
}

class Evaluator {
  private i = 0;
  private depth = 0;
  constructor(
    private toks: Tok[],
    private syms: SymbolTable,
    private level: number,
    private expanding: Set<string>,
    private session: Session,
  ) {}

  run(): bigint | null {
    const v = this.ternary();
    return this.i === this.toks.length ? v : null;
  }

  private step(): boolean {
    if (++this.session.steps > MAX_EVAL_STEPS) {
      this.syms.problems?.add(`a constant expression needs more than ${MAX_EVAL_STEPS} steps`);
      return false;
    }
    return true;
  }

  private enter(): boolean {
    if (++this.depth + this.level > MAX_EVAL_DEPTH) {
      this.syms.problems?.add(`a constant expression is nested more than ${MAX_EVAL_DEPTH} deep`);
      return false;
    }
    return true;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.k === 'op' && t.v === v;
  }
  private expect(v: string): boolean {
    if (this.isOp(v)) {
      this.i++;
      return true;
    }
    return false;
  }

  private ternary(): bigint | null {
    if (!this.enter()) return null;
    try {
      const c = this.binary(0);
      if (!this.expect('?')) return c;
      const a = this.ternary();
      if (!this.expect(':')) return null;
      const b = this.ternary();
      if (c === null) return a !== null && a === b ? a : null;
      return c !== 0n ? a : b;
    } finally {
      this.depth--;
    }
  }

  private static PREC: Record<string, number> = {
    '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6,
    '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
  };

  private binary(minPrec: number): bigint | null {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t?.k !== 'op') return left;
      const prec = Evaluator.PREC[t.v];
      if (prec === undefined || prec <= minPrec) return left;
      if (!this.step()) return null;
      this.i++;
      const right = this.binary(prec);
      left = applyBinary(t.v, left, right, (by) => this.syms.problems?.add(`a constant expression shifts by ${by}, which C leaves undefined`));
    }
  }

  /** A parenthesised run of type words, e.g. `(uint32_t)` or `(unsigned long)`. */
  private castAhead(): number {
    let j = this.i + 1;
    let sawType = false;
    while (j < this.toks.length) {
      const t = this.toks[j]!;
      if (t.k === 'id' && (TYPE_WORDS.has(t.v) || /_t$/.test(t.v))) sawType = true;
      else if (!(t.k === 'op' && t.v === '*')) break;
      j++;
    }
    const close = this.toks[j];
    return sawType && close?.k === 'op' && close.v === ')' ? j + 1 : 0;
  }

  private unary(): bigint | null {
    // Unary operators iteratively: a run of 100k `-` needs no stack.
    const ops: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t?.k === 'op' && t.v.length === 1 && '-+~!'.includes(t.v)) {
        if (!this.step()) return null;
        ops.push(t.v);
        this.i++;
      } else if (t?.k === 'op' && t.v === '(' && this.castAhead()) {
        this.i = this.castAhead();
      } else break;
    }
    let v = this.primary();
    for (let k = ops.length - 1; k >= 0 && v !== null; k--) {
      const op = ops[k];
      v = op === '-' ? wrap(-v) : op === '+' ? v : op === '~' ? wrap(~v) : v === 0n ? 1n : 0n;
    }
    return v;
  }

  private primary(): bigint | null {
    const t = this.peek();
    if (!t || !this.step()) return null;
    this.i++;
    if (t.k === 'num') {
      this.syms.onValue?.(t.v);
      return t.v;
    }
    if (t.k === 'op' && t.v === '(') {
      const v = this.ternary();
      return this.expect(')') ? v : null;
    }
    if (t.k === 'id') return this.identifier(t.v);
    return null;
  }

  /** Arguments of a call, as raw token runs split on top-level commas. */
  private callArgs(): Tok[][] | null {
    if (!this.expect('(')) return null;
    const args: Tok[][] = [[]];
    let depth = 0;
    while (this.i < this.toks.length) {
      const t = this.toks[this.i++]!;
      if (t.k === 'op' && t.v === '(') depth++;
      if (t.k === 'op' && t.v === ')') {
        if (depth === 0) return args[0]!.length === 0 && args.length === 1 ? [] : args;
        depth--;
      }
      if (t.k === 'op' && t.v === ',' && depth === 0) args.push([]);
      else args[args.length - 1]!.push(t);
    }
    return null;
  }

  private sub(toks: Tok[], expanding = this.expanding): bigint | null {
    if (this.level + this.depth + 1 > MAX_EVAL_DEPTH) {
      this.syms.problems?.add(`a constant expression is nested more than ${MAX_EVAL_DEPTH} deep`);
      return null;
    }
    return new Evaluator(toks, this.syms, this.level + this.depth + 1, expanding, this.session).run();
  }

  private typeSize(toks: Tok[]): number | null {
    const words = toks.filter((t) => t.k === 'id').map((t) => t.v as string);
    if (toks.some((t) => t.k === 'op' && t.v === '*')) return 8;
    const name = words.filter((w) => w !== 'const' && w !== 'volatile').join(' ');
    if (name in BASIC_SIZES) return BASIC_SIZES[name]!;
    if (/^(unsigned|signed) /.test(name)) return BASIC_SIZES[name.split(' ').slice(1).join(' ')] ?? (name.endsWith('long') ? 8 : null);
    if (name === 'long long' || name === 'unsigned long long') return 8;
    return this.syms.sizeOf?.(name) ?? null;
  }

  private defined(): bigint | null {
    const paren = this.expect('(');
    const t = this.toks[this.i++];
    if (t?.k !== 'id' || (paren && !this.expect(')'))) return null;
    const d = this.syms.isDefined!(t.v);
    return d === null ? null : d ? 1n : 0n;
  }

  private hasInclude(): bigint | null {
    // `__has_include(<a/b.h>)` or `__has_include("a.h")`: the header name is raw tokens.
    const args = this.callArgs();
    if (!args || args.length !== 1) return null;
    const a = args[0]!;
    let path: string;
    let angled: boolean;
    if (a.length === 1 && a[0]!.k === 'str') [path, angled] = [a[0]!.v, false];
    else if (a[0]?.k === 'op' && a[0].v === '<' && a[a.length - 1]?.k === 'op' && a[a.length - 1]!.v === '>') {
      [path, angled] = [a.slice(1, -1).map((t) => String(t.v)).join(''), true];
    } else return null;
    const h = this.syms.hasInclude?.(path, angled) ?? null;
    return h === null ? null : h ? 1n : 0n;
  }

  private identifier(name: string): bigint | null {
    if (name === 'defined' && this.syms.isDefined) return this.defined();
    if ((name === '__has_include' || name === '__has_include_next') && this.isOp('(')) return this.hasInclude();
    if (name === 'sizeof') {
      const args = this.callArgs();
      const size = args?.length === 1 ? this.typeSize(args[0]!) : null;
      return size === null ? null : BigInt(size);
    }
    const ioc = IOCTL_ENCODERS[name];
    if (ioc !== undefined && this.isOp('(') && !this.syms.macros.has(name)) {
      const args = this.callArgs();
      if (!args || args.length < 2) return null;
      const type = this.sub(args[0]!);
      const nr = this.sub(args[1]!);
      const size = args.length >= 3 ? this.typeSize(args[2]!) : 0;
      if (type === null || nr === null || size === null) return null;
      return wrap((BigInt(ioc) << 30n) | (BigInt(size) << 16n) | (type << 8n) | nr);
    }
    const macro = this.syms.macros.get(name);
    if (macro && !this.expanding.has(name)) {
      this.syms.onMacro?.(name);
      return macro.params === null ? this.objectMacro(macro) : this.callMacro(macro);
    }
    const e = this.syms.enumerators.get(name);
    if (e !== undefined) return e;
    return this.syms.identifier ? this.syms.identifier(name) : null;
  }

  private objectMacro(macro: MacroDef): bigint | null {
    const memo = (this.syms.memo ??= new Map());
    if (memo.has(macro.name)) return memo.get(macro.name)!;
    if (this.session.unknown.has(macro.name)) return null;
    const body = tokensOf(macro.body);
    const v = body && body.length ? this.sub(body, new Set([...this.expanding, macro.name])) : null;
    // Only known values are shared: an unknown one may become known once more enumerators are.
    if (v !== null) memo.set(macro.name, v);
    else this.session.unknown.add(macro.name);
    if (v !== null) this.syms.onValue?.(v);
    return v;
  }

  private callMacro(macro: MacroDef): bigint | null {
    const args = this.callArgs();
    if (!args) return null;
    const key = `${macro.name}(${args.map((a) => a.map((t) => String(t.v)).join(' ')).join(',')})`;
    const calls = this.session.calls;
    if (calls.has(key)) return calls.get(key)!;
    const v = this.sub(expandFunctionMacro(macro, args), new Set([...this.expanding, macro.name]));
    calls.set(key, v);
    if (v !== null) this.syms.onValue?.(v);
    return v;
  }
}

/** Linux's generic `_IOC` direction bits (x86_64, aarch64, riscv64; libs uses only `_IO`). */
const IOCTL_ENCODERS: Record<string, number> = { _IO: 0, _IOW: 1, _IOR: 2, _IOWR: 3 };

function expandFunctionMacro(macro: MacroDef, args: Tok[][]): Tok[] {
  const body = tokensOf(macro.body) ?? [];
  const out: Tok[] = [];
  for (const t of body) {
    const idx = t.k === 'id' ? macro.params!.indexOf(t.v) : -1;
    if (idx >= 0) out.push({ k: 'op', v: '(' }, ...(args[idx] ?? []), { k: 'op', v: ')' });
    else out.push(t);
  }
  return out;
}

/** A binary operator over possibly unknown (null) operands: `0 && x` and `1 || x` are known whatever x is. */
function applyBinary(op: string, a: bigint | null, b: bigint | null, onBadShift?: (by: bigint) => void): bigint | null {
  if (op === '&&') return a === 0n || b === 0n ? 0n : a === null || b === null ? null : 1n;
  if (op === '||') return (a !== null && a !== 0n) || (b !== null && b !== 0n) ? 1n : a === null || b === null ? null : 0n;
  if (a === null || b === null) return null;
  switch (op) {
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/': return b === 0n ? null : wrap(a / b);
    case '%': return b === 0n ? null : wrap(a % b);
    case '<<':
    case '>>':
      // A shift by the width or more is undefined in C: unknown, and said so.
      if (b < 0n || b >= BigInt(INTEGER_BITS)) {
        onBadShift?.(b);
        return null;
      }
      return wrap(op === '<<' ? a << b : a >> b);
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '<': return a < b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
  }
  return null;
}

/** Token lists of expressions seen before: one condition is evaluated for every build configuration. */
const TOKENS = new Map<string, Tok[] | null>();

function tokensOf(expr: string): Tok[] | null {
  let toks = TOKENS.get(expr);
  if (toks === undefined) {
    toks = tokenize(expr);
    if (TOKENS.size >= MEMO_ENTRIES) TOKENS.clear();
    TOKENS.set(expr, toks);
  }
  return toks;
}

/** Evaluates a C integer constant expression (or an `#if` condition, given the hooks); null when unresolvable. */
export function evaluate(expr: string, syms: SymbolTable): bigint | null {
  const toks = tokensOf(expr);
  if (!toks || toks.length === 0) return null;
  return new Evaluator(toks, syms, 0, new Set(), { steps: 0, calls: new Map(), unknown: new Set() }).run();
}

/** evaluate() as a JS number, or null when unresolvable or beyond 2^53. */
export function evaluateNumber(expr: string, syms: SymbolTable): number | null {
  const v = evaluate(expr, syms);
  if (v === null) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}
