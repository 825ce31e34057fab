/**
 * Integer constant expressions as the driver writes them — defines, enumerators, `1 << 5`,
 * `(A | B)`, unparenthesised `64 * 1024`, casts, character constants, function-like macros
 * (`PPM_API_VERSION(4, 3, 0)`), the ioctl encoders `_IO`/`_IOR`/`_IOW`/`_IOWR` — and the
 * conditions of `#if` (with `defined` and `__has_include`). One evaluator for both, each with
 * its own arithmetic, as gcc has:
 * - a C expression (an enum value, an array size, an initialiser) computes every operation in
 *   the type C gives it: numbers typed by their suffix and size, the usual arithmetic
 *   conversions (`0u - 8` is 4294967288), casts converting (`(uint8_t)(1 << 11)` is 0), int
 *   32 bits and long 64 (LP64, c-types.ts), signed overflow wrapping as gcc folds it;
 * - an `#if` computes in intmax_t/uintmax_t (INTEGER_BITS), where a cast or sizeof is an error.
 *
 * Values are BigInts kept within their type's range, so packed versions stay exact and no
 * input can grow a number without bound. An expression that uses a name or a type we cannot
 * resolve evaluates to null: callers report that, they never guess. Work is bounded
 * (MAX_EVAL_STEPS, MAX_EVAL_DEPTH, and the revision's budget when the symbol table has one);
 * hitting a bound is recorded in `problems` and gives null.
 * Function-like macro calls are memoised by their arguments, so a chain of macros each using
 * the previous one twice costs linear, not exponential, time.
 */
import { INTEGER_BITS, MAX_EVAL_DEPTH, MAX_EVAL_STEPS, MEMO_ENTRIES } from '../limits.js';
import type { WorkBudget } from './budget.js';
import { INT_BITS, isTypeWord, LONG_BITS, scalarType } from './c-types.js';
import { record } from '../record.js';

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

/**
 * An integer type after C's integer promotions: int, unsigned int, long or unsigned long (long
 * long is long on LP64); in `#if`, intmax_t or uintmax_t. Narrower types never appear: a value
 * converted to one is promoted to int at once.
 */
export interface IntType {
  bits: number;
  unsigned: boolean;
}

/** A value of a type, always within the type's range. */
export interface Value {
  v: bigint;
  t: IntType;
  /**
   * The value is sure, its type is not (`t` is one candidate): a conditional whose other branch
   * is unknown, or a decimal too large for long (unsigned long for gcc -std=gnu89 and clang,
   * __int128 for gcc -std=gnu11). Always non-negative, so the value is the same in every
   * candidate type; what is computed from it is not, except its truth, a conversion, and a
   * comparison with a non-negative value.
   */
  loose?: true;
}

export interface SymbolTable {
  macros: MacroLookup;
  enumerators: Map<string, bigint>;
  /** Values of object-like macros already evaluated (a revision resolves hundreds of defines); evaluate() fills it. */
  memo?: Map<string, Value>;
  /** Size in bytes of a named type, for sizeof and _IOR/_IOW (optional). */
  sizeOf?: (typeName: string) => number | null;
  /** The scalar type (c-types.ts spelling) a typedef name stands for, for casts (optional). */
  scalarOf?: (typeName: string) => string | null;
  /**
   * `#if` semantics, given `isDefined`: values are intmax_t/uintmax_t, casts and sizeof are
   * errors (unknown). `defined(X)`: true, false, or null when unknown. An identifier that is
   * neither a macro nor an enumerator evaluates to `identifier(X)`: 0 for a name the build does
   * not define, null for one we cannot know. Without these hooks, the expression is C (enum
   * values, array sizes, initialisers: each operation in the type C gives it), `defined` is an
   * error and an unknown identifier is null.
   */
  isDefined?: (name: string) => boolean | null;
  identifier?: (name: string) => bigint | null;
  hasInclude?: (path: string, angled: boolean) => boolean | null;
  /** Every value a literal or a macro produced (to find the thresholds of a kernel-version test). */
  onValue?: (v: bigint) => void;
  /** Why an evaluation was cut short (a limit hit); the caller reports them. */
  problems?: Set<string>;
  /**
   * The revision's work budget (budget.ts): every step is charged to it, and an evaluation that
   * would go past what is left stops (null, and the budget's message in `problems`).
   */
  budget?: WorkBudget;
  /** Names whose definition is ambiguous (several live definitions): the caller reports them when used. */
  onMacro?: (name: string) => void;
}

