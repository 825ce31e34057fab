import { describe, expect, it } from 'vitest';
import { cText } from '../../src/parse/c-text.js';
import { MAX_PRAGMA_MACRO_USE_CHARS } from '../../src/limits.js';
import {
  applyPack,
  branchChain,
  destringize,
  pragmaMacroNames,
  pragmaOperatorPacks,
  scanDirectives,
  type PackState,
} from '../../src/parse/directives.js';

/** The directives of a C snippet given as lines, read through the C text layer as the model does. */
const scan = (...lines: string[]) => scanDirectives(cText(lines.join('\n')).text);

describe('scanDirectives: conditional groups', () => {
  it('an #if/#elif/#elifdef/#else chain: each branch tests its own directive and needs every earlier one false', () => {
    const d = scan('#if A', 'int a;', '#elif B', 'int b;', '#elifdef C', '#else', 'int e;', '#endif');
    expect(d.branches.map((b) => [b.kind, b.test, b.condition])).toEqual([
      ['if', 'A', 'A'],
      ['elif', 'B', '!(A) && (B)'],
      ['elifdef', 'defined(C)', '!(A) && !(B) && (defined(C))'],
      ['else', '', '!(A) && !(B) && !(defined(C))'],
    ]);
    expect(d.branches.map((b) => [b.line, b.endLine])).toEqual([
      [1, 2],
      [3, 4],
      [5, 5],
      [6, 7],
    ]);
    expect(d.unbalanced).toBe(false);
  });

  it('#ifdef and #ifndef test defined(X) and !defined(X); #elifndef likewise', () => {
    const d = scan('#ifdef X', '#elifndef Y', '#endif', '#ifndef Z', '#endif');
    expect(d.branches.map((b) => b.test)).toEqual(['defined(X)', '!defined(Y)', '!defined(Z)']);
  });

  it('a nested group: its branches name the enclosing branch as parent, and lines know their innermost branch', () => {
    const d = scan(
      '#ifdef __KERNEL__',
      '#if X',
      'int k;',
      '#else',
      'int u;',
      '#endif',
      'int after;',
      '#endif',
      'int top;',
    );
    expect(d.branches.map((b) => b.parent)).toEqual([-1, 0, 0]);
    // Index 0 unused; a directive line belongs to the branch it opens, an #endif to the region it returns to.
    expect(d.branchOfLine.slice(1)).toEqual([0, 1, 1, 2, 2, 0, 0, -1, -1]);
    expect(branchChain(d, 5)).toEqual([0, 2]);
    expect(branchChain(d, 9)).toEqual([]);
  });

  it('a closing #endif records the group it closes, the #if of the group', () => {
    const d = scan('#if A', '#else', '#endif');
    expect(d.ops).toEqual([
      { op: 'branch', branch: 0 },
      { op: 'branch', branch: 1 },
      { op: 'endif', first: 0, line: 3 },
    ]);
  });

  it.each([
    ['#endif without #if', ['#endif']],
    ['#else without #if', ['int a;', '#else']],
    ['#elif without #if', ['#elif 1']],
    ['#if never closed', ['#if 1', 'int a;']],
  ])('%s is unbalanced', (_, lines) => {
    expect(scan(...lines).unbalanced).toBe(true);
  });

  it('the %: digraph and blanks before and after the # start a directive', () => {
    const d = scan('  %:  if 0', 'int a;', '\t# endif');
    expect(d.branches).toMatchObject([{ kind: 'if', test: '0', line: 1, endLine: 2 }]);
    expect(d.unbalanced).toBe(false);
  });

  it('a form feed, a vertical tab or a long run of blanks before the # still starts a directive (white space, as gcc reads it)', () => {
    const d = scan('\f#if 0', 'int a;', '\v#endif', `${' '.repeat(300)}#ifdef X`, `${'\t'.repeat(300)}#endif`);
    expect(d.branches).toMatchObject([
      { kind: 'if', test: '0', line: 1, endLine: 2 },
      { kind: 'ifdef', test: 'defined(X)', line: 4 },
    ]);
    expect(d.unbalanced).toBe(false);
  });

  it('a continued condition is one directive, its lines all in the branch around it', () => {
    const d = scan('#if defined(A) && \\', '    defined(B)', 'int x;', '#endif');
    expect(d.branches[0]).toMatchObject({ test: 'defined(A) && defined(B)', line: 1, endLine: 3 });
    expect(d.branchOfLine.slice(1)).toEqual([0, 0, 0, -1]);
  });

  it('a # inside a comment or after code is no directive', () => {
    const d = scan('/*', '#if 0', '*/', '  int a; # if 0');
    expect(d.branches).toEqual([]);
    expect(d.ops).toEqual([]);
  });
});

