import { describe, expect, it } from 'vitest';
import { INT_BITS, isTypeWord, LONG_BITS, scalarType } from '../../src/parse/c-types.js';

describe('scalarType', () => {
  it.each([
    ['uint8_t', 'uint8_t', 1, 'unsigned'],
    ['__s16', 'int16_t', 2, 'signed'],
    ['u32', 'uint32_t', 4, 'unsigned'],
    ['unsigned', 'uint32_t', 4, 'unsigned'],
    ['int', 'int32_t', 4, 'signed'],
    ['short int unsigned', 'uint16_t', 2, 'unsigned'],
    ['signed char', 'int8_t', 1, 'signed'],
    ['unsigned char', 'uint8_t', 1, 'unsigned'],
    ['char', 'char', 1, 'char'],
    ['long', 'long', 8, 'signed'],
    ['long unsigned int', 'unsigned long', 8, 'unsigned'],
    ['long long', 'int64_t', 8, 'signed'],
    ['size_t', 'unsigned long', 8, 'unsigned'],
    ['ssize_t', 'long', 8, 'signed'],
    ['bool', 'bool', 1, 'bool'],
    ['_Bool', 'bool', 1, 'bool'],
    ['double', 'double', 8, 'float'],
  ])('%s is %s, %i bytes, %s', (spelling, type, size, kind) => {
    expect(scalarType(spelling)).toEqual({ type, size, kind });
  });

  it.each([
    'signed unsigned',
    'long long long',
    'short long',
    'char int',
    'foo',
    'struct x',
    '__proto__',
    'constructor',
  ])('%s is no scalar type', (spelling) => {
    expect(scalarType(spelling)).toBeNull();
  });

  it('gives LP64 widths', () => {
    expect([INT_BITS, LONG_BITS]).toEqual([32, 64]);
  });
});

describe('isTypeWord', () => {
  it('knows keywords and scalar names, not other identifiers', () => {
    expect(['unsigned', 'struct', 'const', 'uint64_t', 'bool'].map(isTypeWord)).toEqual([true, true, true, true, true]);
    expect(['PPM_O_CREAT', 'toString', 'my_t'].map(isTypeWord)).toEqual([false, false, false]);
  });
});
