/**
 * The C constant evaluator clause by clause (issue 12: every mutant of consteval.ts is either
 * killed here or listed as equivalent in docs/testing.md). Values are what gcc computes on LP64:
 * a C expression in the types C gives it (int 32 bits, long 64), an `#if` condition in
 * intmax_t; null is "unknown", never a guess.
 */
import { describe, expect, it } from 'vitest';
import {
  emptySymbols,
  evaluate,
  evaluateNumber,
  tokenize,
  type MacroDef,
  type SymbolTable,
} from '../../src/parse/consteval.js';
import { INTEGER_BITS, MAX_EVAL_DEPTH, MAX_EVAL_STEPS } from '../../src/limits.js';
import { scalarType } from '../../src/parse/c-types.js';

/** A symbol table from `NAME: body` / `NAME(a, b): body` lines, plus optional hooks. */
function table(lines: string[] = [], extra: Partial<SymbolTable> = {}): SymbolTable {
  const macros = new Map<string, MacroDef>();
  for (const line of lines) {
    const m = /^(\w+)(?:\(([^)]*)\))?:\s?(.*)$/.exec(line);
    if (!m) throw new Error(`table: bad line '${line}'`);
    macros.set(m[1]!, {
      name: m[1]!,
      params:
        m[2] === undefined
          ? null
          : m[2]
              .split(',')
              .map((p) => p.trim())
              .filter(Boolean),
      body: m[3]!,
    });
  }
  return { ...emptySymbols(), macros, ...extra };
}

const val = (expr: string, t: SymbolTable = emptySymbols()) => evaluate(expr, t);
/** An `#if` condition's table: every name undefined, so the arithmetic is intmax_t's. */
const pp = (): SymbolTable => table([], { isDefined: () => false });
const MIN64 = -(2n ** 63n);
const MIN32 = -(2n ** 31n);
/** A number token: its value, and what C's typing reads from how it is written. */
const num = (v: bigint, decimal: boolean, unsigned = false, long = false) => ({ k: 'num', v, decimal, unsigned, long });
/** A character constant's token: typed int. */
const chr = (v: bigint) => ({ ...num(v, true), char: true });

