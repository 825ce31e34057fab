import { describe, expect, it } from 'vitest';
import { acceptDriver } from '../../src/history/compat.js';
import type { CompatReport } from '../../src/history/types.js';
import { tempRepo } from '../helpers/repo.js';
import { cli, minimum, minimumLine, ScratchHistory } from './helpers.js';

describe("libscap's acceptance rule (scap_apply_semver_check)", () => {
  it.each([
    ['10.0.0', '10.0.0', true, 'exactly the required version'],
    ['10.2.0', '10.1.5', true, 'same major 10, and minor 2 is above the required 1 (the patch is not compared then)'],
    ['10.1.7', '10.1.5', true, 'same major 10 and minor 1, and patch 7 is at least the required 5'],
    ['10.1.4', '10.1.5', false, 'at the required minor 1, patch 4 is below the required patch 5'],
    ['10.0.9', '10.1.0', false, 'minor 0 is below the required minor 1'],
    ['11.0.0', '10.1.0', false, 'major 11 is not the required major 10 (libscap accepts only an equal major)'],
    ['9.9.9', '10.0.0', false, 'major 9 is not the required major 10 (libscap accepts only an equal major)'],
  ])('driver %s against required %s: %s', (driver, required, accepted, reason) => {
    expect(acceptDriver(driver, required)).toEqual({ accepted, reason });
  });
});

describe('compat', () => {
  const h = new ScratchHistory(tempRepo());
  const old = h.start(); // minimums: API 3.0.0, SCHEMA 2.3.0
  h.pr(['require schema 2.4.1', [minimum('SCHEMA', '2.4.1')]]);

  it('accepted at HEAD: exit 0, and why in words', async () => {
    const r = await cli(['compat', '--repo', h.dir, '--driver-api', '3.1.0', '--driver-schema', '2.5.0']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      [
        `libscap at HEAD (${h.git('rev-parse', 'HEAD').slice(0, 12)}) requires driver API 3.0.0 (SCAP_MINIMUM_DRIVER_API_VERSION, userspace/libscap/scap.h:${minimumLine('API')}) and SCHEMA 2.4.1 (SCAP_MINIMUM_DRIVER_SCHEMA_VERSION, userspace/libscap/scap.h:${minimumLine('SCHEMA')})`,
        'API 3.1.0          accepted: same major 3, and minor 1 is above the required 0 (the patch is not compared then)',
        'SCHEMA 2.5.0       accepted: same major 2, and minor 5 is above the required 4 (the patch is not compared then)',
        "verdict: ACCEPTED (libscap's scap_open would load this driver)",
        '',
      ].join('\n'),
    );
  });

  it('refused: exit 1, naming the component that fails', async () => {
    const r = await cli(['compat', '--repo', h.dir, '--driver-api', '3.1.0', '--driver-schema', '2.4.0']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/SCHEMA 2\.4\.0 +refused: at the required minor 4, patch 0 is below the required patch 1\n/);
    expect(r.out).toMatch(/verdict: REFUSED/);
  });

  it('--rev reads the minimums of that revision', async () => {
    const r = await cli([
      'compat',
      '--repo',
      h.dir,
      '--driver-api',
      '3.1.0',
      '--driver-schema',
      '2.4.0',
      '--rev',
      old,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as CompatReport;
    expect(report).toMatchObject({
      reportVersion: 1,
      command: 'compat',
      rev: { rev: old, commit: old },
      checks: {
        api: { driver: '3.1.0', required: '3.0.0', macro: 'SCAP_MINIMUM_DRIVER_API_VERSION', accepted: true },
        schema: {
          driver: '2.4.0',
          required: '2.3.0',
          accepted: true,
          location: { path: 'userspace/libscap/scap.h', line: minimumLine('SCHEMA') },
        },
      },
      verdict: 'accepted',
    });
  });

  it('a major above the minimum is refused too (equal majors only)', async () => {
    const r = await cli([
      'compat',
      '--repo',
      h.dir,
      '--driver-api',
      '4.0.0',
      '--driver-schema',
      '2.5.0',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as CompatReport).checks.api).toMatchObject({
      accepted: false,
      reason: 'major 4 is not the required major 3 (libscap accepts only an equal major)',
    });
  });

  it('bad input: exit 2 with one line naming the option', async () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['--driver-api', '3.1', '--driver-schema', '2.5.0'],
        /^driver-semver: --driver-api '3\.1': expected a MAJOR\.MINOR\.PATCH version such as 10\.0\.0\n$/,
      ],
      [
        ['--driver-api', '3.1.0', '--driver-schema', 'v2.5.0'],
        /^driver-semver: --driver-schema 'v2\.5\.0': expected a MAJOR\.MINOR\.PATCH version/,
      ],
      [
        ['--driver-api', '3.1.0', '--driver-schema', '2.5.0', '--rev', 'nope'],
        /^driver-semver: unknown --rev 'nope' in /,
      ],
      [['--driver-api', '3.1.0'], /required option '--driver-schema <version>' not specified/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['compat', '--repo', h.dir, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('compat at a revision without the minimums', () => {
  const h = new ScratchHistory(tempRepo());
  h.start();
  h.pr(['no libscap header', [], { 'userspace/libscap/scap.h': null }]);

  it('is bad input (exit 2) naming the revision and the macro', async () => {
    const r = await cli(['compat', '--repo', h.dir, '--driver-api', '3.1.0', '--driver-schema', '2.5.0']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'driver-semver: --rev HEAD: userspace/libscap/scap.h defines no SCAP_MINIMUM_DRIVER_API_VERSION there\n',
    );
  });
});

describe('help', () => {
  it.each(['audit', 'release', 'compat'])('%s --help names its options and exit statuses', async (command) => {
    const r = await cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--repo <dir>/);
    expect(r.out).toMatch(/--format <format>/);
    expect(r.out).toMatch(/Exit status: 0 .* 1 .* 2 on bad input/s);
  });
});