export function emptySymbols(): SymbolTable {
  return { macros: new Map(), enumerators: new Map() };
}

/** A number as written: its value and what C's typing rules need (the radix, the suffix). */
type NumTok = { k: 'num'; v: bigint; decimal: boolean; unsigned: boolean; long: boolean; char?: true };
type Tok = NumTok | { k: 'id'; v: string } | { k: 'op'; v: string } | { k: 'str'; v: string };

const TOKEN =
  /\s*(?:(0[xX][0-9a-fA-F]+|0[bB][01]+|\d+)([uUlL]*)(?![\w.])|(u8|[LuU])?'((?:\\.|[^'\\])+)'|"((?:\\.|[^"\\])*)"|([A-Za-z_]\w*)|(<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^~!<>?:(),.#]))/y;

/** The integer suffixes C allows (`u`, `l`, `ll` and the unsigned ones, in either order). */
const SUFFIX = /^(?:[uU]?(?:l|L|ll|LL)?|(?:l|L|ll|LL)[uU])$/;

const UTF8 = new TextEncoder();

/** Values of the simple escapes (`\e` is gcc's ESC). */
const ESCAPES = record<number>({
  n: 10,
  t: 9,
  r: 13,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  e: 27,
  E: 27,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
});

/**
 * The value of a character constant as gcc computes it: the bytes of the execution character set
 * (UTF-8), one per escape; a single one is a `char`, several (a multi-character constant) are
 * concatenated big-endian into an int (more than four keep the last four, gcc warns). null when
 * the value is the target's choice (one byte of 0x80 or more: plain char is signed on x86_64,
 * unsigned on aarch64) or not a byte (a universal character name, an escape out of range or
 * unknown, an empty constant).
 */
export function charConstant(body: string): bigint | null {
  const bytes: number[] = [];
  const octal = /[0-7]{1,3}/y;
  const hex = /[0-9a-fA-F]+/y;
  for (let i = 0; i < body.length; ) {
    if (body[i] !== '\\') {
      const cp = body.codePointAt(i)!;
      bytes.push(...UTF8.encode(String.fromCodePoint(cp)));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1] ?? '';
    octal.lastIndex = i + 1;
    hex.lastIndex = i + 2;
    let m: RegExpExecArray | null;
    if ((m = octal.exec(body))) {
      bytes.push(parseInt(m[0], 8));
      i += 1 + m[0].length;
    } else if (e === 'x' && (m = hex.exec(body))) {
      // Every hex digit belongs to the escape ('\x073' is 's'); beyond a byte gcc warns and truncates: unknown.
      const digits = m[0].replace(/^0+(?=.)/, '');
      bytes.push(digits.length > 2 ? 256 : parseInt(digits, 16));
      i += 2 + m[0].length;
    } else if (ESCAPES[e] !== undefined) {
      bytes.push(ESCAPES[e]);
      i += 2;
    } else return null;
  }
  if (bytes.length === 0 || bytes.some((b) => b > 255)) return null;
  if (bytes.length === 1) return bytes[0]! < 0x80 ? BigInt(bytes[0]!) : null;
  // Only the last four bytes stay in an int: a long constant costs linear time.
  let v = 0n;
  for (const b of bytes) v = BigInt.asUintN(INT_BITS, (v << 8n) | BigInt(b));
  return BigInt.asIntN(INT_BITS, v);
}

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
      const [t, suffix] = [m[1], m[2]!];
      // `09` is no octal number, `1lu2` no suffix: gcc rejects both.
      if (!SUFFIX.test(suffix) || (/^0\d/.test(t) && !/^0[0-7]+$/.test(t))) return null;
      // More significant digits than 64 bits need: no type holds it (and BigInt need not parse it).
      if (t.replace(/^0[xXbB]?0*/, '').length > 64) return null;
      const v = /^0[0-7]+$/.test(t) ? BigInt(`0o${t.slice(1)}`) : BigInt(/^0[bB]/.test(t) ? `0b${t.slice(2)}` : t);
      toks.push({ k: 'num', v, decimal: !/^0./.test(t), unsigned: /u/i.test(suffix), long: /l/i.test(suffix) });
    } else if (m[4] !== undefined) {
      // A wide or UTF-16/32 character constant: its type is the target's (wchar_t, char16_t...).
      const v = m[3] === undefined ? charConstant(m[4]) : null;
      if (v === null) return null;
      toks.push({ k: 'num', v, decimal: true, unsigned: false, long: false, char: true });
    } else if (m[5] !== undefined) toks.push({ k: 'str', v: m[5] });
    else if (m[6] !== undefined) toks.push({ k: 'id', v: m[6] });
    else toks.push({ k: 'op', v: m[7]! });
  }
  return toks;
}