describe('tokenize', () => {
  it('numbers in every base with any suffix, char literals, strings, names and operators', () => {
    expect(tokenize(' 0x1F 017 42uL 0 ')).toEqual([
      num(31n, false),
      num(15n, false),
      num(42n, true, true, true),
      num(0n, true),
    ]);
    expect(tokenize('1u 1l 1LL 1lu 1ULL 0b101 0X10ul')).toEqual([
      num(1n, true, true),
      num(1n, true, false, true),
      num(1n, true, false, true),
      num(1n, true, true, true),
      num(1n, true, true, true),
      num(5n, false),
      num(16n, false, true, true),
    ]);
    // Suffixes C does not allow, and a decimal digit in an octal number, are no number.
    for (const bad of ['1lul', '1uu', '1lL', '09', '078']) expect(tokenize(bad)).toBeNull();
    expect(tokenize(`'a' "s\\"t" _x9 <<>>`)).toEqual([
      chr(97n),
      { k: 'str', v: 's\\"t' },
      { k: 'id', v: '_x9' },
      { k: 'op', v: '<<' },
      { k: 'op', v: '>>' },
    ]);
    for (const op of [
      '<=',
      '>=',
      '==',
      '!=',
      '&&',
      '||',
      '-',
      '+',
      '*',
      '/',
      '%',
      '&',
      '|',
      '^',
      '~',
      '!',
      '<',
      '>',
      '?',
      ':',
      '(',
      ')',
      ',',
      '.',
      '#',
    ]) {
      expect(tokenize(`1 ${op} 2`)![1]).toEqual({ k: 'op', v: op });
    }
  });

  it('character escapes as C reads them', () => {
    const ch = (lit: string) => tokenize(`'${lit}'`)?.[0];
    expect(ch('\\n')).toEqual(chr(10n));
    expect(ch('\\t')).toEqual(chr(9n));
    expect(ch('\\r')).toEqual(chr(13n));
    expect(ch('\\0')).toEqual(chr(0n));
    expect(ch('\\\\')).toEqual(chr(92n));
    expect(ch("\\'")).toEqual(chr(39n));
    expect(ch('\\"')).toEqual(chr(34n));
    expect(ch('\\x41')).toEqual(chr(65n));
    expect(ch('\\101')).toEqual(chr(65n));
    // UTF-8 bytes C3 A9: a multi-character constant, big-endian in an int (gcc: 50089).
    expect(ch('é')).toEqual(chr(0xc3a9n));
    // gcc rejects `\x` without a digit; `\q` it reads as 'q' with a warning: unknown here, not guessed.
    expect(tokenize(`'\\xzz'`)).toBeNull();
    expect(tokenize(`'\\q'`)).toBeNull();
    // One byte of 0x80 or more: plain char's sign is the target's.
    expect(tokenize(`'\\377'`)).toBeNull();
  });

  it('a number keeps its value as written; its type decides what it becomes, and past 2^64 no type holds it', () => {
    expect(tokenize('0xFFFFFFFFFFFFFFFF')).toEqual([num(2n ** 64n - 1n, false)]);
    expect(tokenize('9223372036854775808')).toEqual([num(2n ** 63n, true)]);
    // A hex literal past long's range is unsigned long, so it wraps there.
    expect(val('0xFFFFFFFFFFFFFFFF')).toBe(2n ** 64n - 1n);
    expect(val('0xFFFFFFFFFFFFFFFF + 1')).toBe(0n);
    expect(val('0x10000000000000000')).toBeNull();
    // In #if it is uintmax_t: -1 converts to the same value.
    expect(val('0xFFFFFFFFFFFFFFFF == -1', pp())).toBe(1n);
  });

  it('anything else is not an expression', () => {
    expect(tokenize('1 @ 2')).toBeNull();
    expect(tokenize('$')).toBeNull();
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \t\n')).toEqual([]);
  });
});

