import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRelease } from '../../src/history/release.js';
import type { ReleaseReport } from '../../src/history/types.js';
import { tempDir, tempRepo } from '../helpers/repo.js';
import { API, changes, cli, minimum, SCHEMA, ScratchHistory } from './helpers.js';

/**
 * Releases the way libs makes them: pre-releases on master, finals and patch releases on
 * release branches (so the previous tag is often not an ancestor), and a pre-release of the
 * next line tagged before the final of the current one.
 *
 * master:       c0 ─ c1 ─ c2 ───────────── c3 ─ c4 ─ c5 ─ c6
 *               1.0.0 1.1.0-rc1 2.0.0-rc1   (flag) 2.1.0-rc1 2.1.0 3.0.0
 * release/1.1:        └ r1 ─ r2 ─ r3
 *                       1.1.0 1.1.1 1.1.3
 * release/2.0:                  └ f1 (committed after c4)
 *                                 2.0.0 (annotated)
 */
function releases() {
  const h = new ScratchHistory(tempRepo());
  const c0 = h.start();
  h.tag('1.0.0+driver');
  h.pr(['new: mode param', [changes.appendParam, (t) => ({ ...t, [SCHEMA]: '2.5.0\n' })]]);
  h.tag('1.1.0-rc1+driver');
  const atC1 = { ...h.tree };

  h.checkout(atC1, '-b', 'release/1.1');
  h.pr(['fix: build on 6.9', [], { 'driver/README.md': 'kernel 6.9\n' }]);
  h.tag('1.1.0+driver');
  h.pr(['fix: build on 6.10', [], { 'driver/README.md': 'kernel 6.10\n' }]);
  h.tag('1.1.1+driver');
  h.pr(['fix: build on 6.11', [], { 'driver/README.md': 'kernel 6.11\n' }]);
  h.tag('1.1.3+driver');

  h.checkout(atC1, 'master');
  h.pr([
    'breaking: drop read fd',
    [changes.dropParam, (t) => ({ ...t, [SCHEMA]: '3.0.0\n' }), minimum('SCHEMA', '3.0.0')],
  ]);
  h.tag('2.0.0-rc1+driver');
  const atC2 = { ...h.tree };
  h.pr(['new: O_TMPFILE', [changes.addFlag]]);
  h.pr(['update: schema 3.1.0', [(t) => ({ ...t, [SCHEMA]: '3.1.0\n' })]]);
  h.tag('2.1.0-rc1+driver');
  const atC4 = { ...h.tree };

  h.checkout(atC2, '-b', 'release/2.0', '2.0.0-rc1+driver');
  h.pr(['fix: build on 6.12', [], { 'driver/README.md': 'kernel 6.12\n' }]);
  h.tag('2.0.0+driver', 'HEAD', true);

  h.checkout(atC4, 'master');
  h.pr(['new: quiet module param', [changes.addModuleParam]]);
  h.tag('2.1.0+driver');
  h.pr(['breaking: drop n_preemptions', [changes.shrinkRingBuffer, (t) => ({ ...t, [API]: '4.0.0\n' })]]);
  h.tag('3.0.0+driver');
  return { h, c0 };
}