const INT: IntType = { bits: INT_BITS, unsigned: false };
const UINT: IntType = { bits: INT_BITS, unsigned: true };
const LONG: IntType = { bits: LONG_BITS, unsigned: false };
const ULONG: IntType = { bits: LONG_BITS, unsigned: true };
const INTMAX: IntType = { bits: INTEGER_BITS, unsigned: false };
const UINTMAX: IntType = { bits: INTEGER_BITS, unsigned: true };

/** `v` converted to `t` (modulo 2^bits, as gcc converts to a narrower or unsigned type). */
function as(v: bigint, t: IntType): Value {
  return { v: t.unsigned ? BigInt.asUintN(t.bits, v) : BigInt.asIntN(t.bits, v), t };
}

function fits(v: bigint, t: IntType): boolean {
  return v >= 0n && v < 1n << BigInt(t.unsigned ? t.bits : t.bits - 1);
}

/** C's usual arithmetic conversions, on promoted types: the wider, unsigned if the widest operand is. */
function common(a: IntType, b: IntType): IntType {
  const bits = Math.max(a.bits, b.bits);
  const unsigned = (a.bits === bits && a.unsigned) || (b.bits === bits && b.unsigned);
  return bits === a.bits && unsigned === a.unsigned
    ? a
    : bits === b.bits && unsigned === b.unsigned
      ? b
      : { bits, unsigned };
}

/**
 * The type of a number as written (C11 6.4.4.1): the first of its candidate types that holds
 * it. A decimal too large for long gets unsigned long here, but that is only one compiler's
 * choice (gcc -std=gnu11 makes it __int128): primary() marks its type loose. In `#if`
 * every number is intmax_t, or uintmax_t when suffixed `u` or too large for intmax_t. null when
 * it fits no type (gcc's "integer constant is too large for its type").
 */
function numberType(n: NumTok, preprocessor: boolean): IntType | null {
  if (n.char) return preprocessor ? INTMAX : INT;
  const candidates = preprocessor
    ? n.unsigned
      ? [UINTMAX]
      : [INTMAX, UINTMAX]
    : n.unsigned
      ? n.long
        ? [ULONG]
        : [UINT, ULONG]
      : n.decimal
        ? n.long
          ? [LONG, ULONG]
          : [INT, LONG, ULONG]
        : n.long
          ? [LONG, ULONG]
          : [INT, UINT, LONG, ULONG];
  return candidates.find((t) => fits(n.v, t)) ?? null;
}

/** The type of an enumeration constant: int, or the type gcc gives one beyond int's range. */
function enumeratorType(v: bigint): IntType {
  if (v < 0n) return v >= -(1n << BigInt(INT_BITS - 1)) ? INT : LONG;
  return [INT, UINT, LONG].find((t) => fits(v, t)) ?? ULONG;
}