describe('operators', () => {
  it.each<[string, bigint]>([
    ['7 + 2', 9n],
    ['7 - 2', 5n],
    ['7 * 2', 14n],
    ['7 / 2', 3n],
    ['-7 / 2', -3n],
    ['7 % 4', 3n],
    ['-7 % 4', -3n],
    ['3 << 4', 48n],
    ['48 >> 4', 3n],
    ['-16 >> 2', -4n],
    ['12 & 10', 8n],
    ['12 | 10', 14n],
    ['12 ^ 10', 6n],
    ['1 < 2', 1n],
    ['2 < 1', 0n],
    ['2 < 2', 0n],
    ['2 > 1', 1n],
    ['1 > 2', 0n],
    ['2 > 2', 0n],
    ['2 <= 2', 1n],
    ['3 <= 2', 0n],
    ['2 >= 2', 1n],
    ['1 >= 2', 0n],
    ['2 == 2', 1n],
    ['2 == 3', 0n],
    ['2 != 3', 1n],
    ['2 != 2', 0n],
    ['2 && 3', 1n],
    ['2 && 0', 0n],
    ['0 && 3', 0n],
    ['0 || 0', 0n],
    ['0 || 5', 1n],
    ['5 || 0', 1n],
    ['-5', -5n],
    ['+5', 5n],
    ['~5', -6n],
    ['!5', 0n],
    ['!0', 1n],
    ['- -5', 5n],
    ['!!7', 1n],
    ['-~0', 1n],
    ['~-1', 0n],
  ])('%s = %d', (expr, v) => expect(val(expr)).toBe(v));

  it('wraps at the width of its type, as gcc folds it: overflow, negation of the minimum and shifts into the sign bit', () => {
    // long (64 bits): a decimal beyond int's range, or an operand that is long.
    expect(val('9223372036854775807 + 1')).toBe(MIN64);
    expect(val('-9223372036854775807 - 2')).toBe(2n ** 63n - 1n);
    expect(val('4294967296 * 4294967296')).toBe(0n);
    expect(val('1L << 63')).toBe(MIN64);
    expect(val('~0x7FFFFFFFFFFFFFFF')).toBe(MIN64);
    expect(val('(-9223372036854775807 - 1) / -1')).toBe(MIN64);
    // unsigned long: negation wraps to the same bits.
    expect(val('-(0x8000000000000000)')).toBe(2n ** 63n);
    // int (32 bits): the type of a small literal.
    expect(val('2147483647 + 1')).toBe(MIN32);
    expect(val('-2147483647 - 2')).toBe(2n ** 31n - 1n);
    expect(val('65536 * 65536')).toBe(0n);
    expect(val('-(-2147483647 - 1)')).toBe(MIN32);
    expect(val('1 << 31')).toBe(MIN32);
    // unsigned int.
    expect(val('0u - 8')).toBe(2n ** 32n - 8n);
    // #if: intmax_t, so the same int literals do not overflow.
    expect(val('2147483647 + 1', pp())).toBe(2n ** 31n);
    expect(val('9223372036854775807 + 1', pp())).toBe(MIN64);
  });

  it('a division by zero and a shift by a negative amount or by the width of the promoted left operand are unknown', () => {
    for (const e of [
      '1 / 0',
      '1 % 0',
      '1 << 32',
      '1 << -1',
      '1 >> 32',
      '1 >> -1',
      '1L << 64',
      '1L >> 64',
      '(uint64_t)1 << 64',
    ])
      expect(val(e)).toBeNull();
    expect(val('5 << 0')).toBe(5n);
    expect(val('5 >> 0')).toBe(5n);
    expect(val('1 << 31')).toBe(MIN32);
    expect(val('-1 >> 31')).toBe(-1n);
    expect(val('1u << 31')).toBe(2n ** 31n);
    expect(val('1L << 63')).toBe(MIN64);
    expect(val('-1L >> 63')).toBe(-1n);
    // A narrower operand is promoted to int first.
    expect(val('(uint8_t)1 << 31')).toBe(MIN32);
    // #if: the width is intmax_t's.
    expect(val(`1 << ${INTEGER_BITS}`, pp())).toBeNull();
    expect(val(`1 << ${INTEGER_BITS - 1}`, pp())).toBe(MIN64);
    expect(val(`-1 >> ${INTEGER_BITS - 1}`, pp())).toBe(-1n);
  });

  it("precedence and associativity are C's", () => {
    expect(val('1 + 2 * 3')).toBe(7n);
    expect(val('2 * 3 + 1')).toBe(7n);
    expect(val('10 - 4 - 3')).toBe(3n);
    expect(val('64 / 4 / 2')).toBe(8n);
    expect(val('10 - 4 + 3')).toBe(9n);
    expect(val('1 << 2 + 1')).toBe(8n);
    expect(val('1 + 1 < 3')).toBe(1n);
    expect(val('4 < 3 << 1')).toBe(1n);
    expect(val('1 < 2 == 1')).toBe(1n);
    expect(val('2 & 2 == 2')).toBe(0n);
    expect(val('2 | 3 & 1')).toBe(3n);
    expect(val('1 | 2 ^ 3')).toBe(1n);
    expect(val('3 ^ 1 | 4')).toBe(6n);
    expect(val('6 ^ 3 & 1')).toBe(7n);
    expect(val('1 || 0 && 0')).toBe(1n);
    expect(val('0 && 1 || 1')).toBe(1n);
    expect(val('1 | 0 && 0')).toBe(0n);
    expect(val('5 % 3 * 2')).toBe(4n);
    expect(val('-2 * 3')).toBe(-6n);
    expect(val('!0 + 1')).toBe(2n);
  });

  it('the conditional operator, nested to the right; an unknown condition is known only when both branches agree', () => {
    expect(val('1 ? 2 : 3')).toBe(2n);
    expect(val('0 ? 2 : 3')).toBe(3n);
    expect(val('0 ? 1 : 0 ? 2 : 3')).toBe(3n);
    expect(val('0 ? 1 : 1 ? 2 : 3')).toBe(2n);
    expect(val('1 ? 0 ? 4 : 5 : 6')).toBe(5n);
    expect(val('1 + 1 ? 7 : 8')).toBe(7n);
    expect(val('X ? 3 : 3')).toBe(3n);
    expect(val('X ? 3 : 4')).toBeNull();
    expect(val('X ? Y : Y')).toBeNull();
    expect(val('1 ? 2')).toBeNull();
    expect(val('1 ? 2 3')).toBeNull();
  });

  it('&& and || are known when one side decides them, whatever the unknown other side', () => {
    expect(val('0 && X')).toBe(0n);
    expect(val('X && 0')).toBe(0n);
    expect(val('1 || X')).toBe(1n);
    expect(val('X || 2')).toBe(1n);
    expect(val('1 && X')).toBeNull();
    expect(val('X && 1')).toBeNull();
    expect(val('0 || X')).toBeNull();
    expect(val('X || 0')).toBeNull();
    expect(val('X + 1')).toBeNull();
    expect(val('1 + X')).toBeNull();
    expect(val('-X')).toBeNull();
    expect(val('!X')).toBeNull();
  });

  it('a whole expression or nothing: trailing tokens, a stray operator, a string, an empty input are unknown', () => {
    for (const e of ['1 2', '(1', '1)', ')', '1 +', '+', '"s"', '', '   ', '1 , 2', 'a.b', '#'])
      expect(val(e)).toBeNull();
  });
});

