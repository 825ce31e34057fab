import { describe, expect, it } from 'vitest';
import { platformCondition, preprocess } from '../../src/parse/preprocess.js';

describe('preprocess keeps offsets', () => {
  const src = [
    '#ifndef X_H', // include guard: not reported
    '#define X_H',
    '/* first remark */ int a; // trailing',
    '#ifdef CONFIG_64BIT',
    'int b;',
    '#else',
    'int c;',
    '#endif',
    'struct s { int x; } _packed;',
    '#define M(a) \\',
    '  /* inside */ a + \\',
    '  1',
    'char q = \'/\'; const char *s = "// not a comment";',
    '#endif',
  ].join('\n');
  const pre = preprocess(src);

  it('has the same length and newlines as the source', () => {
    expect(pre.text.length).toBe(src.length);
    expect([...pre.text].map((c, i) => (c === '\n' ? i : -1)).filter((i) => i >= 0)).toEqual(
      [...src].map((c, i) => (c === '\n' ? i : -1)).filter((i) => i >= 0),
    );
  });

  it('blanks comments but not comment-like text in literals', () => {
    expect(pre.text).not.toContain('first remark');
    expect(pre.text).not.toContain('trailing');
    expect(pre.text).not.toContain('inside');
    expect(pre.text).toContain('"// not a comment"');
    expect(pre.text).toContain("'/'");
  });

  it('blanks conditional directives and records guards per line', () => {
    expect(pre.text).not.toMatch(/#ifdef|#else|#endif/);
    expect(pre.guardsAt(5).map((g) => g.condition)).toEqual(['defined(CONFIG_64BIT)']);
    expect(pre.guardsAt(7).map((g) => g.condition)).toEqual(['!(defined(CONFIG_64BIT))']);
    expect(pre.guardsAt(3)).toEqual([]);
    expect(pre.guardsAt(9)).toEqual([]);
  });

  it('blanks _packed outside directives, and every directive line (tree-sitter sees none)', () => {
    expect(pre.text.split('\n')[8]).toBe('struct s { int x; }        ;');
    expect(preprocess('#define _packed __attribute__((packed))\nint x;').text).toBe(`${' '.repeat(39)}\nint x;`);
  });

  it('reads a continued #define whole when a comment sits inside it', () => {
    const m = pre.directives.macros.find((d) => d.name === 'M');
    expect(m).toMatchObject({ params: ['a'], body: 'a + 1', line: 10 });
    expect(pre.text.split('\n').slice(9, 12).join('\n').trim()).toBe('');
  });
});

describe('pragma pack', () => {
  it('tracks push/pop and ignores MSVC-only branches', () => {
    const src = [
      '#if defined _MSC_VER',
      '#pragma pack(push)',
      '#pragma pack(1)',
      '#else',
      '#pragma pack(push, 1)',
      '#endif',
      'struct hdr { long a; char b; };',
      '#pragma pack(pop)',
      'struct after { long a; };',
    ].join('\n');
    const pre = preprocess(src);
    expect(pre.packAt(7)).toBe(1);
    expect(pre.packAt(9)).toBe(0);
  });

  it('reads the operator form _Pragma("pack(...)") and blanks it for the grammar, with __packed and __aligned(N)', () => {
    const pre = preprocess(
      [
        '_Pragma("pack(push, 2)")',
        'struct a { long x; char c; } __packed;',
        '_Pragma ( "pack(pop)" )',
        'struct b { char c __aligned(sizeof(long)); };',
      ].join('\n'),
    );
    expect(pre.packAt(2)).toBe(2);
    expect(pre.packAt(4)).toBe(0);
    expect(pre.text.split('\n')).toEqual([
      ' '.repeat(24),
      `struct a { long x; char c; }${' '.repeat(9)};`,
      ' '.repeat(23),
      `struct b { char c${' '.repeat(24)}; };`,
    ]);
  });
});

describe('platform branches', () => {
  it('evaluates conditions on platform macros only', () => {
    expect(platformCondition('defined _MSC_VER')).toBe(false);
    expect(platformCondition('(defined(_WIN32) || defined __sun)')).toBe(false);
    expect(platformCondition('!(defined _MSC_VER) && !(defined __sun)')).toBe(true);
    expect(platformCondition('defined(CONFIG_64BIT)')).toBeNull();
    expect(platformCondition('!(defined _MSC_VER) && (FOO > 1)')).toBeNull();
  });

  it('ignores #pragma pack in an #elif taken only by another OS, and gives #else the negation of every branch', () => {
    const src = [
      '#if defined _MSC_VER',
      '#pragma pack(push)',
      '#elif defined __sun',
      '#pragma pack(1)',
      '#else',
      '#pragma pack(push, 1)',
      '#endif',
      'struct hdr { long a; char b; };',
      '#pragma pack(pop)',
      'struct later { long a; };',
    ].join('\n');
    const pre = preprocess(src);
    expect(pre.packAt(8)).toBe(1);
    expect(pre.packAt(10)).toBe(0);
    expect(pre.guardsAt(4).map((g) => g.condition)).toEqual(['!(defined _MSC_VER) && (defined __sun)']);
    expect(pre.guardsAt(6).map((g) => g.condition)).toEqual(['!(defined _MSC_VER) && !(defined __sun)']);
  });
});
