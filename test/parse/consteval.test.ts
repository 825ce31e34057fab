import { describe, expect, it } from 'vitest';
import {
  charConstant,
  emptySymbols,
  evaluate,
  evaluateAs,
  evaluateNumber,
  type MacroDef,
  type SymbolTable,
} from '../../src/parse/consteval.js';

function syms(defines: Record<string, string>, enumerators: Record<string, number> = {}): SymbolTable {
  const macros = new Map<string, MacroDef>();
  for (const [name, body] of Object.entries(defines)) {
    const m = /^(\w+)\(([^)]*)\)$/.exec(name);
    macros.set(m ? m[1]! : name, {
      name: m ? m[1]! : name,
      params: m ? m[2]!.split(',').map((s) => s.trim()) : null,
      body,
    });
  }
  const t: SymbolTable = { ...emptySymbols(), macros };
  for (const [k, v] of Object.entries(enumerators)) t.enumerators.set(k, BigInt(v));
  return t;
}

describe('evaluate', () => {
  it.each([
    ['1 << 5', 32],
    ['(1 << 5)', 32],
    ['64 * 1024', 65536],
    ['0x10 | 0x01', 17],
    ['010', 8],
    ['-100', -100],
    ['~0 & 0xff', 255],
    ['7 / 2 + 7 % 2', 4],
    ['1 ? 2 : 3', 2],
    ['(uint32_t)4 + (unsigned long)1', 5],
    ["'s'", 115],
    ['42U', 42],
    ['1ULL << 40', 2 ** 40],
    ['sizeof(uint64_t) * 2', 16],
  ])('%s = %d', (expr, value) => {
    expect(evaluateNumber(expr, emptySymbols())).toBe(value);
  });

  it('respects precedence in unparenthesised defines used in context', () => {
    const t = syms({ SIZE: '128 * 1024', PLUS: '108 + 1' });
    expect(evaluateNumber('SIZE', t)).toBe(131072);
    // The define is substituted as a parenthesised operand, as the C preprocessor would not:
    // we evaluate a define's value, never a textual splice.
    expect(evaluateNumber('PLUS * 2', t)).toBe(218);
  });

  it('resolves defines, enumerators and function-like macros', () => {
    const t = syms(
      {
        A: '(1 << 2)',
        B: '(A | 1)',
        'PPM_API_VERSION(ma, mi, pa)': '(((unsigned long long)(ma)) << 44) | ((mi) << 24) | (pa)',
        MAGIC: "'s'",
      },
      { EN: 7 },
    );
    expect(evaluateNumber('B', t)).toBe(5);
    expect(evaluateNumber('EN + 1', t)).toBe(8);
    expect(evaluate('PPM_API_VERSION(10, 1, 0)', t)).toBe((10n << 44n) | (1n << 24n));
  });

  it('encodes ioctl numbers like linux/ioctl.h', () => {
    const t = syms({ PPM_IOCTL_MAGIC: "'s'" });
    expect(evaluateNumber('_IO(PPM_IOCTL_MAGIC, 2)', t)).toBe((115 << 8) | 2);
    expect(evaluateNumber('_IOR(PPM_IOCTL_MAGIC, 3, uint32_t)', t)).toBe(2 * 2 ** 30 + (4 << 16) + (115 << 8) + 3);
    expect(evaluateNumber('_IOW(PPM_IOCTL_MAGIC, 3, uint64_t)', t)).toBe(2 ** 30 + (8 << 16) + (115 << 8) + 3);
  });

  it('returns null for unknown names, recursion and malformed input, never a guess', () => {
    const t = syms({ LOOP: 'LOOP + 1', HALF: '(1 +' });
    expect(evaluate('UNKNOWN_NAME', t)).toBeNull();
    expect(evaluate('LOOP', t)).toBeNull();
    expect(evaluate('HALF', t)).toBeNull();
    expect(evaluate('1 / 0', t)).toBeNull();
    expect(evaluate('', t)).toBeNull();
    expect(evaluate('"string"', t)).toBeNull();
  });
});

/** The `#if` reading of the same symbols: isDefined marks it. */
const preprocessor = (t: SymbolTable = emptySymbols()): SymbolTable => ({
  ...t,
  isDefined: () => false,
  identifier: () => 0n,
});