/**
 * What a cast converts to: an integer type of some width, `bool`, or `char` (whose signedness
 * is the target's); `enum`: an enum type (int or unsigned int, as its members decide). null for
 * a type the evaluator does not know or that is no integer (pointer, struct, floating): the
 * value is then unknown, never the operand unchanged.
 */
type CastTarget =
  | { kind: 'int'; bits: number; unsigned: boolean }
  | { kind: 'bool' }
  | { kind: 'char' }
  | { kind: 'enum' }
  | null;

function convert(x: Value, to: NonNullable<CastTarget>): Value | null {
  switch (to.kind) {
    case 'bool':
      return { v: x.v === 0n ? 0n : 1n, t: INT };
    case 'char': {
      const byte = BigInt.asUintN(8, x.v);
      return byte < 0x80n ? { v: byte, t: INT } : null;
    }
    case 'enum': {
      const v = BigInt.asUintN(INT_BITS, x.v);
      return fits(v, INT) ? { v, t: INT } : null;
    }
    case 'int': {
      const c = as(x.v, { bits: to.bits, unsigned: to.unsigned });
      // A type narrower than int is promoted to int as soon as its value is used.
      return to.bits < INT_BITS ? { v: c.v, t: INT } : c;
    }
  }
}

function castTarget(spelling: string): CastTarget {
  if (/^enum(?: \w+)?$/.test(spelling)) return { kind: 'enum' };
  const s = scalarType(spelling);
  if (!s || s.kind === 'float') return null;
  if (s.kind === 'bool' || s.kind === 'char') return { kind: s.kind };
  return { kind: 'int', bits: s.size * 8, unsigned: s.kind === 'unsigned' };
}

/** Shared by the evaluators of one top-level evaluation: its budget and its memo of macro calls. */
interface Session {
  steps: number;
  /** Steps the revision's budget leaves this evaluation (Infinity without one). */
  allowance: number;
  calls: Map<string, Value | null>;
  /** Object-like macros whose value was unknown in this evaluation (the shared memo keeps only known ones). */
  unknown: Set<string>;
  /** An `#if` condition: values are intmax_t/uintmax_t, and casts and sizeof are errors (gcc). */
  preprocessor: boolean;
}