describe('casts and sizeof', () => {
  it.each<[string, bigint]>([
    ['(uint32_t)7', 7n],
    ['(unsigned long)7', 7n],
    ['(unsigned)(int)2', 2n],
    ['-(int)3', -3n],
    ['(uint32_t)-1', 2n ** 32n - 1n],
    ['(uint64_t)-1', 2n ** 64n - 1n],
    ['(uint8_t)(1 << 11)', 0n],
    ['(int8_t)200', -56n],
    ['(unsigned char)-1', 255n],
    ['(u16)0x12345', 0x2345n],
    ['(bool)5', 1n],
    ['(char)65', 65n],
    ['(long)-1 < 0u', 1n],
    ['(unsigned)-1 < 0L', 0n],
  ])('%s = %d (the value converted to the type, as gcc converts it)', (expr, v) => expect(val(expr)).toBe(v));

  it('a cast to a pointer, a floating type or a type the check does not know is unknown, never the operand unchanged', () => {
    for (const e of ['(const char *)0', '(my_type_t)-3', '(float)1', '(char)200']) expect(val(e)).toBeNull();
    // Still read as a cast, so the expression around it parses: `0 &&` decides it.
    expect(val('0 && (const char *)1')).toBe(0n);
    expect(val('0 && (my_type_t)1')).toBe(0n);
    // Known once the surface says what the typedef stands for.
    expect(val('(my_type_t)-3', table([], { scalarOf: (n) => (n === 'my_type_t' ? 'int16_t' : null) }))).toBe(-3n);
    expect(val('(my_type_t)-3', table([], { scalarOf: (n) => (n === 'my_type_t' ? 'uint8_t' : null) }))).toBe(253n);
  });

  it('a parenthesised name that is not a type is an operand, not a cast; a struct pointer cast is unknown', () => {
    const t = table(['A: 5']);
    expect(val('(struct foo *)0')).toBeNull();
    expect(val('(A) + 1', t)).toBe(6n);
    expect(val('(A)', t)).toBe(5n);
    expect(val('(*) 1')).toBeNull();
    expect(val('(uint32_t 1')).toBeNull();
  });

  it.each<[string, number]>([
    ['char', 1],
    ['signed char', 1],
    ['unsigned char', 1],
    ['short', 2],
    ['unsigned short', 2],
    ['int', 4],
    ['unsigned int', 4],
    ['unsigned', 4],
    ['long', 8],
    ['unsigned long', 8],
    ['long long', 8],
    ['unsigned long long', 8],
    ['signed long long', 8],
    ['const uint16_t', 2],
    ['volatile __u32', 4],
    ['char *', 8],
    ['struct x **', 8],
    ['double', 8],
  ])('sizeof(%s) = %d', (type, n) => expect(val(`sizeof(${type})`)).toBe(BigInt(n)));

  it('sizeof of a struct asks the symbol table; without it, or for an unknown type, or with two arguments, unknown', () => {
    const sizes = table([], { sizeOf: (n) => (n === 'struct ppm_evt_hdr' ? 26 : null) });
    expect(val('sizeof(struct ppm_evt_hdr)', sizes)).toBe(26n);
    expect(val('sizeof(struct other)', sizes)).toBeNull();
    expect(val('sizeof(struct ppm_evt_hdr)')).toBeNull();
    expect(val('sizeof(unsigned weird)')).toBeNull();
    expect(val('sizeof(int, int)')).toBeNull();
    expect(val('sizeof int')).toBeNull();
  });

  it('the basic sizes are LP64 (c-types.ts), and sizeof reads them', () => {
    const names = ['char', 'short', 'int', 'long', 'size_t', 'u8', 'u16', 'u32', 'u64', 'bool', 'float', 'double'];
    const sizes = {
      char: 1,
      short: 2,
      int: 4,
      long: 8,
      size_t: 8,
      u8: 1,
      u16: 2,
      u32: 4,
      u64: 8,
      bool: 1,
      float: 4,
      double: 8,
    };
    expect(Object.fromEntries(names.map((n) => [n, scalarType(n)?.size]))).toEqual(sizes);
    expect(Object.fromEntries(names.map((n) => [n, evaluateNumber(`sizeof(${n})`, emptySymbols())]))).toEqual(sizes);
  });
});

