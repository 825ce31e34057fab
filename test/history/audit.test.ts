import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupCommits, runAudit } from '../../src/history/audit.js';
import type { AuditGroup, AuditReport } from '../../src/history/types.js';
import { FactsCache } from '../../src/surface/build.js';
import { tempDir, tempRepo } from '../helpers/repo.js';
import { edit } from '../helpers/surface.js';
import {
  API,
  changes,
  cli,
  cliWithTTY,
  FLAGS_TABLE,
  HEADER,
  minimum,
  newFlag,
  SCHEMA,
  ScratchHistory,
} from './helpers.js';

/** A new flag value (SCHEMA minor), each on its own bit. */
const FLAG_BITS: Record<string, number> = { O_TMPFILE: 8, O_SYNC: 9, O_DSYNC: 10 };
const addFlag = (name: string) => newFlag(name, FLAG_BITS[name]!);

/**
 * One scripted history with a case of every status, in PR order:
 *  #1  param appended + SCHEMA 2.5.0 in two commits (one PR)    ok
 *  #2  README only                                              ok, not rebuilt
 *  #3  flag added, no bump                                      late (bumped by #4)
 *  #4  SCHEMA 2.6.0 alone                                       catch-up
 *  #5  ring-buffer field dropped + API 4.0.0, minimum left 3.x  invalid
 *  #6  SCAP_MINIMUM_DRIVER_API_VERSION → 4.0.0                  ok
 *  #7  SCHEMA 2.7.0 alone                                       unexplained
 *  #8  param dropped (major) + SCHEMA 2.8.0                     too-small
 *  #9  module param added (API) + SCHEMA 2.9.0                  wrong-file
 *  #10 flag added + SCHEMA 2.11.0                               not-one-step
 *  #11 flag added, no bump                                      missing (forgotten)
 *  #12 API 4.1.0 alone                                          catch-up (for #9, which stays wrong-file)
 */
function scriptedHistory() {
  const h = new ScratchHistory(tempRepo());
  const start = h.start();
  h.tag('1.0.0+driver', start);
  const pr1 = h.pr(
    ['new: mode param for open', [changes.appendParam]],
    ['update: bump schema', [(t) => ({ ...t, [SCHEMA]: '2.5.0\n' })]],
  );
  h.pr(['docs: readme', [], { 'README.md': 'libs\n' }]);
  h.pr(['new: O_TMPFILE flag', [addFlag('O_TMPFILE')]]);
  h.pr(['update: bump schema version to 2.6.0', [(t) => ({ ...t, [SCHEMA]: '2.6.0\n' })]]);
  h.pr(['breaking: drop n_preemptions', [changes.shrinkRingBuffer, (t) => ({ ...t, [API]: '4.0.0\n' })]]);
  h.pr(['fix: bump minimum api', [minimum('API', '4.0.0')]]);
  h.pr(['chore: bump schema', [(t) => ({ ...t, [SCHEMA]: '2.7.0\n' })]]);
  h.pr(['cleanup: drop read fd param', [changes.dropParam, (t) => ({ ...t, [SCHEMA]: '2.8.0\n' })]]);
  h.pr(['new: quiet module param', [changes.addModuleParam, (t) => ({ ...t, [SCHEMA]: '2.9.0\n' })]]);
  h.pr(['new: O_SYNC flag', [addFlag('O_SYNC'), (t) => ({ ...t, [SCHEMA]: '2.11.0\n' })]]);
  const forgotten = h.pr(['new: O_DSYNC flag', [addFlag('O_DSYNC')]]);
  const last = h.pr(['chore: bump api', [(t) => ({ ...t, [API]: '4.1.0\n' })]]);
  return { h, start, pr1, forgotten: forgotten[0]!, head: last[0]! };
}

function statuses(g: AuditGroup): [string, string, string] {
  return [g.status, g.versions.api.status, g.versions.schema.status];
}