describe('scanDirectives: include guards', () => {
  it('#ifndef X directly followed by #define X around the whole file is a guard', () => {
    expect(
      scan('#ifndef PPM_H', '#define PPM_H', '#ifdef A', '#endif', 'int a;', '#endif').branches[0]!.includeGuard,
    ).toBe(true);
  });

  it.each([
    ['the #define is not on the next line', ['#ifndef G', 'int x;', '#define G', '#endif']],
    ['it defines another name', ['#ifndef G', '#define H', '#endif']],
    ['the #define is function-like', ['#ifndef G', '#define G(x) x', '#endif']],
    ['the group has an #else', ['#ifndef G', '#define G', '#else', '#endif']],
    ['a directive follows its #endif', ['#ifndef G', '#define G', '#endif', '#define LATE 1']],
    ['it is inside another group', ['#if 1', '#ifndef G', '#define G', '#endif']],
  ])('is no guard when %s', (_, lines) => {
    expect(scan(...lines).branches.some((b) => b.includeGuard)).toBe(false);
  });
});

describe('scanDirectives: #define and #undef', () => {
  it('a ( right after the name makes a function-like macro; a space before it an object-like one', () => {
    const d = scan('#define F(a, b) ((a) + (b))', '#define G (a) + 1', '#define E()  1', '#define O');
    expect(d.macros.map((m) => [m.name, m.params, m.body])).toEqual([
      ['F', ['a', 'b'], '((a) + (b))'],
      ['G', null, '(a) + 1'],
      ['E', [], '1'],
      ['O', null, ''],
    ]);
  });

  it('variadic parameters: ... and the GNU name... form', () => {
    const d = scan('#define V(fmt, ...) f(fmt, __VA_ARGS__)', '#define W(x, rest ...) g(rest)');
    expect(d.macros.map((m) => m.params)).toEqual([
      ['fmt', '...'],
      ['x', 'rest...'],
    ]);
  });

  it('a body continued over lines is joined, whitespace folded, at the line of its #define', () => {
    const d = scan('int a;', '#define PPM_SC_FIELDS \\', '\tPPM_SC_X(OPEN, 1) \\', '\tPPM_SC_X(CLOSE, 2)', 'int b;');
    expect(d.macros).toEqual([
      { name: 'PPM_SC_FIELDS', params: null, body: 'PPM_SC_X(OPEN, 1) PPM_SC_X(CLOSE, 2)', line: 2, branch: -1 },
    ]);
    expect(d.spans).toHaveLength(1);
    expect(d.branchOfLine.slice(1)).toEqual([-1, -1, -1, -1, -1]);
  });

  it('comments in a body are dropped', () => {
    expect(scan('#define PPM_O_CREAT (1 << 2) /* create */ // or not').macros[0]!.body).toBe('(1 << 2)');
  });

  it('#define and #undef are ops in source order, each #define with its innermost branch', () => {
    const d = scan('#define A 1', '#ifdef X', '#undef A', '#define A 2', '#endif');
    expect(d.ops.filter((o) => o.op === 'define' || o.op === 'undef')).toEqual([
      { op: 'define', macro: 0 },
      { op: 'undef', name: 'A', line: 3 },
      { op: 'define', macro: 1 },
    ]);
    expect(d.macros.map((m) => m.branch)).toEqual([-1, 0]);
  });

  it('a #define with no name, or a function-like one never closed, is dropped', () => {
    expect(scan('#define', '#define 1 2', '#define F(a 1').macros).toEqual([]);
  });
});