describe('ioctl encoders (linux/ioctl.h: dir << 30 | size << 16 | type << 8 | nr)', () => {
  const t = table(["MAGIC: 's'"]);
  it.each<[string, bigint]>([
    ['_IO(MAGIC, 1)', (115n << 8n) | 1n],
    ['_IOW(MAGIC, 2, uint32_t)', (1n << 30n) | (4n << 16n) | (115n << 8n) | 2n],
    ['_IOR(MAGIC, 3, uint64_t)', (2n << 30n) | (8n << 16n) | (115n << 8n) | 3n],
    ['_IOWR(MAGIC, 4, char)', (3n << 30n) | (1n << 16n) | (115n << 8n) | 4n],
    ['_IO(0x10 + 1, 2 * 3)', (17n << 8n) | 6n],
  ])('%s', (expr, v) => expect(val(expr, t)).toBe(v));

  it('missing arguments, unknown parts or no call at all are unknown; a macro of that name wins', () => {
    expect(val('_IO(MAGIC)', t)).toBeNull();
    expect(val('_IO', t)).toBeNull();
    expect(val('_IO(NOPE, 1)', t)).toBeNull();
    expect(val('_IO(MAGIC, NOPE)', t)).toBeNull();
    expect(val('_IOR(MAGIC, 1, struct nope)', t)).toBeNull();
    expect(val('_IO(MAGIC, 1', t)).toBeNull();
    expect(val('_IO(1, 2)', table(['_IO(a, b): a + b']))).toBe(3n);
  });
});