describe('release on a libs-shaped history', () => {
  const { h, c0 } = releases();
  const release = (tag: string, previous?: string) =>
    runRelease({ repo: h.dir, tag, ...(previous ? { previous } : {}) });

  it('the first driver tag: nothing to compare, the number starts at 1.0.0', async () => {
    const r = await release('1.0.0+driver');
    expect(r).toMatchObject({
      tag: { name: '1.0.0+driver', version: '1.0.0', commit: c0 },
      previous: null,
      driverVersion: { countsFrom: null, expected: '1.0.0', actual: '1.0.0', status: 'ok' },
      versions: {
        api: { previous: null, tag: '3.1.0', status: 'ok' },
        schema: { previous: null, tag: '2.4.0', status: 'ok' },
      },
      problems: [],
      verdict: 'accepted',
    });
  });

  it('a pre-release: SCHEMA minor grew, so a minor step of the driver number', async () => {
    const r = await release('1.1.0-rc1+driver');
    expect(r.previous).toMatchObject({ name: '1.0.0+driver', ancestor: true });
    expect(r.driverVersion).toMatchObject({ bump: 'minor', expected: '1.1.0', status: 'ok' });
    expect(r.versions.schema).toMatchObject({
      previous: '2.4.0',
      tag: '2.5.0',
      declared: 'minor',
      required: 'minor',
      status: 'ok',
    });
    expect(r.findings.map((f) => f.rule)).toEqual(['event-param-appended']);
    expect(r.verdict).toBe('accepted');
  });

  it('from a pre-release to its final the number stays, counted from the previous line', async () => {
    const r = await release('1.1.0+driver');
    expect(r.previous).toMatchObject({ name: '1.1.0-rc1+driver' });
    expect(r.driverVersion).toMatchObject({
      countsFrom: { name: '1.0.0+driver' },
      bump: 'minor',
      expected: '1.1.0',
      status: 'ok',
    });
    expect(r.driverVersion.reason).toMatch(
      /^1\.1\.0\+driver keeps the number of its pre-release 1\.1\.0-rc1\+driver; SCHEMA_VERSION's minor grew \(2\.4\.0 → 2\.5\.0\) since 1\.0\.0\+driver/,
    );
    expect(r.verdict).toBe('accepted');
  });

  it('nothing in the version files changed: a patch step', async () => {
    const r = await release('1.1.1+driver');
    expect(r.driverVersion).toMatchObject({ bump: 'patch', expected: '1.1.1', status: 'ok' });
    expect(r.verdict).toBe('accepted');
  });

  it('refuses a skipped number', async () => {
    const r = await release('1.1.3+driver');
    expect(r.driverVersion).toMatchObject({ expected: '1.1.2', actual: '1.1.3', status: 'wrong' });
    expect(r.problems).toEqual([expect.stringMatching(/a patch step, 1\.1\.1 → 1\.1\.2, but the tag says 1\.1\.3$/)]);
    expect(r.verdict).toBe('refused');
  });

  it('the previous tag by precedence may sit on a release branch: the tag commits are compared directly', async () => {
    const r = await release('2.0.0-rc1+driver');
    expect(r.previous).toMatchObject({ name: '1.1.3+driver', ancestor: false });
    expect(r.driverVersion).toMatchObject({ bump: 'major', expected: '2.0.0', status: 'ok' });
    // Only the changes between the two tag commits: no merge-base, and the release-branch README is not surface.
    expect(r.versions.schema).toMatchObject({
      previous: '2.5.0',
      tag: '3.0.0',
      declared: 'major',
      required: 'major',
      status: 'ok',
    });
    expect(r.findings.map((f) => f.rule)).toEqual(['event-param-removed']);
    expect(r.verdict).toBe('accepted');
  });

  it('a pre-release tagged before the previous final: precedence, not dates or ancestry, picks the previous', async () => {
    const final = await release('2.0.0+driver');
    expect(final.previous).toMatchObject({ name: '2.0.0-rc1+driver', ancestor: true });
    expect(final.verdict).toBe('accepted');
    const next = await release('2.1.0-rc1+driver');
    expect(next.previous).toMatchObject({ name: '2.0.0+driver', ancestor: false });
    expect(next.driverVersion).toMatchObject({ bump: 'minor', expected: '2.1.0', status: 'ok' });
    expect(next.versions.schema).toMatchObject({
      previous: '3.0.0',
      tag: '3.1.0',
      declared: 'minor',
      required: 'minor',
      status: 'ok',
    });
    expect(next.verdict).toBe('accepted');
  });

  it('refuses a tag whose bumps do not cover the changes since the previous tag', async () => {
    const r = await release('2.1.0+driver');
    expect(r.previous).toMatchObject({ name: '2.1.0-rc1+driver' });
    expect(r.driverVersion.status).toBe('ok');
    expect(r.versions.api).toMatchObject({
      previous: '3.1.0',
      tag: '3.1.0',
      declared: 'none',
      required: 'minor',
      status: 'too-small',
    });
    expect(r.problems).toEqual([
      'the changes since 2.1.0-rc1+driver need a minor bump of API_VERSION; 3.1.0 → 3.1.0 is no bump',
    ]);
    expect(r.verdict).toBe('refused');
  });

  it('refuses a tag whose SCAP_MINIMUM_DRIVER_* would make libscap refuse its own driver', async () => {
    const r = await release('3.0.0+driver');
    expect(r.driverVersion).toMatchObject({ bump: 'major', expected: '3.0.0', status: 'ok' });
    expect(r.versions.api).toMatchObject({ declared: 'major', required: 'major', status: 'ok' });
    expect(r.minimums.api).toMatchObject({ macro: 'SCAP_MINIMUM_DRIVER_API_VERSION', version: '3.0.0' });
    expect(r.problems).toEqual([
      expect.stringMatching(
        /^SCAP_MINIMUM_DRIVER_API_VERSION is 3\.0\.0 but API_VERSION is 4\.0\.0: libscap requires equal majors/,
      ),
    ]);
    expect(r.verdict).toBe('refused');
  });

  it('--previous compares with another tag', async () => {
    const r = await release('2.1.0-rc1+driver', '2.0.0-rc1+driver');
    expect(r.previous).toMatchObject({ name: '2.0.0-rc1+driver', ancestor: true });
    expect(r.versions.schema).toMatchObject({ previous: '3.0.0', tag: '3.1.0', required: 'minor', status: 'ok' });
  });

  describe('CLI', () => {
    it('text: the number, each version file, the minimums and the verdict; exit 0 when accepted', async () => {
      const r = await cli(['release', '--repo', h.dir, '--tag', '2.0.0-rc1+driver']);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toMatch(
        /^driver-semver release 2\.0\.0-rc1\+driver \([0-9a-f]{12}\)\nprevious tag: 1\.1\.3\+driver \([0-9a-f]{12}\), not an ancestor \(a release branch\); the two tag commits are compared directly\n/,
      );
      expect(r.out).toMatch(
        /driver number {3}2\.0\.0 +OK\n {2}SCHEMA_VERSION's major grew \(2\.5\.0 → 3\.0\.0\) since 1\.1\.3\+driver: the driver number takes a major step, 1\.1\.3 → 2\.0\.0\n/,
      );
      expect(r.out).toMatch(
        /SCHEMA_VERSION {2}2\.5\.0 → 3\.0\.0 +declared major {2}required major {2}OK\n {2}major: PPME_SYSCALL_READ_X loses param 3 'fd'/,
      );
      expect(r.out).toMatch(/SCAP minimums {3}api 3\.0\.0, schema 3\.0\.0\n\nverdict: ACCEPTED\n$/);
    });

    it('text: every reason for a refusal; exit 1', async () => {
      const r = await cli(['release', '--repo', h.dir, '--tag', '3.0.0+driver']);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(
        /SCAP minimums {3}api 3\.0\.0 \(inconsistent\), schema 3\.0\.0\n {2}SCAP_MINIMUM_DRIVER_API_VERSION is 3\.0\.0/,
      );
      expect(r.out).toMatch(
        /verdict: REFUSED\n {2}- SCAP_MINIMUM_DRIVER_API_VERSION is 3\.0\.0 but API_VERSION is 4\.0\.0/,
      );
    });

    it('--config applies rule overrides, as check does', async () => {
      const config = path.join(tempDir(), 'config.json');
      writeFileSync(config, JSON.stringify({ rules: { 'module-param-added': 'patch' } }));
      const r = await cli(['release', '--repo', h.dir, '--tag', '2.1.0+driver', '--config', config]);
      expect(r.out).toMatch(/the changes since 2\.1\.0-rc1\+driver need a patch bump of API_VERSION/);
      expect(r.code).toBe(1);
      writeFileSync(config, JSON.stringify({ rules: { 'module-param-added': 'off' } }));
      expect((await cli(['release', '--repo', h.dir, '--tag', '2.1.0+driver', '--config', config])).code).toBe(0);
    });

    it('json', async () => {
      const r = await cli(['release', '--repo', h.dir, '--tag', '1.1.3+driver', '--format', 'json']);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.out) as ReleaseReport;
      expect(report).toMatchObject({
        reportVersion: 1,
        command: 'release',
        tag: { name: '1.1.3+driver' },
        previous: { name: '1.1.1+driver' },
        verdict: 'refused',
      });
    });

    it('bad input: exit 2 with one line naming the option', async () => {
      const cases: Array<[string[], RegExp]> = [
        [
          ['--tag', 'v2.0.0'],
          /^driver-semver: --tag v2\.0\.0: not a driver tag \(expected X\.Y\.Z\+driver, X\.Y\.Z-rcN\+driver or X\.Y\.Z-alphaN\+driver\)\n$/,
        ],
        [['--tag', '0.10.0'], /^driver-semver: --tag 0\.10\.0: not a driver tag/],
        [['--tag', '9.9.9+driver'], /^driver-semver: --tag 9\.9\.9\+driver: no such tag in /],
        [
          ['--tag', '2.0.0+driver', '--previous', '3.0.0+driver'],
          /^driver-semver: --previous 3\.0\.0\+driver is not below --tag 2\.0\.0\+driver by semver precedence\n$/,
        ],
        [['--tag', '2.0.0+driver', '--previous', 'master'], /^driver-semver: --previous master: not a driver tag/],
        [
          ['--tag', '2.0.0+driver', '--previous', '1.9.0+driver'],
          /^driver-semver: --previous 1\.9\.0\+driver: no such tag/,
        ],
        [[], /required option '--tag <tag>' not specified/],
      ];
      for (const [args, message] of cases) {
        const r = await cli(['release', '--repo', h.dir, ...args]);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.out).toBe('');
        expect(r.err).toMatch(message);
        expect(r.err.trim().split('\n')).toHaveLength(1);
      }
    });
  });
});

describe('release: a tag without readable version files is bad input', () => {
  const h = new ScratchHistory(tempRepo());
  h.start();
  h.pr(['drop the version file', [], { [API]: null }]);
  h.tag('1.0.0+driver');

  it('exit 2 naming the tag and the file', async () => {
    const r = await cli(['release', '--repo', h.dir, '--tag', '1.0.0+driver']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('driver-semver: --tag 1.0.0+driver: driver/API_VERSION is missing at that tag\n');
  });
});