describe('scanDirectives: #include, #pragma pack, #error', () => {
  it('records angled and quoted includes (#include_next too) with the branch they are in', () => {
    const d = scan(
      '#include <linux/types.h>',
      '#ifdef __KERNEL__',
      '# include "ppm_events.h"',
      '#endif',
      '#include_next <stdint.h>',
    );
    expect(d.includes.map((i) => [i.path, i.angled, i.line, i.branch])).toEqual([
      ['linux/types.h', true, 1, -1],
      ['ppm_events.h', false, 3, 0],
      ['stdint.h', true, 5, -1],
    ]);
    // The offset is that of the directive's line.
    const src = '#include <linux/types.h>\n#ifdef __KERNEL__\n# include "ppm_events.h"';
    expect(d.includes[1]!.offset).toBe(src.indexOf('# include'));
  });

  it('an #include of a name the file defined as a header name includes that header (the line is macro-expanded)', () => {
    const d = scan('#define RB_H "rb.h"', '#include RB_H', '#define SYS_H <sys/x.h>', '#include SYS_H');
    expect(d.includes.map((i) => [i.path, i.angled, i.line])).toEqual([
      ['rb.h', false, 2],
      ['sys/x.h', true, 4],
    ]);
    expect(d.unfollowed).toEqual([]);
  });

  it('any other #include whose header a macro names is recorded apart, by line', () => {
    const d = scan('#include RB_H', '#include "ppm.h"', '#define F(x) "x.h"', '#include F(a)', '#include_next NEXT_H');
    expect(d.includes.map((i) => i.path)).toEqual(['ppm.h']);
    expect(d.unfollowed.map((u) => u.line)).toEqual([1, 4, 5]);
  });

  it('the pack arguments of #pragma pack, other pragmas ignored', () => {
    const d = scan(
      '#pragma once',
      '#pragma pack(push, 1)',
      '#pragma pack( pop )',
      '#pragma pack(4)',
      '#pragma GCC diagnostic push',
    );
    expect(d.ops).toEqual([
      { op: 'pack', args: ['push', '1'], line: 2 },
      { op: 'pack', args: ['pop'], line: 3 },
      { op: 'pack', args: ['4'], line: 4 },
    ]);
  });

  it('the operator form _Pragma("pack(...)") is a pack op at its line, wherever it sits; not inside a string, not another pragma', () => {
    const d = scan(
      '_Pragma("pack(push, 1)") struct a { int x; };',
      'const char *s = "_Pragma(\\"pack(2)\\")";',
      'int y; _Pragma ( "pack(pop)" )',
      '_Pragma("GCC diagnostic push")',
      '#define P _Pragma("pack(4)")',
      '_Pragma(',
      '  L"pack(8)")',
      'my_Pragma("pack(16)")',
    );
    expect(d.ops).toEqual([
      { op: 'pack', args: ['push', '1'], line: 1 },
      { op: 'pack', args: ['pop'], line: 3 },
      { op: 'define', macro: 0 },
      { op: 'pack', args: ['8'], line: 6 },
    ]);
  });

  it('with the names of the macros that expand to _Pragma, each use is an expand op (with its arguments, over lines)', () => {
    const names = new Set(['PACK_BEGIN', 'PACK']);
    const src = [
      '#define PACK_BEGIN _Pragma("pack(push, 1)")',
      'PACK_BEGIN',
      'PACK(',
      '  2) struct x { int PACK_BEGINS; };',
      'const char *s = "PACK_BEGIN";',
    ].join('\n');
    const d = scanDirectives(cText(src).text, names);
    expect(d.ops).toEqual([
      { op: 'define', macro: 0 },
      { op: 'expand', text: 'PACK_BEGIN', line: 2, offset: src.indexOf('PACK_BEGIN\n') },
      { op: 'expand', text: 'PACK(\n  2)', line: 3, offset: src.indexOf('PACK(') },
    ]);
  });

  it('a use whose argument list cannot be read (unclosed, too long, into a directive line) is the name alone, unread; a use inside another is not read twice', () => {
    const names = new Set(['PB']);
    const ops = (...lines: string[]) =>
      scanDirectives(cText(lines.join('\n')).text, names)
        .ops.filter((o) => o.op === 'expand')
        .map((o) => o.op === 'expand' && `${o.text}${o.unread ? ' (unread)' : ''}`);
    expect(ops('PB( PB(', '#endif', 'struct x { int a; };')).toEqual(['PB (unread)', 'PB (unread)']);
    expect(ops(`PB(1 /* ${'x'.repeat(MAX_PRAGMA_MACRO_USE_CHARS)} */)`)).toEqual(['PB (unread)']);
    expect(ops('PB(PB(1))', 'PB')).toEqual(['PB(PB(1))', 'PB']);
  });

  it('pragmaMacroNames: macros with _Pragma in their body and, to a fixed point, those naming them', () => {
    const d = scan(
      '#define DO(x) _Pragma(#x)',
      '#define PACK(n) DO(pack(push, n))',
      '#define PACK1 PACK(1)',
      '#define OTHER 1',
      '#define NOT_PRAGMA my_Pragma',
    );
    expect([...pragmaMacroNames([d])].sort()).toEqual(['DO', 'PACK', 'PACK1']);
    expect(pragmaMacroNames([scan('#define A 1')]).size).toBe(0);
  });

  it('pragmaOperatorPacks and destringize read the pack pragmas of an expansion', () => {
    expect(pragmaOperatorPacks('_Pragma("pack(push, 2)") int x; _Pragma("once") _Pragma ("pack()")')).toEqual([
      ['push', '2'],
      [''],
    ]);
    expect(destringize('"a \\"b\\" \\\\ c"')).toBe('a "b" \\ c');
  });

  it('#error with its text and branch', () => {
    const d = scan('#if LINUX_VERSION_CODE < KERNEL_VERSION(3, 10, 0)', '#error   kernel   too old', '#endif');
    expect(d.ops[1]).toEqual({ op: 'error', text: 'kernel too old', line: 2, branch: 0 });
  });

  it('every directive line is a span of the text, [start, end)', () => {
    const src = 'int a;\n#define X 1\nint b;\n#if X\n#endif';
    const d = scanDirectives(cText(src).text);
    expect(d.spans.map(([a, b]) => src.slice(a, b))).toEqual(['#define X 1', '#if X', '#endif']);
  });
});