describe('casts convert as C converts', () => {
  it.each([
    ['(uint8_t)(1 << 11)', 0n],
    ['(unsigned char)300', 44n],
    ['(int8_t)200', -56n],
    ['(signed char)0x80', -128n],
    ['(short)70000', 4464n],
    ['(unsigned short)-1', 65535n],
    ['(__u16)-1', 65535n],
    ['(int)4294967295', -1n],
    ['(unsigned)-1', 4294967295n],
    ['(unsigned int)-1 + 1', 0n],
    ['(long)-1', -1n],
    ['(unsigned long)-1', 2n ** 64n - 1n],
    ['(size_t)-1', 2n ** 64n - 1n],
    ['(long long unsigned int)-1', 2n ** 64n - 1n],
    ['(bool)(1 << 2)', 1n],
    ['(_Bool)0', 0n],
    ['(const volatile uint32_t)5', 5n],
    ['(char)65', 65n],
    ['(enum ppm_event_code)3', 3n],
    ['-(uint8_t)300', -44n],
    ['(uint8_t)-(uint8_t)1', 255n],
    ['(uint8_t)255 + 1', 256n],
  ])('%s = %s', (expr, value) => {
    expect(evaluate(expr, emptySymbols())).toBe(value);
  });

  it.each([
    ['(char)200', 'plain char is signed on x86_64 and unsigned on aarch64'],
    ['(float)1', 'not an integer'],
    ['(void *)0', 'a pointer'],
    ['(struct ppm_evt_hdr)1', 'a struct'],
    ['(my_unknown_t)5', 'a typedef the evaluator does not know'],
  ])('%s is unknown (%s), never the operand unchanged', (expr) => {
    expect(evaluate(expr, emptySymbols())).toBeNull();
  });

  it('goes through the macros the preprocessor replaces first', () => {
    expect(evaluate('(u8)300', syms({ u8: 'unsigned char' }))).toBe(44n);
    expect(evaluate('(uint8_t)300', syms({ uint8_t: 'uint64_t' }))).toBe(300n);
    // A macro that is no type makes the parentheses an operand: `(5)300` is no expression.
    expect(evaluate('(uint8_t)300', syms({ uint8_t: '5' }))).toBeNull();
  });

  it('knows the typedefs the surface gives it (scalarOf)', () => {
    const t: SymbolTable = {
      ...emptySymbols(),
      scalarOf: (n) => (n === 'small' ? 'uint8_t' : n === 'flag_t' ? 'bool' : null),
    };
    expect(evaluate('(small)300', t)).toBe(44n);
    expect(evaluate('(flag_t)7', t)).toBe(1n);
    expect(evaluate('(other)300', t)).toBeNull();
  });

  it('is an error in #if, so unknown there', () => {
    expect(evaluate('(uint8_t)300', preprocessor())).toBeNull();
    expect(evaluate('sizeof(int)', preprocessor())).toBeNull();
  });
});

describe('character constants as gcc computes them', () => {
  it.each([
    ["'s'", 115n],
    ["'\\n'", 10n],
    ["'\\x41'", 65n],
    ["'\\x073'", 115n],
    ["'\\0101'", 0x0831n],
    ["'\\101'", 65n],
    ["'\\0'", 0n],
    ["'\\e'", 27n],
    // Multi-character constants: the bytes big-endian in an int; more than four keep the last four.
    ["'s\\0'", 0x7300n],
    ["'ab'", 0x6162n],
    ["'abcde'", 0x62636465n],
    ["'\\xff\\xff\\xff\\xff'", -1n],
    // A character outside ASCII is its UTF-8 bytes.
    ["'é'", 0xc3a9n],
  ])('%s = %s', (expr, value) => {
    expect(evaluate(expr, emptySymbols())).toBe(value);
  });

  it.each([
    ["'\\xff'", "one byte of 0x80 or more: its sign is the target's"],
    ["'\\400'", 'an octal escape beyond a byte'],
    ["'\\x100'", 'a hex escape beyond a byte'],
    ["'\\q'", 'an unknown escape'],
    ["'\\u00e9'", 'a universal character name'],
    ["L'a'", 'a wide character (wchar_t)'],
    ["u'a'", 'a char16_t'],
  ])('%s is unknown (%s)', (expr) => {
    expect(evaluate(expr, emptySymbols())).toBeNull();
  });

  it('reads a constant body on its own', () => {
    expect(charConstant('ab')).toBe(0x6162n);
    expect(charConstant(`${'\\x01'.repeat(10_000)}wxyz`)).toBe(0x7778797an);
    expect(charConstant('')).toBeNull();
  });
});

