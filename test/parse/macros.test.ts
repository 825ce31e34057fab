import { describe, expect, it } from 'vitest';
import type { MacroDef } from '../../src/parse/consteval.js';
import { expandMacros } from '../../src/parse/macros.js';

function table(defs: Record<string, string>): Map<string, MacroDef> {
  const m = new Map<string, MacroDef>();
  for (const [head, body] of Object.entries(defs)) {
    const f = /^(\w+)\(([^)]*)\)$/.exec(head);
    const name = f ? f[1]! : head;
    m.set(name, { name, params: f ? f[2]!.split(',').map((s) => s.trim()).filter(Boolean) : null, body });
  }
  return m;
}

const expand = (text: string, defs: Record<string, string>, keep?: string[]) => {
  const r = expandMacros(text, table(defs), keep ? { keep: new Set(keep) } : {});
  return 'text' in r ? r.text : `PROBLEM: ${r.problem}`;
};

describe('expandMacros', () => {
  it.each([
    ['PT_FSPATH', { PT_FSPATH: 'PT_BYTEBUF' }, 'PT_BYTEBUF'],
    ['OPEN_FLAGS', { OPEN_FLAGS: 'EF_A | EF_B' }, 'EF_A | EF_B'],
    ['A', { A: 'B', B: 'A' }, 'A'],
    ['PPM_SC_X(OPEN, 2)', { 'PPM_SC_X(name, value)': 'PPM_SC_##name = (value),' }, 'PPM_SC_OPEN = (2),'],
    ['STR(x y)', { 'STR(a)': '#a' }, '"x y"'],
    ['F(1, 2, 3)', { 'F(a, ...)': 'a + g(__VA_ARGS__)' }, '1 + g(2, 3)'],
    ['F(1, 2, 3)', { 'F(a, rest...)': 'a + g(rest)' }, '1 + g(2, 3)'],
    ['FN', { 'FN(x)': 'x' }, 'FN'],
    ['DIRFD_PARAM(1)', { 'DIRFD_PARAM(n)': '((void *)n)' }, 'DIRFD_PARAM(1)'],
    ['NESTED(INNER)', { 'NESTED(x)': 'x x', INNER: 'EF_X' }, 'EF_X EF_X'],
  ])('%s with %o → %s', (text, defs, out) => {
    expect(expand(text, defs, ['DIRFD_PARAM'])).toBe(out);
  });

  it('a chain of macros each using the previous one twice takes linear time', () => {
    const defs: Record<string, string> = { 'F0(x)': '(x)' };
    for (let i = 1; i <= 200; i++) defs[`F${i}(x)`] = `F${i - 1}(x)`;
    defs['G0(x)'] = 'x';
    for (let i = 1; i <= 25; i++) defs[`G${i}(x)`] = `G${i - 1}(x) G${i - 1}(x)`;
    expect(expand('F200(7)', defs)).toBe('(7)');
    // 2^25 tokens would be the answer: the output bound stops it, with the reason.
    expect(expand('G25(1)', defs)).toMatch(/^PROBLEM: a macro expands to more than 200000 tokens|^PROBLEM: a macro expansion needs more than/);
  });

  it('macros nested deeper than the bound end in a problem, not a stack overflow', () => {
    const defs: Record<string, string> = { M0: '0' };
    for (let i = 1; i <= 1000; i++) defs[`M${i}`] = `(M${i - 1} + 1)`;
    expect(expand('M1000', defs)).toBe('PROBLEM: macros nested more than 256 deep');
  });
});
