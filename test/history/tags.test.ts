import { describe, expect, it } from 'vitest';
import { compareTags, parseDriverTag, previousLine, previousTag, type DriverTag } from '../../src/history/tags.js';

const tags = (...names: string[]): DriverTag[] => names.map((n) => parseDriverTag(n)!);

describe('driver tags', () => {
  it.each([
    ['10.1.0+driver', '10.1.0', '10.1.0', false],
    ['10.1.0-rc1+driver', '10.1.0-rc1', '10.1.0', true],
    ['1.0.0-alpha+driver', '1.0.0-alpha', '1.0.0', true],
    ['1.0.0-alpha2+driver', '1.0.0-alpha2', '1.0.0', true],
  ])('%s is a driver tag', (name, version, core, prerelease) => {
    expect(parseDriverTag(name)).toEqual({ name, version, core, prerelease });
  });

  it.each([
    '0.10.0',
    '10.1.0',
    'v10.1.0+driver',
    '10.1+driver',
    '10.1.0-foo1+driver',
    '10.1.0+driverx',
    '10.1.0-rc.1+driver',
    '010.1.0+driver',
  ])('%s is not', (name) => {
    expect(parseDriverTag(name)).toBeNull();
  });

  it('orders by semver precedence, pre-releases below their final, build metadata ignored', () => {
    const sorted = tags(
      '10.1.0+driver',
      '1.0.0-alpha2+driver',
      '10.0.0-rc2+driver',
      '9.1.0+driver',
      '10.0.0+driver',
      '1.0.0-alpha+driver',
      '10.0.0-rc1+driver',
      '10.1.0-rc1+driver',
    )
      .sort(compareTags)
      .map((t) => t.name);
    expect(sorted).toEqual([
      '1.0.0-alpha+driver',
      '1.0.0-alpha2+driver',
      '9.1.0+driver',
      '10.0.0-rc1+driver',
      '10.0.0-rc2+driver',
      '10.0.0+driver',
      '10.1.0-rc1+driver',
      '10.1.0+driver',
    ]);
  });

  it('the previous tag is the highest below; the previous line is the highest with a lower MAJOR.MINOR.PATCH', () => {
    const all = tags(
      '9.1.0+driver',
      '10.0.0-rc1+driver',
      '10.0.0-rc2+driver',
      '10.0.0+driver',
      '10.1.0-rc1+driver',
      '9.0.1+driver',
    );
    const at = (n: string) => parseDriverTag(n)!;
    expect(previousTag(at('10.0.0+driver'), all)?.name).toBe('10.0.0-rc2+driver');
    expect(previousTag(at('10.0.0-rc1+driver'), all)?.name).toBe('9.1.0+driver');
    expect(previousTag(at('10.1.0-rc1+driver'), all)?.name).toBe('10.0.0+driver');
    expect(previousTag(at('9.0.1+driver'), all)).toBeNull();
    expect(previousLine(at('10.0.0+driver'), all)?.name).toBe('9.1.0+driver');
    expect(previousLine(at('10.0.0-rc2+driver'), all)?.name).toBe('9.1.0+driver');
  });
});
