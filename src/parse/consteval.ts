/**
 * Integer constant expressions as the driver writes them: defines, enumerators, `1 << 5`,
 * `(A | B)`, unparenthesised `64 * 1024`, casts, char literals, function-like macros
 * (`PPM_API_VERSION(4, 3, 0)`) and the ioctl encoders `_IO`/`_IOR`/`_IOW`/`_IOWR`.
 * Values are BigInt so 64-bit packed versions stay exact. An expression that uses a name we
 * cannot resolve evaluates to null: callers report that, they never guess.
 */

export interface MacroDef {
  name: string;
  /** null for an object-like macro. */
  params: string[] | null;
  body: string;
}

export interface SymbolTable {
  macros: Map<string, MacroDef>;
  enumerators: Map<string, bigint>;
  /** Values of object-like macros already evaluated (a revision resolves hundreds of defines). */
  memo?: Map<string, bigint>;
  /** Size in bytes of a named type, for sizeof and _IOR/_IOW (optional). */
  sizeOf?: (typeName: string) => number | null;
}

export function emptySymbols(): SymbolTable {
  return { macros: new Map(), enumerators: new Map() };
}

type Tok = { k: 'num'; v: bigint } | { k: 'id'; v: string } | { k: 'op'; v: string };

const TOKEN =
  /\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|'((?:\\.|[^'\\])+)'|([A-Za-z_]\w*)|(<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^~!<>?:(),]))/y;

function charValue(lit: string): bigint {
  if (!lit.startsWith('\\')) return BigInt(lit.codePointAt(0)!);
  const esc: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39, '"': 34 };
  if (lit[1] === 'x') return BigInt(parseInt(lit.slice(2), 16));
  if (/^\\[0-7]+$/.test(lit)) return BigInt(parseInt(lit.slice(1), 8));
  return BigInt(esc[lit[1]!] ?? lit.codePointAt(1)!);
}

export function tokenize(src: string): Tok[] | null {
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) return null;
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) {
      const t = m[1];
      toks.push({ k: 'num', v: /^0[0-7]+$/.test(t) ? BigInt('0o' + t.slice(1)) : BigInt(t) });
    } else if (m[2] !== undefined) toks.push({ k: 'num', v: charValue(m[2]) });
    else if (m[3] !== undefined) toks.push({ k: 'id', v: m[3] });
    else toks.push({ k: 'op', v: m[4]! });
  }
  return toks;
}

/** Type names a cast or sizeof may use; LP64 sizes (the targets the drivers run on). */
const BASIC_SIZES: Record<string, number> = {
  char: 1, int8_t: 1, uint8_t: 1, __u8: 1, u8: 1, __s8: 1, s8: 1, bool: 1, _Bool: 1,
  short: 2, int16_t: 2, uint16_t: 2, __u16: 2, u16: 2, __s16: 2, s16: 2,
  int: 4, int32_t: 4, uint32_t: 4, __u32: 4, u32: 4, __s32: 4, s32: 4, unsigned: 4, float: 4,
  long: 8, int64_t: 8, uint64_t: 8, __u64: 8, u64: 8, __s64: 8, s64: 8, size_t: 8, double: 8,
};
const TYPE_WORDS = new Set(['unsigned', 'signed', 'const', 'volatile', 'struct', 'enum', 'void', ...Object.keys(BASIC_SIZES)]);

class Evaluator {
  private i = 0;
  constructor(
    private toks: Tok[],
    private syms: SymbolTable,
    private depth: number,
    private expanding: Set<string>,
  ) {}