describe('#pragma push_macro / pop_macro', () => {
  const scan2 = (...lines: string[]) => scanDirectives(cText(lines.join('\n')).text);
  it('pop_macro puts back the definition the file saved: an #undef and a #define at its line', () => {
    const d = scan2('#define X 1', '#pragma push_macro("X")', '#undef X', '#define X 2', '#pragma pop_macro("X")');
    expect(d.macros.map((m) => [m.name, m.body, m.line])).toEqual([
      ['X', '1', 1],
      ['X', '2', 4],
      ['X', '1', 5],
    ]);
    expect(d.ops.slice(-2)).toEqual([
      { op: 'undef', name: 'X', line: 5 },
      { op: 'define', macro: 2 },
    ]);
    expect(d.unfollowed).toEqual([]);
  });

  it('pop_macro of a name the file had #undef-ed undefines it again', () => {
    const d = scan2('#undef X', '#pragma push_macro("X")', '#define X 2', '#pragma pop_macro("X")');
    expect(d.ops.at(-1)).toEqual({ op: 'undef', name: 'X', line: 4 });
  });

  it('what another file defined, or a definition in another branch, cannot be put back: reported', () => {
    const d = scan2(
      '#pragma push_macro("Y")',
      '#define Y 2',
      '#pragma pop_macro("Y")',
      '#ifdef A',
      '#define Z 1',
      '#endif',
      '#pragma push_macro("Z")',
      '#pragma pop_macro("Z")',
    );
    expect(d.unfollowed.map((u) => u.line)).toEqual([3, 8]);
    expect(d.unfollowed[0]!.reason).toMatch(/pop_macro\("Y"\) restores a definition driver-semver cannot tell/);
  });
});

describe('applyPack: one pack pragma as gcc applies it on Linux', () => {
  const run = (...pragmas: string[][]): Array<[number, boolean]> => {
    const state: PackState = { cap: 0, stack: [] };
    return pragmas.map((args) => {
      const ok = applyPack(state, args);
      return [state.cap, ok];
    });
  };

  it('n sets, push saves (with or without a new cap), pop restores, () and 0 reset, show changes nothing', () => {
    expect(run(['4'], ['push', '1'], ['push'], ['pop'], ['pop'], ['show'], [''], ['push', '0x10'], ['0'])).toEqual([
      [4, true],
      [1, true],
      [1, true],
      [1, true],
      [4, true],
      [4, true],
      [0, true],
      [16, true],
      [0, true],
    ]);
  });

  it('a pop with nothing saved changes nothing (gcc warns)', () => {
    expect(run(['2'], ['pop'])).toEqual([
      [2, true],
      [2, true],
    ]);
  });

  it('a value that is not 0, 1, 2, 4, 8 or 16 makes gcc ignore the whole pragma, push included', () => {
    expect(run(['push', '1'], ['push', '3'], ['pop'], ['32'])).toEqual([
      [1, true],
      [1, true],
      [0, true],
      [0, true],
    ]);
  });

  it('names, expressions and labels are not understood (gcc reads a name as a label, clang expands it)', () => {
    expect(run(['push', 'N'])).toEqual([[0, false]]);
    expect(run(['ONE'])).toEqual([[0, false]]);
    expect(run(['push', 'label', '4'])).toEqual([[0, false]]);
    expect(run(['pop', 'label'])).toEqual([[0, false]]);
    expect(run(['1 + 1'])).toEqual([[0, false]]);
  });
});