describe('arithmetic in the types C gives it', () => {
  it.each([
    // A `u` suffix or an unsigned operand makes the operation unsigned, in 32 bits for int.
    ['0u - 8', 4294967288n],
    ['-((0u - 8) / 2)', 2147483652n],
    ['~0u', 4294967295n],
    ['~0', -1n],
    ['~0UL', 2n ** 64n - 1n],
    ['0xffffffff + 1', 0n],
    ['4294967295 + 1', 4294967296n],
    ['-0x80000000', 2147483648n],
    ['-2147483648', -2147483648n],
    // gcc wraps signed overflow in a constant (with a warning).
    ['2147483647 + 1', -2147483648n],
    ['1 << 31', -2147483648n],
    ['1u << 31', 2147483648n],
    ['1L << 32', 4294967296n],
    ['1ULL << 63', 2n ** 63n],
    ['-1 >> 1', -1n],
    ['0xffffffffu >> 31', 1n],
    // Comparisons in the common type: -1 becomes UINT_MAX against an unsigned int, not against a long.
    ['-1 < 0u', 0n],
    ['-1 < 0', 1n],
    ['-1L < 0u', 1n],
    ['-1 < 0UL', 0n],
    ['(1 ? -1 : 0u) > 0', 1n],
    ['1 ? -1 : 0u', 4294967295n],
    ['sizeof(int) - 5', 2n ** 64n - 1n],
    ['0b101', 5n],
    ['18446744073709551615', 2n ** 64n - 1n],
    ['7 / -2', -3n],
    ['-7 % 2', -1n],
  ])('%s = %s', (expr, value) => {
    expect(evaluate(expr, emptySymbols())).toBe(value);
  });

  it.each([
    ['1 << 32', 'a shift by the width of int'],
    ['1 << -1', 'a negative shift'],
    ['18446744073709551616', 'a number no type holds'],
    ['9'.repeat(1000), 'a thousand digits'],
    ['09', 'no octal digit'],
    ['1uu', 'no suffix'],
    ['1.5', 'a floating constant'],
  ])('%s is unknown (%s)', (expr) => {
    expect(evaluate(expr, emptySymbols())).toBeNull();
  });

  it('reports a shift by the width or more', () => {
    const t: SymbolTable = { ...emptySymbols(), problems: new Set() };
    expect(evaluate('1 << 40', t)).toBeNull();
    expect([...t.problems!]).toEqual(['a constant expression shifts by 40, which C leaves undefined']);
  });

  it('types an enumerator by its value', () => {
    const t = syms({}, { SMALL: -1, BIG: 4294967295 });
    expect(evaluate('SMALL < 0u', t)).toBe(0n);
    expect(evaluate('BIG + 1', t)).toBe(0n);
  });

  it('keeps the type of a define through its uses', () => {
    const t = syms({ MASK: '(0u - 1)', FLAG: '(-((0u - 8) / 2))' });
    expect(evaluate('MASK', t)).toBe(4294967295n);
    expect(evaluate('MASK + 1', t)).toBe(0n);
    expect(evaluate('FLAG', t)).toBe(2147483652n);
  });
});