describe('names', () => {
  it('object-like macros are evaluated as a whole operand, enumerators by value; macros before enumerators', () => {
    const t = table(['PLUS: 108 + 1', 'BOTH: 1'], {
      enumerators: new Map([
        ['EN', 7n],
        ['BOTH', 2n],
      ]),
    });
    expect(val('PLUS * 2', t)).toBe(218n);
    expect(val('EN * 2', t)).toBe(14n);
    expect(val('BOTH', t)).toBe(1n);
  });

  it('function-like macros substitute each argument as a parenthesised operand, nested calls and commas in parentheses included', () => {
    const t = table(['SQ(x): x * x', 'ADD(a, b): a + b', 'PAIR(p, q): (p) << 8 | (q)', 'ZERO(): 0', 'FIRST(a, b): a']);
    expect(val('SQ(1 + 1)', t)).toBe(4n);
    expect(val('ADD(SQ(2), SQ(1))', t)).toBe(5n);
    expect(val('PAIR((1, 2) ? 3 : 3, 4)', t)).toBeNull();
    expect(val('PAIR(3, 4)', t)).toBe(0x304n);
    expect(val('FIRST((1), 2)', t)).toBe(1n);
    expect(val('ZERO()', t)).toBe(0n);
    expect(val('ZERO( )', t)).toBe(0n);
    expect(val('SQ', t)).toBeNull();
    expect(val('SQ(2', t)).toBeNull();
    expect(val('ADD(1)', t)).toBeNull();
  });

  it('a macro that refers to itself, directly or through another, is unknown; so is an empty or malformed body', () => {
    const t = table(['LOOP: LOOP + 1', 'A: B', 'B: A', 'EMPTY: ', 'BAD: 1 @ 2', 'F(x): F(x)']);
    for (const e of ['LOOP', 'A', 'B', 'EMPTY', 'BAD', 'F(1)']) expect(val(e, t)).toBeNull();
  });

  it('a name used twice in one expression may be known the second time; an unknown macro stays unknown in that evaluation', () => {
    const t = table(['TWICE: N + N', 'U: NOPE']);
    expect(val('U + U', t)).toBeNull();
    const withN = table(['TWICE: N + N'], { enumerators: new Map([['N', 2n]]) });
    expect(val('TWICE', withN)).toBe(4n);
  });

  it('object-like values are memoised per table (known ones only); function-like calls per evaluation', () => {
    const enumerators = new Map<string, bigint>();
    const t = table(['LATE: E + 1'], { enumerators, memo: new Map() });
    expect(val('LATE', t)).toBeNull();
    expect(t.memo!.has('LATE')).toBe(false);
    enumerators.set('E', 1n);
    expect(val('LATE', t)).toBe(2n);
    // The value with its type: a later use computes in it.
    expect(t.memo!.get('LATE')).toEqual({ v: 2n, t: { bits: 32, unsigned: false } });
    enumerators.set('E', 10n);
    expect(val('LATE', t)).toBe(2n);
    // An #if reads the same macro in intmax_t: memoised apart, under its own key.
    expect(val('LATE', { ...t, isDefined: () => false })).toBe(11n);
    expect(t.memo!.get('#LATE')).toEqual({ v: 11n, t: { bits: INTEGER_BITS, unsigned: false } });
    expect(t.memo!.get('LATE')!.v).toBe(2n);
  });

  it('a chain of macros each using the previous twice stays linear', () => {
    const lines = ['M0(x): x'];
    for (let i = 1; i <= 60; i++) lines.push(`M${i}(x): M${i - 1}(x) + M${i - 1}(x)`);
    const t = table(lines);
    // In long, 2^60 is exact; in int (a plain 1) it wraps to 0, as gcc folds it.
    expect(val('M60(1L)', t)).toBe(2n ** 60n);
    expect(val('M60(1)', t)).toBe(0n);
    expect(val('M30(1)', t)).toBe(2n ** 30n);
  });

  it('onMacro hears every macro used; onValue every literal and every macro value', () => {
    const used: string[] = [];
    const values: bigint[] = [];
    const t = table(['A: 3', 'F(x): x + 10'], { onMacro: (n) => used.push(n), onValue: (v) => values.push(v) });
    expect(val('A + F(1) + 100', t)).toBe(114n);
    expect(used).toEqual(['A', 'F']);
    expect(values).toEqual([3n, 3n, 1n, 10n, 11n, 100n]);
  });

  it('an unknown identifier is null without the #if hooks, and whatever identifier() says with them', () => {
    expect(val('NOPE')).toBeNull();
    const t = table([], { identifier: (n) => (n === 'ZERO_ME' ? 0n : null) });
    expect(val('ZERO_ME + 1', t)).toBe(1n);
    expect(val('OTHER', t)).toBeNull();
  });
});

