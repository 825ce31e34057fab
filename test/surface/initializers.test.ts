import { describe, expect, it } from 'vitest';
import type { Init } from '../../src/surface/extract/syntax.js';
import { designatorSteps, layOut, type Shapes } from '../../src/surface/initializers.js';
import type { TypeRef } from '../../src/surface/layout.js';

const scalar: TypeRef = { kind: 'name', name: 'int' };
const struct = (name: string): TypeRef => ({ kind: 'struct', name, tagged: true });
const MEMBERS: Record<string, Array<{ name: string; type: TypeRef }>> = {
  pair: [
    { name: 'a', type: scalar },
    { name: 'b', type: scalar },
    { name: 'c', type: scalar },
  ],
  holder: [
    { name: 'n', type: scalar },
    { name: 'items', type: { kind: 'array', of: struct('pair'), size: '4' } },
  ],
};
const shapes: Shapes = {
  members: (t) => (t.kind === 'struct' ? (MEMBERS[t.name] ?? null) : null),
  index: (expr) => (/^\d+$/.test(expr) ? Number(expr) : expr === 'TWO' ? 2 : null),
};

const expr = (text: string): Init => ({ kind: 'expr', text, line: 1 });
const list = (...items: Array<Init | [string, Init]>): Init => ({
  kind: 'list',
  line: 1,
  items: items.map((i) =>
    Array.isArray(i)
      ? { designator: i[0], value: i[1], line: 1, endLine: 1 }
      : { designator: null, value: i, line: 1, endLine: 1 },
  ),
});
/** A laid-out value as nested arrays of texts (`~0` for an implicit zero). */
const texts = (i: Init): unknown =>
  i.kind === 'list'
    ? i.items.map((x) => texts(x.value))
    : i.kind === 'expr' && i.implicit
      ? '~0'
      : i.kind === 'expr'
        ? i.text
        : '!';
const laid = (init: Init, type: TypeRef) => {
  const r = layOut(init, type, shapes);
  return 'problem' in r ? r.problem : texts(r.init);
};

describe('designatorSteps', () => {
  it('reads a chain; a leading index is written without its brackets by the extractor', () => {
    expect(designatorSteps('X.params[1].type')).toEqual([
      { index: 'X' },
      { field: 'params' },
      { index: '1' },
      { field: 'type' },
    ]);
    expect(designatorSteps('.a')).toEqual([{ field: 'a' }]);
    expect(designatorSteps('[__NR_x - 1]')).toEqual([{ index: '__NR_x - 1' }]);
    expect(designatorSteps('__NR_x - SYSCALL_TABLE_ID0')).toEqual([{ index: '__NR_x - SYSCALL_TABLE_ID0' }]);
  });
});

describe('layOut: C11 6.7.9', () => {
  it('designated members go to their place, in declaration order', () => {
    expect(laid(list(['.c', expr('3')], ['.a', expr('1')]), struct('pair'))).toEqual(['1', '~0', '3']);
  });

  it('a positional value follows the last member a designator placed', () => {
    expect(laid(list(['.b', expr('2')], expr('3')), struct('pair'))).toEqual(['~0', '2', '3']);
  });

  it('a later value for the same member overrides the earlier one', () => {
    expect(laid(list(expr('1'), expr('2'), ['.a', expr('9')]), struct('pair'))).toEqual(['9', '2']);
  });

  it('a chain places a value inside a member, keeping the rest of it', () => {
    const init = list(
      expr('1'),
      list(list(expr('x'), expr('y'))),
      ['.items[1].c', expr('z')],
      ['.items[TWO]', list(['.b', expr('w')])],
    );
    expect(laid(init, struct('holder'))).toEqual([
      '1',
      [
        ['x', 'y'],
        ['~0', '~0', 'z'],
        ['~0', 'w'],
      ],
    ]);
  });

  it('an array element placed by index, positional elements after it', () => {
    expect(
      laid(list(['[2]', list(expr('c'))], list(expr('d'))), { kind: 'array', of: struct('pair'), size: null }),
    ).toEqual(['~0', '~0', ['c'], ['d']]);
  });

  it('what cannot be placed is a problem, never a guess', () => {
    expect(laid(list(['.nope', expr('1')]), struct('pair'))).toMatch(/names no member/);
    expect(laid(list(expr('1'), expr('2'), expr('3'), expr('4')), struct('pair'))).toMatch(
      /more initializers than the struct has members/,
    );
    expect(laid(list(['.a', expr('1')]), struct('unknown'))).toMatch(/type driver-semver does not know/);
    expect(laid(list(['[UNKNOWN]', expr('1')]), { kind: 'array', of: scalar, size: null })).toMatch(/names no element/);
  });

  it('a list without designators of a type it does not know is kept as written', () => {
    expect(laid(list(expr('1'), expr('2')), struct('unknown'))).toEqual(['1', '2']);
  });
});