describe('a value whose type is not known: what is computed from it is unknown', () => {
  const val = (expr: string, t: SymbolTable = emptySymbols()) => evaluate(expr, t);

  it('a conditional with an unknown branch keeps a non-negative value, but the type is the common one of both branches', () => {
    expect(val('1 ? 2 : X')).toBe(2n);
    // gcc: -3 when X is an int, 2^64 - 3 when it is an unsigned long.
    expect(val('~(1 ? 2 : X)')).toBeNull();
    expect(val('-(1 ? 2 : X)')).toBeNull();
    // gcc: -2^31 when X is an int, 2^31 when it is a long.
    expect(val('(1 ? 0x7fffffff : X) + 1')).toBeNull();
    expect(val('(1 ? 2 : X) << 1')).toBeNull();
    expect(val('~(0 ? X : (1 ? 2 : Y))')).toBeNull();
    expect(val('~(1 ? (1 ? 2 : X) : 3)')).toBeNull();
    // Its truth, a conversion and a comparison with a non-negative value are the same in every type.
    expect(val('!(1 ? 2 : X)')).toBe(0n);
    expect(val('(1 ? 2 : X) && 1')).toBe(1n);
    expect(val('(1 ? 2 : X) ? 5 : 6')).toBe(5n);
    expect(val('(uint8_t)(1 ? 258 : X)')).toBe(2n);
    expect(val('(int)(1 ? 2 : X) - 3')).toBe(-1n);
    expect(val('(1 ? 2 : X) < 3')).toBe(1n);
    expect(val('3 == (1 ? 2 : X)')).toBe(0n);
    // Against a negative value the comparison is the type's: -1 is UINT_MAX against an unsigned X.
    expect(val('(1 ? 2 : X) > -1')).toBeNull();
    expect(val('1 ? -1 : X')).toBeNull();
  });

  it('a decimal too large for long: unsigned long for gcc -std=gnu89 and clang, __int128 for gcc -std=gnu11', () => {
    expect(val('9223372036854775808')).toBe(2n ** 63n);
    expect(val('18446744073709551615')).toBe(2n ** 64n - 1n);
    // gnu11: -2^63 < 0; gnu89: 2^63 < 0 is false.
    expect(val('-9223372036854775808 < 0')).toBeNull();
    expect(val('(-9223372036854775808) / -1')).toBeNull();
    expect(val('18446744073709551615 + 1')).toBeNull();
    expect(val('18446744073709551615 > 0')).toBe(1n);
    expect(val('18446744073709551615 == 0xffffffffffffffff')).toBe(1n);
    expect(val('(uint32_t)18446744073709551615')).toBe(4294967295n);
    expect(evaluateAs('18446744073709551615', emptySymbols(), 'uint64_t')).toBe(-1);
    const t = syms({ BIG: '18446744073709551615' });
    expect(val('BIG', t)).toBe(2n ** 64n - 1n);
    expect(val('BIG + 1', t)).toBeNull();
    // A suffix or hex digits make the type sure; so does #if, where it is uintmax_t for every compiler.
    expect(val('18446744073709551615u + 1')).toBe(0n);
    expect(val('-9223372036854775808u')).toBe(2n ** 63n);
    expect(val('-0x8000000000000000 < 0')).toBe(0n);
    expect(val('-9223372036854775808 < 0', preprocessor())).toBe(0n);
    expect(val('18446744073709551615 + 1', preprocessor())).toBe(0n);
  });
});

describe('#if computes in intmax_t and uintmax_t', () => {
  it.each([
    ['0u - 8', 2n ** 64n - 8n],
    ['-1 < 0u', 0n],
    ['-1 < 0', 1n],
    ['1 << 32', 4294967296n],
    ['2147483647 + 1', 2147483648n],
    ['0xffffffff + 1', 4294967296n],
    ["'ab'", 0x6162n],
    ['18446744073709551615 > 0', 1n],
  ])('%s = %s', (expr, value) => {
    expect(evaluate(expr, preprocessor())).toBe(value);
  });

  it('reads one macro both ways: the memo keeps them apart', () => {
    const t = syms({ MASK: '(0u - 1)' });
    expect(evaluate('MASK', t)).toBe(4294967295n);
    expect(evaluate('MASK', preprocessor(t))).toBe(2n ** 64n - 1n);
    expect(evaluate('MASK', t)).toBe(4294967295n);
  });
});

describe('evaluateNumber and evaluateAs', () => {
  it('gives an unsigned 64-bit value of 2^63 or more as the signed value of its bits', () => {
    expect(evaluateNumber('~0UL', emptySymbols())).toBe(-1);
    expect(evaluateNumber('1UL << 62', emptySymbols())).toBeNull();
  });

  it('converts to the type of the object initialised', () => {
    expect(evaluateAs('1 << 31', emptySymbols(), 'uint32_t')).toBe(2147483648);
    expect(evaluateAs('-1', emptySymbols(), 'uint8_t')).toBe(255);
    expect(evaluateAs('70000', emptySymbols(), 'int16_t')).toBe(4464);
    expect(evaluateAs('1', emptySymbols(), 'double')).toBeNull();
    expect(evaluateAs('UNKNOWN', emptySymbols(), 'uint32_t')).toBeNull();
  });
});
