import { describe, expect, it } from 'vitest';
import type { MacroDef } from '../../src/parse/consteval.js';
import { expandMacros, mentionsMacro } from '../../src/parse/macros.js';

function table(defs: Record<string, string>): Map<string, MacroDef> {
  const m = new Map<string, MacroDef>();
  for (const [head, body] of Object.entries(defs)) {
    const f = /^(\w+)\(([^)]*)\)$/.exec(head);
    const name = f ? f[1]! : head;
    m.set(name, {
      name,
      params: f
        ? f[2]!
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : null,
      body,
    });
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
    expect(expand('G25(1)', defs)).toMatch(
      /^PROBLEM: a macro expands to more than 200000 tokens|^PROBLEM: a macro expansion needs more than/,
    );
  });

  it('macros nested deeper than the bound end in a problem, not a stack overflow', () => {
    const defs: Record<string, string> = { M0: '0' };
    for (let i = 1; i <= 1000; i++) defs[`M${i}`] = `(M${i - 1} + 1)`;
    expect(expand('M1000', defs)).toBe('PROBLEM: macros nested more than 256 deep');
  });

  it('a macro is not expanded again inside its own expansion, directly or through another', () => {
    expect(expand('X', { X: 'X + 1' })).toBe('X + 1');
    expect(expand('F(2)', { 'F(x)': 'F(x) + 1' })).toBe('F(2) + 1');
    expect(expand('A B', { A: 'B a', B: 'A b' })).toBe('A b a B a b');
  });

  it('a kept name stays as written, also where an expansion produces it; its arguments are still expanded', () => {
    expect(expand('A', { A: 'KEEP(B)', B: 'b', 'KEEP(x)': 'gone' }, ['KEEP'])).toBe('KEEP(b)');
    expect(expand('KEEP', { KEEP: 'gone' }, ['KEEP'])).toBe('KEEP');
  });

  it('# stringifies the argument as written; ## pastes it unexpanded; elsewhere it is expanded first', () => {
    expect(expand('F(A)', { 'F(x)': '#x x', A: 'a' })).toBe('"A" a');
    expect(expand('F(A)', { 'F(x)': 'p_##x x', A: 'a' })).toBe('p_A a');
  });

  it('arguments split on top-level commas only; an empty parameter list takes no argument', () => {
    expect(expand('F((1, 2), 3)', { 'F(a, b)': 'b a' })).toBe('3 (1, 2)');
    expect(expand('E()', { 'E()': 'empty' })).toBe('empty');
  });

  it('an expansion ending in a function-like macro name is rescanned with the arguments after it', () => {
    expect(expand('G(1)', { G: 'F', 'F(x)': '[x]' })).toBe('[1]');
    expect(expand('H(1)(2)', { 'H(x)': 'x + F', 'F(y)': '[y]' })).toBe('1 + [2]');
    // Not the name just expanded: painted blue, as gcc does.
    expect(expand('F(1)(2)', { 'F(x)': 'x F' })).toBe('1 F(2)');
    expect(expand('G(1) end', { G: 'F', 'F(x)': 'G(x)' })).toBe('F(1) end');
  });

  it('a call never closed is left as written', () => {
    expect(expand('F(1', { 'F(x)': 'x' })).toBe('F(1');
  });

  it('an X-macro list expands through the macro defined for it', () => {
    expect(
      expand('PPM_SC_FIELDS', {
        PPM_SC_FIELDS: 'PPM_SC_X(OPEN, 1) PPM_SC_X(CLOSE, 2)',
        'PPM_SC_X(n, v)': 'PPM_SC_##n = v,',
      }),
    ).toBe('PPM_SC_OPEN = 1, PPM_SC_CLOSE = 2,');
  });

  it('text that is not C tokens is a problem, not a guess', () => {
    expect(expand('a @ b', {})).toBe('PROBLEM: text that is not C tokens');
  });

  it('reports every macro it expands', () => {
    const seen: string[] = [];
    expandMacros('A', table({ A: 'B + F(1)', B: '2', 'F(x)': 'x', UNUSED: '3' }), { onMacro: (n) => seen.push(n) });
    expect(seen).toEqual(['A', 'B', 'F']);
  });
});

describe('mentionsMacro', () => {
  it('true only when the text names a macro that is not kept', () => {
    const m = table({ A: '1' });
    expect(mentionsMacro('int A;', m)).toBe(true);
    expect(mentionsMacro('int A;', m, new Set(['A']))).toBe(false);
    expect(mentionsMacro('int AB; int B;', m)).toBe(false);
  });
});