describe('#if conditions', () => {
  const hooks = (defined: Record<string, boolean | null>, includes: Record<string, boolean | null> = {}): SymbolTable =>
    table(['ON: 1'], {
      isDefined: (n) => (n in defined ? defined[n]! : false),
      hasInclude: (p, angled) => includes[angled ? `<${p}>` : `"${p}"`] ?? null,
    });

  it('defined(X) and defined X: 1, 0, or unknown when the build may or may not define it', () => {
    const t = hooks({ A: true, B: false, C: null });
    expect(val('defined(A)', t)).toBe(1n);
    expect(val('defined A', t)).toBe(1n);
    expect(val('defined(B)', t)).toBe(0n);
    expect(val('defined B', t)).toBe(0n);
    expect(val('defined(C)', t)).toBeNull();
    expect(val('!defined(B) && defined(A)', t)).toBe(1n);
    expect(val('defined(C) || defined(A)', t)).toBe(1n);
    expect(val('defined(A', t)).toBeNull();
    expect(val('defined(1)', t)).toBeNull();
    expect(val('defined', t)).toBeNull();
  });

  it('without the hooks, defined is an ordinary (unknown) name', () => {
    expect(val('defined(A)')).toBeNull();
    expect(val('defined(A)', table(['defined(x): 7']))).toBe(7n);
  });

  it('__has_include and __has_include_next, angled or quoted', () => {
    const t = hooks({}, { '<linux/bpf.h>': true, '"local.h"': false, '"linux/bpf.h"': null });
    expect(val('__has_include(<linux/bpf.h>)', t)).toBe(1n);
    expect(val('__has_include_next(<linux/bpf.h>)', t)).toBe(1n);
    expect(val('__has_include("local.h")', t)).toBe(0n);
    expect(val('__has_include("linux/bpf.h")', t)).toBeNull();
    expect(val('__has_include(<linux/bpf.h)', t)).toBeNull();
    expect(val('__has_include(linux)', t)).toBeNull();
    expect(val('__has_include("a.h", "b.h")', t)).toBeNull();
    expect(val('__has_include()', t)).toBeNull();
    expect(val('__has_include(<a.h>)')).toBeNull();
    expect(val('__has_include')).toBeNull();
  });
});

describe('bounds', () => {
  it('nesting deeper than MAX_EVAL_DEPTH is unknown and says why; just under it is evaluated', () => {
    const problems = new Set<string>();
    const t = table([], { problems });
    const nest = (n: number) => `${'('.repeat(n)}1${')'.repeat(n)}`;
    expect(val(nest(MAX_EVAL_DEPTH - 2), t)).toBe(1n);
    expect(problems.size).toBe(0);
    expect(val(nest(MAX_EVAL_DEPTH + 1), t)).toBeNull();
    expect([...problems]).toEqual([`a constant expression is nested more than ${MAX_EVAL_DEPTH} deep`]);
  });

  it('macro expansion counts toward the depth', () => {
    const lines = ['D0: 1'];
    for (let i = 1; i <= MAX_EVAL_DEPTH + 5; i++) lines.push(`D${i}: D${i - 1}`);
    const problems = new Set<string>();
    expect(val(`D${MAX_EVAL_DEPTH + 5}`, table(lines, { problems }))).toBeNull();
    expect([...problems]).toEqual([`a constant expression is nested more than ${MAX_EVAL_DEPTH} deep`]);
    expect(val('D10', table(lines))).toBe(1n);
  });

  it('a run of unary operators needs no stack, and more steps than MAX_EVAL_STEPS is unknown and says why', () => {
    expect(val(`${'- '.repeat(1000)}1`)).toBe(1n);
    const problems = new Set<string>();
    expect(val(`${'- '.repeat(MAX_EVAL_STEPS + 10)}1`, table([], { problems }))).toBeNull();
    expect([...problems]).toEqual([`a constant expression needs more than ${MAX_EVAL_STEPS} steps`]);
    const sum = new Set<string>();
    expect(
      val(Array.from({ length: MAX_EVAL_STEPS + 10 }, () => '1').join('+'), table([], { problems: sum })),
    ).toBeNull();
    expect([...sum]).toEqual([`a constant expression needs more than ${MAX_EVAL_STEPS} steps`]);
  });
});