describe('audit on a scripted history', () => {
  const { h, start, pr1, forgotten, head } = scriptedHistory();
  let report: AuditReport;

  it('judges every pull request, with the status only history can give', async () => {
    report = await runAudit({ repo: h.dir, from: start });
    expect(report.groups.map((g) => [g.index, ...statuses(g)])).toEqual([
      [1, 'ok', 'ok', 'ok'],
      [2, 'ok', 'ok', 'ok'],
      [3, 'late', 'ok', 'late'],
      [4, 'catch-up', 'ok', 'catch-up'],
      [5, 'invalid', 'invalid', 'ok'],
      [6, 'ok', 'ok', 'ok'],
      [7, 'unexplained', 'ok', 'unexplained'],
      [8, 'too-small', 'ok', 'too-small'],
      [9, 'wrong-file', 'wrong-file', 'wrong-file'],
      [10, 'not-one-step', 'ok', 'not-one-step'],
      [11, 'missing', 'ok', 'missing'],
      [12, 'catch-up', 'catch-up', 'ok'],
    ]);
    expect(report.verdict).toBe('fail');
    expect(report.summary).toMatchObject({ commits: 13, groups: 12, surfaceGroups: 11, flagged: 9 });
    expect(report.summary.byStatus).toEqual({
      ok: 3,
      late: 1,
      'catch-up': 2,
      invalid: 1,
      unexplained: 1,
      'too-small': 1,
      'wrong-file': 1,
      'not-one-step': 1,
      missing: 1,
    });
  });

  it('groups rebase-merged commits by committer date, and names both ends of each group', () => {
    const g1 = report.groups[0]!;
    expect(g1.commits.map((c) => c.commit)).toEqual(pr1);
    expect(g1.base).toBe(start);
    expect(g1.head).toBe(pr1[1]);
    expect(g1.versions.schema).toMatchObject({ base: '2.4.0', head: '2.5.0', declared: 'minor', required: 'minor' });
    expect(report.groups[10]!.head).toBe(forgotten);
    expect(report.groups[11]!.head).toBe(head);
  });

  it('does not rebuild a group that touches no surface file', () => {
    const g2 = report.groups[1]!;
    expect(g2.touched).toEqual([]);
    expect(g2.findings).toEqual([]);
    expect(g2.versions.schema).toMatchObject({
      base: '2.5.0',
      head: '2.5.0',
      declared: 'none',
      required: 'none',
      status: 'ok',
    });
    expect(report.groups[2]!.touched).toEqual([FLAGS_TABLE, HEADER]);
  });

  it('links a late change to the bump that covered it', () => {
    expect(report.groups[2]!.versions.schema).toMatchObject({ required: 'minor', declared: 'none', settledBy: 4 });
    expect(report.groups[3]!.versions.schema).toMatchObject({ declared: 'minor', required: 'none', settles: [3] });
    expect(report.groups[3]!.versions.schema.reasons.join(' ')).toMatch(
      /covers the SCHEMA_VERSION changes of group #3/,
    );
  });

  it('blames a SCAP minimum inconsistency on the group that introduced it, not on later ones', () => {
    const g5 = report.groups[4]!;
    expect(g5.versions.api).toMatchObject({ base: '3.1.0', head: '4.0.0', declared: 'major', required: 'major' });
    expect(g5.versions.api.reasons.join(' ')).toMatch(
      /SCAP_MINIMUM_DRIVER_API_VERSION is 3\.0\.0 but API_VERSION is 4\.0\.0/,
    );
    expect(report.groups[5]!.versions.api.status).toBe('ok');
  });

  it('finds a bump in the wrong file, even when a later bump of the right file covers it', () => {
    const g9 = report.groups[8]!;
    expect(g9.versions.api).toMatchObject({ declared: 'none', required: 'minor', settledBy: 12 });
    expect(report.groups[11]!.versions.api).toMatchObject({ declared: 'minor', required: 'none', settles: [9] });
    expect(g9.versions.schema).toMatchObject({ declared: 'minor', required: 'none' });
    expect(g9.versions.api.reasons.join(' ')).toMatch(
      /need a minor bump of API_VERSION, and SCHEMA_VERSION was bumped \(minor\) instead/,
    );
  });

  it('judges every window between two bumps of a version file, and the open one at the end', () => {
    const w = report.windows.map((x) => [
      x.governs,
      x.from.group,
      x.to.group,
      x.from.version,
      x.to.version,
      x.required,
      x.declared,
      x.status,
      x.open,
    ]);
    expect(w).toEqual([
      ['schema', null, 1, '2.4.0', '2.5.0', 'minor', 'minor', 'ok', false],
      ['schema', 1, 4, '2.5.0', '2.6.0', 'minor', 'minor', 'ok', false],
      ['api', null, 5, '3.1.0', '4.0.0', 'major', 'major', 'invalid', false],
      ['schema', 4, 7, '2.6.0', '2.7.0', 'none', 'minor', 'unexplained', false],
      ['schema', 7, 8, '2.7.0', '2.8.0', 'major', 'minor', 'too-small', false],
      ['schema', 8, 9, '2.8.0', '2.9.0', 'none', 'minor', 'unexplained', false],
      ['schema', 9, 10, '2.9.0', '2.11.0', 'minor', 'minor', 'not-one-step', false],
      ['api', 5, 12, '4.0.0', '4.1.0', 'minor', 'minor', 'ok', false],
      ['schema', 10, null, '2.11.0', '2.11.0', 'minor', 'none', 'missing', true],
    ]);
    expect(report.windows[1]!.changedBy).toEqual([3]);
    expect(report.windows[1]!.findings.map((f) => f.rule)).toContain('flag-value-added');
    expect(report.summary.windows).toEqual({
      api: { invalid: 1, ok: 1 },
      schema: { ok: 2, unexplained: 2, 'too-small': 1, 'not-one-step': 1, missing: 1 },
    });
  });

  it('--group commit judges each commit: the param commit is late, its bump a catch-up', async () => {
    const r = await runAudit({ repo: h.dir, from: start, group: 'commit' });
    expect(r.summary.groups).toBe(13);
    expect(r.groups.slice(0, 2).map(statuses)).toEqual([
      ['late', 'ok', 'late'],
      ['catch-up', 'ok', 'catch-up'],
    ]);
  });

  it('defaults --from to the last driver tag in the history of --to', async () => {
    const r = await runAudit({ repo: h.dir, to: pr1[1] });
    expect(r.from).toEqual({ rev: '1.0.0+driver', commit: start });
    expect(r.summary.groups).toBe(1);
  });

  it('parses each blob once for the whole walk (one FactsCache)', async () => {
    const made: string[] = [];
    const caches = new Set<FactsCache>();
    const original = FactsCache.prototype.get;
    const spy = vi.spyOn(FactsCache.prototype, 'get').mockImplementation(function (this: FactsCache, blob, make) {
      caches.add(this);
      return original.call(this, blob, () => {
        made.push(blob);
        return make();
      });
    });
    try {
      const r = await runAudit({ repo: h.dir, from: start });
      expect(caches.size).toBe(1);
      expect(new Set(made).size).toBe(made.length);
      expect(r.summary.blobsParsed).toBe(made.length);
      // Six surface files at the start, then one new blob per changed parsed file.
      expect(made.length).toBeGreaterThan(6);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('audit CLI', () => {
  const { h, start } = scriptedHistory();

  it('text: a summary, the flagged groups with reasons and findings, the windows, exit 1', async () => {
    const r = await cli(['audit', '--repo', h.dir, '--from', start]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toMatch(
      /^driver-semver audit [0-9a-f]{40} \([0-9a-f]{12}\) \.\. HEAD \([0-9a-f]{12}\)\n13 first-parent commits in 12 groups \(by committer-date\); 11 changed the driver surface/,
    );
    expect(r.out).toMatch(/groups by status: ok 3, late 1, catch-up 2, invalid 1/);
    expect(r.out).toMatch(
      /#11 \d{4}-\d\d-\d\d [0-9a-f]{12} {2}MISSING {2}new: O_DSYNC flag\n {4}SCHEMA_VERSION {2}missing 2\.11\.0 \(none\/minor\)\n {6}the changes need a minor bump of SCHEMA_VERSION and none was made\n {6}minor: file_flags gains O_DSYNC/,
    );
    expect(r.out).not.toMatch(/^#1 /m);
    expect(r.out).not.toMatch(/^#2 /m);
    expect(r.out).toMatch(
      /SCHEMA_VERSION {2}#7 \(2\.7\.0\) → #8 \(2\.8\.0\) {2}declared minor, required major {2}TOO-SMALL/,
    );
    expect(r.out).toMatch(
      /SCHEMA_VERSION {2}#10 \(2\.11\.0\) → not bumped yet {2}declared none, required minor {2}MISSING/,
    );
    expect(r.out).toMatch(/\nverdict: FAIL\n$/);
  });

  it('--all lists the groups that changed the surface even when ok', async () => {
    const r = await cli(['audit', '--repo', h.dir, '--from', start, '--all']);
    expect(r.out).toMatch(/^#1 \S+ [0-9a-f]{12} {2}OK {2}new: mode param for open \(\+1 commit\)$/m);
    expect(r.out).not.toMatch(/^#2 /m);
  });

  it('json: the whole report, parseable, with every group', async () => {
    const r = await cli(['audit', '--repo', h.dir, '--from', start, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as AuditReport;
    expect(report).toMatchObject({
      reportVersion: 1,
      command: 'audit',
      grouping: 'committer-date',
      from: { rev: start, commit: start },
      verdict: 'fail',
    });
    expect(report.groups).toHaveLength(12);
  });

  it('an empty range: no groups, a pass', async () => {
    const r = await cli(['audit', '--repo', h.dir, '--from', 'HEAD', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      summary: { commits: 0, groups: 0 },
      groups: [],
      windows: [],
      verdict: 'pass',
    });
  });

  it('exit 0 when every group is ok', async () => {
    const r = await cli(['audit', '--repo', h.dir, '--from', start, '--to', 'HEAD~11']);
    expect(r.out).toMatch(/verdict: PASS/);
    expect(r.code).toBe(0);
  });

  it('a progress bar on stderr when it is a terminal, erased at the end', async () => {
    const r = await cliWithTTY(['audit', '--repo', h.dir, '--from', start]);
    expect(r.err).toMatch(/\raudit \[#+\.*\] \d+\/12 groups/);
    expect(r.err).toMatch(/\raudit \[#{30}\] 12\/12 groups\r\x1b\[K$/);
    expect(r.out).not.toMatch(/\r/);
  });

  it('no progress bar in CI, in JSON, or when stderr is not a terminal', async () => {
    expect((await cliWithTTY(['audit', '--repo', h.dir, '--from', start], { CI: 'true' })).err).toBe('');
    expect((await cliWithTTY(['audit', '--repo', h.dir, '--from', start, '--format', 'json'])).err).toBe('');
    expect((await cli(['audit', '--repo', h.dir, '--from', start])).err).toBe('');
  });

  it('--config applies rule overrides, as check does', async () => {
    const config = path.join(tempDir(), 'config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'flag-value-added': 'off' } }));
    const r = JSON.parse(
      (await cli(['audit', '--repo', h.dir, '--from', start, '--format', 'json', '--config', config])).out,
    ) as AuditReport;
    expect(r.groups[10]!.status).toBe('ok');
    expect(r.groups[2]!.status).toBe('ok');
    expect(r.groups[8]!.status).toBe('wrong-file');
    const bad = path.join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const refused = await cli(['audit', '--repo', h.dir, '--from', start, '--config', bad]);
    expect(refused).toMatchObject({
      code: 2,
      out: '',
      err: "driver-semver: configuration: unknown rule 'no-such-rule' (see 'driver-semver explain --list')\n",
    });
  });

  it('bad input: exit 2 and one line naming the option at fault', async () => {
    const unknown = await cli(['audit', '--repo', h.dir, '--from', 'no-such-rev']);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toMatch(/^driver-semver: unknown --from revision 'no-such-rev' in .*\n$/);
    const to = await cli(['audit', '--repo', h.dir, '--from', start, '--to', 'nope']);
    expect(to.err).toMatch(/^driver-semver: unknown --to revision 'nope'/);
    const backwards = await cli(['audit', '--repo', h.dir, '--from', 'HEAD', '--to', start]);
    expect(backwards.code).toBe(2);
    expect(backwards.err).toMatch(/^driver-semver: --from HEAD is not an ancestor of --to [0-9a-f]{40}/);
    const group = await cli(['audit', '--repo', h.dir, '--group', 'pr']);
    expect(group.code).toBe(2);
    expect(group.err).toMatch(/--group.*'pr'.*committer-date, commit/);
  });
});

describe('audit follows files the walk sees deleted, renamed away and restored', () => {
  const h = new ScratchHistory(tempRepo());
  const start = h.start();
  const flags = h.tree[FLAGS_TABLE]!;
  h.pr(['move the flag tables away', [], { [FLAGS_TABLE]: null, 'driver/flags_table.c.orig': flags }]);
  h.pr(['bring them back', [], { 'driver/flags_table.c.orig': null, [FLAGS_TABLE]: flags }]);

  it('a rename away removes the tables, the restore brings them back', async () => {
    const r = await runAudit({ repo: h.dir, from: start });
    expect(r.groups.map((g) => g.touched)).toEqual([[FLAGS_TABLE], [FLAGS_TABLE]]);
    expect(
      r.groups[0]!.findings.filter((f) => f.governs === 'schema')
        .map((f) => f.message)
        .join('\n'),
    ).toMatch(/file_flags/);
    expect(r.groups[1]!.findings.some((f) => /file_flags/.test(f.message))).toBe(true);
    expect(r.groups.map((g) => g.status)).toEqual(['missing', 'missing']);
  });
});

describe('groupCommits', () => {
  const c = (date: number) => ({ date });
  it('joins consecutive commits with one committer date, never non-consecutive ones', () => {
    expect(groupCommits([c(1), c(1), c(2), c(1)], 'committer-date').map((g) => g.length)).toEqual([2, 1, 1]);
    expect(groupCommits([c(1), c(1), c(2)], 'commit').map((g) => g.length)).toEqual([1, 1, 1]);
    expect(groupCommits([], 'commit')).toEqual([]);
  });
});

afterEach(() => vi.restoreAllMocks());

describe('audit through a merge commit and an unreadable file', () => {
  const h = new ScratchHistory(tempRepo());
  const start = h.start();
  const atStart = { ...h.tree };
  h.checkout(atStart, '-b', 'topic');
  h.pr(['new: O_TMPFILE flag', [changes.addFlag]]);
  const topic = { ...h.tree };
  h.checkout(atStart, 'master');
  h.pr(['docs', [], { 'README.md': 'libs\n' }]);
  h.git('merge', '--no-ff', '-q', '-m', 'Merge branch topic', 'topic');
  const merge = h.git('rev-parse', 'HEAD');
  h.tree = { ...topic, 'README.md': 'libs\n' };
  h.pr([
    'broken table',
    [
      (t) =>
        edit(t, 'driver/event_table.c', [
          '        [PPME_SYSCALL_OPEN_E] =',
          '        [PPME_SYSCALL_OPEN_E] = {"open", EC_FILE | @@@ }, [PPME_SYSCALL_OPEN_E] =',
        ]),
    ],
  ]);

  it('a merge commit is one group, judged on its diff against its first parent', async () => {
    const r = await runAudit({ repo: h.dir, from: start });
    expect(r.summary.commits).toBe(3);
    const g = r.groups[1]!;
    expect(g.head).toBe(merge);
    expect(g.touched).toEqual([FLAGS_TABLE, HEADER]);
    expect(g.versions.schema).toMatchObject({ required: 'minor', status: 'missing' });
  });

  it('a changed file that cannot be read is never a silent pass', async () => {
    // No rules: whatever the broken entry looks like to them, only the warning decides.
    const r = await runAudit({ repo: h.dir, from: start, rules: [] });
    const g = r.groups[2]!;
    expect(g.warnings.length).toBeGreaterThan(0);
    expect(g.warnings.every((w) => w.path === 'driver/event_table.c' && w.incomplete)).toBe(true);
    expect(g.status).toBe('incomplete');
    expect(r.verdict).toBe('warn');
  });
});

describe('audit: a version that goes down, and no tag to start from', () => {
  const h = new ScratchHistory(tempRepo());
  const start = h.start();
  h.pr(['revert the schema number', [(t) => ({ ...t, [SCHEMA]: '2.3.0\n' })]]);

  it('a decrease is its own failing status', async () => {
    const r = await runAudit({ repo: h.dir, from: start });
    expect(r.groups[0]!.versions.schema).toMatchObject({ base: '2.4.0', head: '2.3.0', status: 'decreased' });
    expect(r.groups[0]!.status).toBe('decreased');
    expect(r.verdict).toBe('fail');
  });

  it('without --from and without a driver tag, says what to pass', async () => {
    const r = await cli(['audit', '--repo', h.dir]);
    expect(r).toMatchObject({
      code: 2,
      out: '',
      err: 'driver-semver: --from is needed: no *+driver tag is in the history of HEAD\n',
    });
  });
});
