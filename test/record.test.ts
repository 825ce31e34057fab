import { describe, expect, it } from 'vitest';
import { record } from '../src/record.js';
import { emptySymbols, evaluate } from '../src/parse/consteval.js';
import { platformCondition } from '../src/parse/preprocess.js';
import { evalCondition, NEWEST } from '../src/surface/extract/code/kernel-compat.js';
import { emptySurface } from '../src/surface/model.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('record: every C name is an ordinary key', () => {
  it('keeps names JavaScript objects already have as own keys', () => {
    const r = record<number>();
    NAMES.forEach((n, i) => {
      r[n] = i;
    });
    expect(Object.keys(r)).toEqual(NAMES);
    expect(NAMES.map((n) => r[n])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(Object.fromEntries(NAMES.map((n, i) => [n, i])));
  });

  it('finds nothing it was not given: no inherited lookups or `in`', () => {
    const r = record({ a: 1 });
    expect(NAMES.map((n) => r[n])).toEqual(NAMES.map(() => undefined));
    expect(NAMES.some((n) => n in r)).toBe(false);
    expect('a' in r).toBe(true);
  });

  it('builds from entries (a Map, an array of pairs) or an object', () => {
    // biome-ignore lint/suspicious/noProto: the point: a C name spelled __proto__ is an ordinary key
    expect(record(new Map([['__proto__', 1]])).__proto__).toBe(1);
    expect(
      Object.keys(
        record([
          ['__proto__', 1],
          ['b', 2],
        ] as const),
      ),
    ).toEqual(['__proto__', 'b']);
    expect(Object.keys(record({ x: 1, y: 2 }))).toEqual(['x', 'y']);
  });

  it('is what an empty surface holds', () => {
    const s = emptySurface('x');
    expect(s.enums.constructor).toBeUndefined();
    expect('toString' in s.ioctls).toBe(false);
  });
});

describe('tables looked up by a C name find only their own entries', () => {
  it('the ioctl encoders: `constructor(1, 2)` is an unknown call, not an encoder', () => {
    for (const n of NAMES) expect(evaluate(`${n}(1, 2)`, emptySymbols())).toBeNull();
  });

  it('the kernel macros: `constructor` is not defined in a kernel build', () => {
    // Without the probed kernel APIs: a lowercase name is otherwise taken for one.
    const plain = { ...NEWEST, probes: false };
    expect(evalCondition('defined(constructor)', plain)).toBe(false);
    expect(evalCondition('toString(1) > 0', plain)).toBe(false);
  });

  it('the platform macros: `defined(constructor)` is not a known platform test', () => {
    expect(platformCondition('defined(constructor)')).toBeNull();
    expect(platformCondition('defined(__linux__)')).toBe(true);
  });
});