  run(): bigint | null {
    const v = this.ternary();
    return this.i === this.toks.length ? v : null;
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
    const c = this.binary(0);
    if (!this.expect('?')) return c;
    const a = this.ternary();
    if (!this.expect(':')) return null;
    const b = this.ternary();
    return c === null ? null : c !== 0n ? a : b;
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
      this.i++;
      const right = this.binary(prec);
      if (left === null || right === null) left = null;
      else left = applyBinary(t.v, left, right);
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
    const t = this.peek();
    if (!t) return null;
    if (t.k === 'op') {
      if (t.v === '(') {
        const afterCast = this.castAhead();
        if (afterCast) {
          this.i = afterCast;
          return this.unary();
        }
        this.i++;
        const v = this.ternary();
        return this.expect(')') ? v : null;
      }
      if ('-+~!'.includes(t.v) && t.v.length === 1) {
        this.i++;
        const v = this.unary();
        if (v === null) return null;
        return t.v === '-' ? -v : t.v === '+' ? v : t.v === '~' ? ~v : v === 0n ? 1n : 0n;
      }
      return null;
    }
    this.i++;
    if (t.k === 'num') return t.v;
    return this.identifier(t.v);
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

  private sub(toks: Tok[]): bigint | null {
    if (this.depth > 64) return null;
    return new Evaluator(toks, this.syms, this.depth + 1, this.expanding).run();
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

  private identifier(name: string): bigint | null {
    if (name === 'sizeof') {
      const args = this.callArgs();
      const size = args?.length === 1 ? this.typeSize(args[0]!) : null;
      return size === null ? null : BigInt(size);
    }
    const ioc = IOCTL_ENCODERS[name];
    if (ioc !== undefined && this.isOp('(')) {
      const args = this.callArgs();
      if (!args || args.length < 2) return null;
      const type = this.sub(args[0]!);
      const nr = this.sub(args[1]!);
      const size = args.length >= 3 ? this.typeSize(args[2]!) : 0;
      if (type === null || nr === null || size === null) return null;
      return (BigInt(ioc) << 30n) | (BigInt(size) << 16n) | (type << 8n) | nr;
    }
    const macro = this.syms.macros.get(name);
    if (macro && !this.expanding.has(name)) {
      this.expanding.add(name);
      try {
        if (macro.params === null) {
          const memo = (this.syms.memo ??= new Map());
          if (memo.has(name)) return memo.get(name)!;
          const body = tokenize(macro.body);
          const v = body && body.length ? this.sub(body) : null;
          // Only known values are kept: an unknown one may become known once more enumerators are.
          if (v !== null) memo.set(name, v);
          return v;
        }
        const args = this.callArgs();
        if (!args) return null;
        return this.sub(expandFunctionMacro(macro, args));
      } finally {
        this.expanding.delete(name);
      }
    }
    const e = this.syms.enumerators.get(name);
    if (e !== undefined) return e;
    return null;
  }
}

/** Linux's generic `_IOC` direction bits (x86_64, aarch64, riscv64; libs uses only `_IO`). */
const IOCTL_ENCODERS: Record<string, number> = { _IO: 0, _IOW: 1, _IOR: 2, _IOWR: 3 };

function expandFunctionMacro(macro: MacroDef, args: Tok[][]): Tok[] {
  const body = tokenize(macro.body) ?? [];
  const out: Tok[] = [];
  for (const t of body) {
    const idx = t.k === 'id' ? macro.params!.indexOf(t.v) : -1;
    if (idx >= 0) out.push({ k: 'op', v: '(' }, ...(args[idx] ?? []), { k: 'op', v: ')' });
    else out.push(t);
  }
  return out;
}

function applyBinary(op: string, a: bigint, b: bigint): bigint | null {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0n ? null : a / b;
    case '%': return b === 0n ? null : a % b;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '<': return a < b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '&&': return a !== 0n && b !== 0n ? 1n : 0n;
    case '||': return a !== 0n || b !== 0n ? 1n : 0n;
  }
  return null;
}

/** Evaluates a C integer constant expression; null when it uses something unresolvable. */
export function evaluate(expr: string, syms: SymbolTable): bigint | null {
  const toks = tokenize(expr);
  if (!toks || toks.length === 0) return null;
  return new Evaluator(toks, syms, 0, new Set()).run();
}

/** evaluate() as a JS number, or null when unresolvable or beyond 2^53. */
export function evaluateNumber(expr: string, syms: SymbolTable): number | null {
  const v = evaluate(expr, syms);
  if (v === null) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}
