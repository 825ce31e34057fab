import { describe, expect, it } from 'vitest';
import { emptySymbols, evaluate, evaluateNumber, type MacroDef, type SymbolTable } from '../../src/parse/consteval.js';

function syms(defines: Record<string, string>, enumerators: Record<string, number> = {}): SymbolTable {
  const macros = new Map<string, MacroDef>();
  for (const [name, body] of Object.entries(defines)) {
    const m = /^(\w+)\(([^)]*)\)$/.exec(name);
    macros.set(m ? m[1]! : name, { name: m ? m[1]! : name, params: m ? m[2]!.split(',').map((s) => s.trim()) : null, body });
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
      { A: '(1 << 2)', B: '(A | 1)', 'PPM_API_VERSION(ma, mi, pa)': '((ma) << 44) | ((mi) << 24) | (pa)', MAGIC: "'s'" },
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