/** Words of a type name a cast or sizeof may go through macros to reach (`#define u8 unsigned char`). */
const MAX_TYPE_WORDS = 16;

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

  run(): Value | null {
    const v = this.ternary();
    return this.i === this.toks.length ? v : null;
  }

  private step(): boolean {
    if (++this.session.steps > MAX_EVAL_STEPS) {
      this.syms.problems?.add(`a constant expression needs more than ${MAX_EVAL_STEPS} steps`);
      return false;
    }
    if (this.session.steps > this.session.allowance) {
      // Said once per evaluation (every step after it fails too).
      if (this.session.allowance !== -1) {
        const spent = this.syms.budget!.stop('MAX_REVISION_EVAL_STEPS');
        this.syms.problems?.add(spent.message);
      }
      this.session.allowance = -1;
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

  /** The type of a truth value: int in C, intmax_t in `#if`. */
  private get truthType(): IntType {
    return this.session.preprocessor ? INTMAX : INT;
  }

  private ternary(): Value | null {
    if (!this.enter()) return null;
    try {
      const c = this.binary(0);
      if (!this.expect('?')) return c;
      const a = this.ternary();
      if (!this.expect(':')) return null;
      const b = this.ternary();
      // The result has the common type of both branches, whichever is taken.
      if (a === null || b === null || a.loose || b.loose) {
        const chosen = c === null ? null : c.v !== 0n ? a : b;
        // Without the other branch's type, only a non-negative value is the same in every type,
        // and the result's type is not known: later operations on it are unknown (loose).
        return chosen !== null && chosen.v >= 0n ? { v: chosen.v, t: chosen.t, loose: true } : null;
      }
      const t = common(a.t, b.t);
      const [x, y] = [as(a.v, t), as(b.v, t)];
      if (c === null) return x.v === y.v ? x : null;
      return c.v !== 0n ? x : y;
    } finally {
      this.depth--;
    }
  }

  private static PREC: Record<string, number> = {
    '||': 1,
    '&&': 2,
    '|': 3,
    '^': 4,
    '&': 5,
    '==': 6,
    '!=': 6,
    '<': 7,
    '>': 7,
    '<=': 7,
    '>=': 7,
    '<<': 8,
    '>>': 8,
    '+': 9,
    '-': 9,
    '*': 10,
    '/': 10,
    '%': 10,
  };

  private binary(minPrec: number): Value | null {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t?.k !== 'op') return left;
      const prec = Evaluator.PREC[t.v];
      if (prec === undefined || prec <= minPrec) return left;
      if (!this.step()) return null;
      this.i++;
      const right = this.binary(prec);
      left = applyBinary(t.v, left, right, this.truthType, (by) =>
        this.syms.problems?.add(`a constant expression shifts by ${by}, which C leaves undefined`),
      );
    }
  }

  /**
   * The words of a type name, through the object-like macros the preprocessor would replace
   * first (`#define u8 unsigned char`, `#define uint32_t uint64_t`); null when they do not
   * spell a type.
   */
  private typeWords(toks: Tok[]): string[] | null {
    const out: string[] = [];
    const add = (t: Tok, depth: number, seen: Set<string>): boolean => {
      if (t.k === 'op' && t.v === '*') return out.push('*') <= MAX_TYPE_WORDS;
      if (t.k !== 'id') return false;
      const m = this.syms.macros.get(t.v);
      if (m && !this.expanding.has(t.v) && !seen.has(t.v)) {
        const body = m.params === null && depth < MAX_TYPE_WORDS ? tokensOf(m.body) : null;
        return !!body && body.length > 0 && body.every((b) => add(b, depth + 1, new Set([...seen, t.v])));
      }
      return out.push(t.v) <= MAX_TYPE_WORDS;
    };
    return toks.every((t) => add(t, 0, new Set())) ? out.filter((w) => w !== 'const' && w !== 'volatile') : null;
  }

  /** What a type name converts to, or null for one the evaluator does not know (see CastTarget). */
  private castTargetOf(words: string[]): CastTarget {
    if (words.includes('*')) return null;
    const spelling = words.join(' ');
    const direct = castTarget(spelling);
    if (direct || words.length !== 1) return direct;
    const alias = this.syms.scalarOf?.(spelling);
    return alias ? castTarget(alias) : null;
  }

  /**
   * A cast at the current `(`: where it ends and what it converts to, or null when the parentheses
   * hold no type name (`(A | B)`). A name counts as a type when it is a type word, ends in `_t`
   * (a typedef, known or not), or is a typedef the surface knows (`scalarOf`).
   */
  private castAt(): { end: number; target: CastTarget } | null {
    let j = this.i + 1;
    while (j < this.toks.length && (this.toks[j]!.k === 'id' || (this.toks[j]!.k === 'op' && this.toks[j]!.v === '*')))
      j++;
    const close = this.toks[j];
    if (j === this.i + 1 || close?.k !== 'op' || close.v !== ')') return null;
    const words = this.typeWords(this.toks.slice(this.i + 1, j));
    if (!words?.length) return null;
    // A tag follows `struct`, `union` or `enum`, whatever its name.
    const known = (w: string, k: number): boolean =>
      w === '*' ||
      isTypeWord(w) ||
      /_t$/.test(w) ||
      /^(struct|union|enum)$/.test(words[k - 1] ?? '') ||
      (words.length === 1 && !!this.syms.scalarOf?.(w));
    if (!words.every(known)) return null;
    return { end: j + 1, target: this.castTargetOf(words) };
  }

  private unary(): Value | null {
    // Unary operators and casts iteratively: a run of 100k `-` needs no stack.
    const ops: Array<string | CastTarget> = [];
    for (;;) {
      const t = this.peek();
      if (t?.k === 'op' && t.v.length === 1 && '-+~!'.includes(t.v)) {
        if (!this.step()) return null;
        ops.push(t.v);
        this.i++;
        continue;
      }
      const cast = t?.k === 'op' && t.v === '(' ? this.castAt() : null;
      if (!cast) break;
      if (!this.step()) return null;
      // A cast in `#if` is an error: the identifiers in it are 0 (`(0)1`).
      ops.push(this.session.preprocessor ? null : cast.target);
      this.i = cast.end;
    }
    let v = this.primary();
    for (let k = ops.length - 1; k >= 0 && v !== null; k--) {
      const op = ops[k]!;
      if (typeof op !== 'string') v = op === null ? null : convert(v, op);
      else if (op === '-') v = v.loose ? null : as(-v.v, v.t);
      else if (op === '~') v = v.loose ? null : as(~v.v, v.t);
      else if (op === '!') v = { v: v.v === 0n ? 1n : 0n, t: this.truthType };
    }
    return v;
  }

  private primary(): Value | null {
    const t = this.peek();
    if (!t || !this.step()) return null;
    this.i++;
    if (t.k === 'num') {
      const type = numberType(t, this.session.preprocessor);
      if (type === null) return null;
      this.syms.onValue?.(t.v);
      // A decimal too large for long: unsigned long for gcc -std=gnu89 and clang, __int128 for gcc -std=gnu11.
      const loose = type.unsigned && t.decimal && !t.unsigned && !this.session.preprocessor;
      return loose ? { v: t.v, t: type, loose } : { v: t.v, t: type };
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

  private sub(toks: Tok[], expanding = this.expanding): Value | null {
    if (this.level + this.depth + 1 > MAX_EVAL_DEPTH) {
      this.syms.problems?.add(`a constant expression is nested more than ${MAX_EVAL_DEPTH} deep`);
      return null;
    }
    return new Evaluator(toks, this.syms, this.level + this.depth + 1, expanding, this.session).run();
  }

  /** Size in bytes of a type name (`sizeof`, the size argument of `_IOR`). */
  private typeSize(toks: Tok[]): number | null {
    const words = this.typeWords(toks);
    if (!words) return null;
    if (words.includes('*')) return scalarType('uintptr_t')!.size;
    const spelling = words.join(' ');
    return scalarType(spelling)?.size ?? this.syms.sizeOf?.(spelling) ?? null;
  }

  private defined(): Value | null {
    const paren = this.expect('(');
    const t = this.toks[this.i++];
    if (t?.k !== 'id' || (paren && !this.expect(')'))) return null;
    const d = this.syms.isDefined!(t.v);
    return d === null ? null : { v: d ? 1n : 0n, t: INTMAX };
  }

  private hasInclude(): Value | null {
    // `__has_include(<a/b.h>)` or `__has_include("a.h")`: the header name is raw tokens.
    const args = this.callArgs();
    if (args?.length !== 1) return null;
    const a = args[0]!;
    let path: string;
    let angled: boolean;
    if (a.length === 1 && a[0]!.k === 'str') [path, angled] = [a[0]!.v, false];
    else if (a[0]?.k === 'op' && a[0].v === '<' && a[a.length - 1]?.k === 'op' && a[a.length - 1]!.v === '>') {
      [path, angled] = [
        a
          .slice(1, -1)
          .map((t) => String(t.v))
          .join(''),
        true,
      ];
    } else return null;
    const h = this.syms.hasInclude?.(path, angled) ?? null;
    return h === null ? null : { v: h ? 1n : 0n, t: INTMAX };
  }

  private identifier(name: string): Value | null {
    if (name === 'defined' && this.syms.isDefined) return this.defined();
    if ((name === '__has_include' || name === '__has_include_next') && this.isOp('(')) return this.hasInclude();
    if (name === 'sizeof' && !this.syms.macros.has(name)) {
      const args = this.callArgs();
      const size = args?.length === 1 && !this.session.preprocessor ? this.typeSize(args[0]!) : null;
      return size === null ? null : { v: BigInt(size), t: ULONG };
    }
    const ioc = IOCTL_ENCODERS[name];
    if (ioc !== undefined && this.isOp('(') && !this.syms.macros.has(name)) {
      const args = this.callArgs();
      if (!args || args.length < 2) return null;
      const type = this.sub(args[0]!);
      const nr = this.sub(args[1]!);
      const size = args.length >= 3 ? this.typeSize(args[2]!) : 0;
      if (type === null || nr === null || size === null) return null;
      // linux/ioctl.h's _IOC: (dir << 30) | (type << 8) | (nr << 0) | (size << 16), dir unsigned.
      let v: Value | null = { v: BigInt(ioc) << 30n, t: UINT };
      for (const part of [
        applyBinary('<<', type, { v: 8n, t: INT }, INT),
        nr,
        { v: BigInt(size) << 16n, t: size ? ULONG : INT },
      ])
        v = applyBinary('|', v, part, INT);
      // The command is an unsigned int wherever the driver receives it.
      return v && as(v.v, UINT);
    }
    const macro = this.syms.macros.get(name);
    if (macro && !this.expanding.has(name)) {
      this.syms.onMacro?.(name);
      return macro.params === null ? this.objectMacro(macro) : this.callMacro(macro);
    }
    const e = this.syms.enumerators.get(name);
    if (e !== undefined) return { v: e, t: enumeratorType(e) };
    const v = this.syms.identifier ? this.syms.identifier(name) : null;
    return v === null ? null : { v, t: INTMAX };
  }

  private objectMacro(macro: MacroDef): Value | null {
    const memo = (this.syms.memo ??= new Map<string, Value>());
    // A macro's value depends on how it is read: `0u - 1` is 32 bits in C, 64 in `#if`.
    const key = this.session.preprocessor ? `#${macro.name}` : macro.name;
    const known = memo.get(key);
    if (known) return known;
    if (this.session.unknown.has(macro.name)) return null;
    const body = tokensOf(macro.body);
    const v = body?.length ? this.sub(body, new Set([...this.expanding, macro.name])) : null;
    // Only known values are shared: an unknown one may become known once more enumerators are.
    if (v !== null) memo.set(key, v);
    else this.session.unknown.add(macro.name);
    if (v !== null) this.syms.onValue?.(v.v);
    return v;
  }

  private callMacro(macro: MacroDef): Value | null {
    const args = this.callArgs();
    if (!args) return null;
    const key = `${macro.name}(${args.map((a) => a.map((t) => String(t.v)).join(' ')).join(',')})`;
    const calls = this.session.calls;
    if (calls.has(key)) return calls.get(key)!;
    const v = this.sub(expandFunctionMacro(macro, args), new Set([...this.expanding, macro.name]));
    calls.set(key, v);
    if (v !== null) this.syms.onValue?.(v.v);
    return v;
  }
}

/** Linux's generic `_IOC` direction bits (x86_64, aarch64, riscv64; libs uses only `_IO`). */
const IOCTL_ENCODERS = record<number>({ _IO: 0, _IOW: 1, _IOR: 2, _IOWR: 3 });

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

/**
 * A binary operator as C computes it: the operands converted to their common type (C's usual
 * arithmetic conversions), the result wrapped to it (gcc wraps signed overflow too); a shift
 * has its left operand's type, comparisons and logical operators `truth` (int, or intmax_t in
 * `#if`). Operands may be unknown (null): `0 && x` and `1 || x` are known whatever x is.
 */
function applyBinary(
  op: string,
  a: Value | null,
  b: Value | null,
  truth: IntType,
  onBadShift?: (by: bigint) => void,
): Value | null {
  const bool = (x: boolean): Value => ({ v: x ? 1n : 0n, t: truth });
  if (op === '&&') return a?.v === 0n || b?.v === 0n ? bool(false) : a === null || b === null ? null : bool(true);
  if (op === '||')
    return (a !== null && a.v !== 0n) || (b !== null && b.v !== 0n)
      ? bool(true)
      : a === null || b === null
        ? null
        : bool(false);
  if (a === null || b === null) return null;
  // A value whose type is not sure: only a comparison of non-negative values is the same in every type.
  if (a.loose || b.loose) {
    if (!['<', '>', '<=', '>=', '==', '!='].includes(op) || a.v < 0n || b.v < 0n) return null;
  }
  if (op === '<<' || op === '>>') {
    // A shift by the width of the (promoted) left operand or more is undefined in C: unknown, and said so.
    if (b.v < 0n || b.v >= BigInt(a.t.bits)) {
      onBadShift?.(b.v);
      return null;
    }
    return as(op === '<<' ? a.v << b.v : a.v >> b.v, a.t);
  }
  const t = common(a.t, b.t);
  const [x, y] = [as(a.v, t).v, as(b.v, t).v];
  switch (op) {
    case '+':
      return as(x + y, t);
    case '-':
      return as(x - y, t);
    case '*':
      return as(x * y, t);
    case '/':
      return y === 0n ? null : as(x / y, t);
    case '%':
      return y === 0n ? null : as(x % y, t);
    case '&':
      return as(x & y, t);
    case '|':
      return as(x | y, t);
    case '^':
      return as(x ^ y, t);
    case '<':
      return bool(x < y);
    case '>':
      return bool(x > y);
    case '<=':
      return bool(x <= y);
    case '>=':
      return bool(x >= y);
    case '==':
      return bool(x === y);
    case '!=':
      return bool(x !== y);
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

function evaluateValue(expr: string, syms: SymbolTable): Value | null {
  const toks = tokensOf(expr);
  if (!toks || toks.length === 0) return null;
  const budget = syms.budget;
  if (budget && budget.stepsLeft <= 0) {
    const spent = budget.stop('MAX_REVISION_EVAL_STEPS');
    syms.problems?.add(spent.message);
    return null;
  }
  const session: Session = {
    steps: 0,
    allowance: budget ? budget.stepsLeft : Infinity,
    calls: new Map(),
    unknown: new Set(),
    preprocessor: syms.isDefined !== undefined,
  };
  const v = new Evaluator(toks, syms, 0, new Set(), session).run();
  budget?.chargeSteps(session.steps);
  return v;
}

/**
 * Evaluates a C integer constant expression in the types C gives it (or an `#if` condition in
 * intmax_t/uintmax_t, given the `#if` hooks); null when unresolvable.
 */
export function evaluate(expr: string, syms: SymbolTable): bigint | null {
  return evaluateValue(expr, syms)?.v ?? null;
}

/**
 * A value as a JS number, or null beyond 2^53. An unsigned 64-bit value of 2^63 or more is the
 * signed value of the same 64 bits (`~0UL` is -1): a number of the surface stands for the bits
 * a 64-bit slot holds.
 */
function toNumber(v: bigint): number | null {
  const n = Number(v >= 1n << 63n ? BigInt.asIntN(64, v) : v);
  return Number.isSafeInteger(n) ? n : null;
}

/** evaluate() as a JS number (see toNumber), or null when unresolvable. */
export function evaluateNumber(expr: string, syms: SymbolTable): number | null {
  const v = evaluate(expr, syms);
  return v === null ? null : toNumber(v);
}

/**
 * The value an object of scalar type `type` (a c-types.ts spelling: `uint32_t`) initialised
 * with `expr` holds, as C converts it (`(1 << 31)` in a uint32_t is 2147483648); null when
 * unresolvable or the type is not an integer type.
 */
export function evaluateAs(expr: string, syms: SymbolTable, type: string): number | null {
  const v = evaluateValue(expr, syms);
  const target = castTarget(type);
  const converted = v && target ? convert(v, target) : null;
  return converted === null ? null : toNumber(converted.v);
}