describe('evaluateNumber', () => {
  it('a JS number when it is a safe integer, null from 2^53 on or when unknown', () => {
    expect(evaluateNumber('(1L << 53) - 1', emptySymbols())).toBe(Number.MAX_SAFE_INTEGER);
    expect(evaluateNumber('-((1L << 53) - 1)', emptySymbols())).toBe(-Number.MAX_SAFE_INTEGER);
    expect(evaluateNumber('1L << 53', emptySymbols())).toBeNull();
    expect(evaluateNumber('-(1L << 53)', emptySymbols())).toBeNull();
    expect(evaluateNumber('NOPE', emptySymbols())).toBeNull();
    // int: a shift by 53 is undefined.
    expect(evaluateNumber('1 << 53', emptySymbols())).toBeNull();
    expect(evaluateNumber('0u - 1', emptySymbols())).toBe(4294967295);
  });

  it('an unsigned long of 2^63 or more is the signed number of the same 64 bits', () => {
    expect(evaluateNumber('~0UL', emptySymbols())).toBe(-1);
    expect(evaluateNumber('~0UL - 5', emptySymbols())).toBe(-6);
    expect(evaluateNumber('1UL << 63', emptySymbols())).toBeNull();
    expect(evaluateNumber('(1UL << 63) - 1', emptySymbols())).toBeNull();
  });
});

describe('edges a mutation run found unpinned', () => {
  it('sibling parentheses do not add up toward the depth bound; primaries count toward the step bound', () => {
    expect(val(Array.from({ length: MAX_EVAL_DEPTH + 50 }, () => '(1)').join('+'))).toBe(BigInt(MAX_EVAL_DEPTH + 50));
    const problems = new Set<string>();
    // n operands: n - 1 operator steps alone stay under the bound, the n operands included they do not.
    const n = MAX_EVAL_STEPS / 2 + 10;
    expect(val(Array.from({ length: n }, () => '1').join('+'), table([], { problems }))).toBeNull();
    expect([...problems]).toEqual([`a constant expression needs more than ${MAX_EVAL_STEPS} steps`]);
  });

  it('nesting exactly at the bound is evaluated, one more is not', () => {
    const nest = (n: number) => `${'('.repeat(n)}1${')'.repeat(n)}`;
    expect(val(nest(MAX_EVAL_DEPTH - 1))).toBe(1n);
    expect(val(nest(MAX_EVAL_DEPTH))).toBeNull();
    expect(val(`${'- '.repeat(MAX_EVAL_STEPS - 1)}1`)).toBe(-1n);
    expect(val(`${'- '.repeat(MAX_EVAL_STEPS)}1`)).toBeNull();
  });

  it('a type name must end in _t to be read as one; a cast that is never closed, or an invalid octal literal, is unknown, not a crash', () => {
    expect(val('(my_type)1')).toBeNull();
    // Both names are also enumerators: `my_type` stays an operand, `my_type_t` is read as a cast (to a type not known).
    const both = table([], {
      enumerators: new Map([
        ['my_type', 5n],
        ['my_type_t', 5n],
      ]),
    });
    expect(val('(my_type) - 1', both)).toBe(4n);
    expect(val('(my_type_t) - 1', both)).toBeNull();
    expect(val('(my_type_t) - 1', { ...both, scalarOf: (n) => (n === 'my_type_t' ? 'uint8_t' : null) })).toBe(255n);
    expect(() => val('(uint32_t')).not.toThrow();
    expect(val('(uint32_t')).toBeNull();
    expect(val('(uint32_t *')).toBeNull();
    expect(() => val('078')).not.toThrow();
  });
});
