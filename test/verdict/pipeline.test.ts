/**
 * The pipeline's own decisions, at the source level: the overall verdict (an analysis that
 * could not read a file never passes: it fails, or warns under the `incomplete: warn` policy),
 * the configuration's rule levels and ignores, the modern-probe level. The CLI and bundle tests
 * run the same code end to end; these pin each clause so a mutation of it fails here.
 */
import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_CONFIG_PATH, type IgnoreEntry } from '../../src/config/config.js';
import {
  applyIgnores,
  applyModernProbeLevel,
  compareSurfaces,
  configuredRules,
  overallVerdict,
  readSurface,
  runCheck,
  sharedStructList,
} from '../../src/pipeline.js';
import { RULES } from '../../src/rules/catalogue.js';
import type { Finding } from '../../src/rules/types.js';
import { GitRepo } from '../../src/source/git.js';
import { commitFiles, runGit } from '../../src/source/scratch.js';
import type { Surface, Warning } from '../../src/surface/model.js';
import { DEFAULT_SHARED_STRUCTS } from '../../src/surface/shared-structs.js';
import type { Status, VersionVerdict } from '../../src/verdict/types.js';
import { tempDir, tempRepo } from '../helpers/repo.js';
import { appendModeParam, demoTree, edit, surfaceOf } from '../helpers/surface.js';
import { lineOf } from '../helpers/lines.js';

/** A fresh repository whose first commit is `tree` (default: the demo driver). */
function demoRepo(tree: Record<string, string> = demoTree()): { dir: string; base: string } {
  const dir = tempRepo();
  return { dir, base: commitFiles(dir, tree, 'driver') };
}

/** The demo driver with flags_table.c over the size limit: never read, so the analysis is incomplete. */
const oversized = () =>
  edit(demoTree(), 'driver/flags_table.c', ['/* Demo flag tables. */', `/* ${'x'.repeat(3 * 1024 * 1024)} */`]);

function version(status: Status): VersionVerdict {
  return {
    file: 'driver/SCHEMA_VERSION',
    base: '2.4.0',
    head: '2.4.0',
    declared: 'none',
    required: 'none',
    suggested: '2.4.0',
    status,
    statuses: [status],
    reasons: [],
    fixes: [],
  };
}

const unreadable: Warning = {
  path: 'driver/event_table.c',
  message: 'could not read driver/event_table.c at head: blob missing',
  incomplete: true,
};
const notice: Warning = {
  path: '.github/driver-semver.json',
  message: 'ignore of x X matched no finding',
  incomplete: false,
};

describe('overallVerdict', () => {
  it('passes when every version is ok and nothing was left unread', () => {
    expect(overallVerdict([version('ok'), version('ok')], [])).toBe('pass');
    expect(overallVerdict([version('ok'), version('ok')], [notice])).toBe('pass');
  });

  it('an incomplete analysis is never a pass: a file it could not read fails the verdict, or warns under the warn policy', () => {
    expect(overallVerdict([version('ok'), version('ok')], [unreadable])).toBe('fail');
    expect(overallVerdict([version('ok'), version('ok')], [notice, unreadable], 'fail')).toBe('fail');
    expect(overallVerdict([version('ok'), version('ok')], [unreadable], 'warn')).toBe('warn');
    expect(overallVerdict([version('ok'), version('ok')], [notice, unreadable], 'warn')).toBe('warn');
    // The policy concerns unread files only: without one, warn passes what passes.
    expect(overallVerdict([version('ok'), version('ok')], [notice], 'warn')).toBe('pass');
  });

  it('an unexplained bump warns', () => {
    expect(overallVerdict([version('ok'), version('unexplained')], [])).toBe('warn');
    expect(overallVerdict([version('unexplained'), version('ok')], [])).toBe('warn');
  });

  it.each<Status>(['missing', 'too-small', 'too-large', 'not-one-step', 'decreased', 'invalid'])(
    '%s fails, whatever the other version and the warnings say',
    (s) => {
      expect(overallVerdict([version('ok'), version(s)], [])).toBe('fail');
      expect(overallVerdict([version(s), version('unexplained')], [unreadable])).toBe('fail');
      expect(overallVerdict([version(s), version('unexplained')], [unreadable], 'warn')).toBe('fail');
    },
  );
});

describe('compareSurfaces', () => {
  it('identical surfaces pass; the same surfaces with a file unread in either revision fail (warn under the warn policy), listing it once', async () => {
    const base = await surfaceOf(demoTree(), 'base');
    const clean = compareSurfaces(base, base);
    expect(clean).toMatchObject({ findings: [], warnings: [], verdict: 'pass' });

    const head: Surface = { ...base, warnings: [unreadable] };
    const incomplete = compareSurfaces(base, head);
    expect(incomplete.findings).toEqual([]);
    expect(incomplete.versions.schema.status).toBe('ok');
    expect(incomplete.warnings).toEqual([unreadable]);
    expect(incomplete.verdict).toBe('fail');
    expect(compareSurfaces(base, head, { incomplete: 'warn' }).verdict).toBe('warn');

    const both = compareSurfaces({ ...base, warnings: [unreadable] }, head);
    expect(both.warnings).toEqual([unreadable]);
    expect(both.verdict).toBe('fail');
    expect(compareSurfaces({ ...base, warnings: [unreadable] }, base, { incomplete: 'warn' })).toMatchObject({
      warnings: [unreadable],
      verdict: 'warn',
    });
  });
});

describe('runCheck', () => {
  it('a surface file too large to read at both revisions: no finding, and the verdict fails (warns with incomplete: warn), never passes', async () => {
    const { dir, base } = demoRepo(oversized());
    const head = commitFiles(dir, { ...oversized(), 'driver/README.md': 'docs only\n' }, 'docs');
    const report = await runCheck({ repo: dir, base, head });
    expect(report.findings).toEqual([]);
    expect(report.versions.api.status).toBe('ok');
    expect(report.versions.schema.status).toBe('ok');
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(
      report.warnings.every((w) => w.path === 'driver/flags_table.c' && w.incomplete && w.message.includes('over the')),
    ).toBe(true);
    expect(report.verdict).toBe('fail');
    expect(report.onIncomplete).toBe('fail');
    const relaxed = await runCheck({ repo: dir, base, head, incomplete: 'warn' });
    expect(relaxed).toMatchObject({ findings: [], verdict: 'warn', onIncomplete: 'warn' });
    expect(relaxed.warnings).toEqual(report.warnings);
  });
});

describe('runCheck reads the repository configuration at the base revision, as the action does', () => {
  const AT_BASE = { kind: 'repository', at: 'revision' } as const;
  const IGNORE = { rule: 'event-param-appended', symbol: 'PPME_SYSCALL_OPEN_X', reason: 'accepted in review' };

  it('a change that adds an ignore of its own finding is still failed: the head configuration is not read', async () => {
    const { dir, base } = demoRepo();
    const head = commitFiles(
      dir,
      { ...appendModeParam(demoTree()), [REPO_CONFIG_PATH]: JSON.stringify({ ignore: [IGNORE] }) },
      'self-ignore',
    );
    const report = await runCheck({ repo: dir, base, head, config: AT_BASE });
    expect(report.verdict).toBe('fail');
    expect(report.versions.schema.status).toBe('missing');
    expect(report.ignored).toEqual([]);
    expect(report.config).toBeUndefined();
  });

  it('the same ignore in the base configuration applies and is listed with its reason; the work tree is not read', async () => {
    const { dir, base } = demoRepo({ ...demoTree(), [REPO_CONFIG_PATH]: JSON.stringify({ ignore: [IGNORE] }) });
    const head = commitFiles(dir, appendModeParam(demoTree()), 'change');
    // A work-tree configuration that would drop the ignore again.
    mkdirSync(path.join(dir, '.github'), { recursive: true });
    writeFileSync(path.join(dir, REPO_CONFIG_PATH), '{}');
    const report = await runCheck({ repo: dir, base, head, config: AT_BASE });
    expect(report.config).toBe(`${REPO_CONFIG_PATH} @ ${base.slice(0, 12)}`);
    expect(report.findings).toEqual([]);
    expect(report.ignored).toEqual([
      expect.objectContaining({ rule: IGNORE.rule, symbol: IGNORE.symbol, ignore: { reason: IGNORE.reason } }),
    ]);
    expect(report.verdict).toBe('pass');
  });

  it('an explicit path is read at the base too, and one that is not there is an error', async () => {
    const { dir, base } = demoRepo({
      ...demoTree(),
      'ci/semver.json': JSON.stringify({ rules: { 'event-param-appended': 'off' } }),
    });
    const head = commitFiles(dir, appendModeParam(demoTree()), 'change');
    const report = await runCheck({
      repo: dir,
      base,
      head,
      config: { ...AT_BASE, path: 'ci/semver.json', required: true },
    });
    expect(report).toMatchObject({ verdict: 'pass', config: `ci/semver.json @ ${base.slice(0, 12)}`, findings: [] });
    expect(report.versions.schema.required).toBe('none');
    await expect(
      runCheck({ repo: dir, base, head, config: { ...AT_BASE, path: 'nope.json', required: true } }),
    ).rejects.toThrow(`configuration nope.json @ ${base.slice(0, 12)}: no such file`);
  });
});

describe('configuration', () => {
  it('configuredRules turns a rule off or changes its bump, and refuses an unknown rule', () => {
    expect(configuredRules()).toEqual(RULES);
    const rules = configuredRules({ 'event-param-appended': 'off', 'ioctl-added': 'major' });
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id).filter((id) => id !== 'event-param-appended'));
    expect(rules.find((r) => r.id === 'ioctl-added')!.bump).toBe('major');
    expect(rules.find((r) => r.id === 'event-param-removed')).toBe(RULES.find((r) => r.id === 'event-param-removed'));
    expect(() => configuredRules({ 'no-such-rule': 'minor' })).toThrow("configuration: unknown rule 'no-such-rule'");
  });

  const finding = (over: Partial<Finding> = {}): Finding => ({
    rule: 'event-param-appended',
    symbol: 'PPME_SYSCALL_OPEN_X',
    governs: 'schema',
    bump: 'minor',
    kind: 'change',
    message: 'm',
    location: null,
    ...over,
  });

  it('applyModernProbeLevel: bundled turns modern-probe changes into notes that say what they would need; abi and other findings are untouched', () => {
    const probe = finding({
      rule: 'bpf-map-changed',
      governs: 'api',
      bump: 'major',
      scope: 'modern-probe',
      message: 'map m changed',
    });
    const invalid = finding({ scope: 'modern-probe', kind: 'invalid' });
    const plain = finding();
    expect(applyModernProbeLevel([probe, invalid, plain])).toEqual([probe, invalid, plain]);
    expect(applyModernProbeLevel([probe, plain], 'abi')).toEqual([probe, plain]);
    expect(applyModernProbeLevel([probe, invalid, plain], 'bundled')).toEqual([
      {
        ...probe,
        kind: 'note',
        bump: 'none',
        message: 'map m changed (modern probe bundled with libpman: not counted; it would need major)',
      },
      invalid,
      plain,
    ]);
  });

  const entry = (over: Partial<IgnoreEntry> = {}): IgnoreEntry => ({
    rule: 'event-param-appended',
    symbol: 'PPME_SYSCALL_OPEN_X',
    reason: 'accepted',
    ...over,
  });
  const SOURCE = '.github/driver-semver.json @ 0123456789ab';

  it('applyIgnores sets aside the findings an entry names, with its reason and expiry', () => {
    const f = finding();
    const other = finding({ symbol: 'PPME_SYSCALL_CLOSE_X' });
    const r = applyIgnores([f, other], [entry({ expires: '2030-01-01' })], '2029-12-31', SOURCE);
    expect(r.kept).toEqual([other]);
    expect(r.ignored).toEqual([{ ...f, ignore: { reason: 'accepted', expires: '2030-01-01' } }]);
    expect(r.warnings).toEqual([]);
    // Without an expiry, none is listed.
    expect(applyIgnores([f], [entry()], '2029-12-31', SOURCE).ignored).toEqual([
      { ...f, ignore: { reason: 'accepted' } },
    ]);
  });

  it('applyIgnores: an entry applies through its expiry day, then the finding counts again and a warning says so', () => {
    const f = finding();
    expect(applyIgnores([f], [entry({ expires: '2030-01-01' })], '2030-01-01', SOURCE).kept).toEqual([]);
    const after = applyIgnores([f], [entry({ expires: '2030-01-01' })], '2030-01-02', SOURCE);
    expect(after.kept).toEqual([f]);
    expect(after.ignored).toEqual([]);
    expect(after.warnings).toEqual([
      {
        path: SOURCE,
        message:
          'ignore of event-param-appended PPME_SYSCALL_OPEN_X expired on 2030-01-01: its finding counts again (reason was: accepted)',
        incomplete: false,
      },
    ]);
  });

  it('applyIgnores: an entry needs both rule and symbol to match, never sets aside a note, and one that matched nothing is a warning', () => {
    const note = finding({ kind: 'note' });
    const otherRule = finding({ rule: 'event-param-removed' });
    const r = applyIgnores([note, otherRule], [entry()], '2029-01-01', SOURCE);
    expect(r.kept).toEqual([note, otherRule]);
    expect(r.ignored).toEqual([]);
    expect(r.warnings).toEqual([
      {
        path: SOURCE,
        message:
          'ignore of event-param-appended PPME_SYSCALL_OPEN_X matched no finding: remove it from .github/driver-semver.json once it is no longer needed',
        incomplete: false,
      },
    ]);
  });

  it('sharedStructList adds configured structs after the defaults, without repeating a default', () => {
    const first = DEFAULT_SHARED_STRUCTS[0]!.name;
    expect(sharedStructList()).toEqual(DEFAULT_SHARED_STRUCTS);
    expect(sharedStructList([first, 'demo_stats'])).toEqual([
      ...DEFAULT_SHARED_STRUCTS,
      { name: 'demo_stats', why: 'listed in the configuration' },
    ]);
  });
});

describe('runCheck, clause by clause (docs/testing.md)', () => {
  it('compareSurfaces runs the rules it is given, the whole catalogue by default', async () => {
    const base = await surfaceOf(demoTree(), 'base');
    const changed = appendModeParam(demoTree());
    const head = await surfaceOf(changed, 'head');
    expect(compareSurfaces(base, head).findings).toEqual([
      expect.objectContaining({
        rule: 'event-param-appended',
        location: {
          path: 'driver/event_table.c',
          line: lineOf(changed['driver/event_table.c']!, '{"mode", PT_UINT32, PF_OCT}'),
        },
      }),
    ]);
    expect(compareSurfaces(base, head, { rules: [] })).toMatchObject({ findings: [], verdict: 'pass' });
  });

  it('names each revision in its warnings: the base by name when it is the merge-base, the work tree as such', async () => {
    const { dir, base } = demoRepo(oversized());
    const report = await runCheck({ repo: dir, base, worktree: true });
    expect(report.baseTip).toBeUndefined();
    expect(report.head).toEqual({ rev: 'worktree', commit: null });
    expect(report.warnings.map((w) => w.message.replace(/: it is .*/, ''))).toEqual([
      `could not read driver/flags_table.c at ${base}`,
      'could not read driver/flags_table.c at worktree',
    ]);
  });

  it('a base branch that moved since the fork: compared from the merge-base, named so, and both versions suggested from the tip', async () => {
    const { dir, base: fork } = demoRepo(oversized());
    runGit(dir, ['checkout', '-q', '-b', 'feature']);
    commitFiles(dir, { 'driver/NOTES': 'notes\n' }, 'notes');
    runGit(dir, ['checkout', '-q', 'master']);
    const tip = commitFiles(
      dir,
      { 'driver/API_VERSION': '3.2.0\n', 'driver/SCHEMA_VERSION': '2.5.0\n' },
      'bumps on master',
    );
    const report = await runCheck({ repo: dir, base: 'master', head: 'feature' });
    expect(report.base).toEqual({ rev: 'master', commit: fork });
    expect(report.baseTip).toEqual({ rev: 'master', commit: tip });
    expect(report.versions.api).toMatchObject({ status: 'ok', base: '3.1.0', baseTip: '3.2.0', suggested: '3.2.0' });
    expect(report.versions.schema).toMatchObject({ status: 'ok', base: '2.4.0', baseTip: '2.5.0', suggested: '2.5.0' });
    expect(report.warnings.map((w) => w.message.replace(/: it is .*/, ''))).toEqual([
      'could not read driver/flags_table.c at merge-base(master, feature)',
      'could not read driver/flags_table.c at feature',
    ]);
  });

  it('an ignore entry applies through its expiry day when the date is today', async () => {
    const { dir, base } = demoRepo();
    commitFiles(dir, appendModeParam(demoTree()), 'change');
    const today = new Date().toISOString().slice(0, 10);
    mkdirSync(path.join(dir, '.github'), { recursive: true });
    writeFileSync(
      path.join(dir, REPO_CONFIG_PATH),
      JSON.stringify({
        ignore: [{ rule: 'event-param-appended', symbol: 'PPME_SYSCALL_OPEN_X', reason: 'r', expires: today }],
      }),
    );
    const report = await runCheck({ repo: dir, base });
    expect(report.ignored).toHaveLength(1);
    expect(report.verdict).toBe('pass');
  });

  it('uncommitted surface files: the first five named, the rest counted; a warning, not an incomplete analysis', async () => {
    const { dir, base } = demoRepo();
    const add = (names: string[]) => {
      for (const n of names) writeFileSync(path.join(dir, 'driver', n), '/* new */\n');
    };
    add(['n1.h', 'n2.h', 'n3.h', 'n4.h', 'n5.h']);
    const five = await runCheck({ repo: dir, base });
    expect(five.warnings).toEqual([
      {
        path: 'driver/n1.h',
        message:
          'uncommitted changes to the driver surface are not compared (driver/n1.h, driver/n2.h, driver/n3.h, driver/n4.h, driver/n5.h): commit them, or run with --worktree to include them',
        incomplete: false,
      },
    ]);
    expect(five.verdict).toBe('pass');
    add(['n6.h', 'n7.h']);
    const seven = await runCheck({ repo: dir, base });
    expect(seven.warnings.map((w) => w.message)).toEqual([
      'uncommitted changes to the driver surface are not compared (driver/n1.h, driver/n2.h, driver/n3.h, driver/n4.h, driver/n5.h, and 2 more): commit them, or run with --worktree to include them',
    ]);
  });

  it('a staged rename names the new path only', async () => {
    const { dir, base } = demoRepo();
    runGit(dir, ['mv', 'driver/ppm_tp.h', 'driver/ppm_tp2.h']);
    const report = await runCheck({ repo: dir, base, head: 'HEAD' });
    expect(report.warnings).toEqual([]);
    const pending = await runCheck({ repo: dir, base });
    expect(pending.warnings.map((w) => w.message)).toEqual([
      'uncommitted changes to the driver surface are not compared (driver/ppm_tp2.h): commit them, or run with --worktree to include them',
    ]);
  });

  it('a bare repository has no uncommitted changes to report', async () => {
    const { dir, base } = demoRepo();
    commitFiles(dir, { 'driver/NOTES': 'notes\n' }, 'notes');
    const bare = path.join(tempDir(), 'libs.git');
    runGit(dir, ['clone', '-q', '--bare', dir, bare]);
    const report = await runCheck({ repo: bare, base });
    expect(report).toMatchObject({ warnings: [], verdict: 'pass' });
  });

  it('runCheck and readSurface close the repository, also when the check fails', async () => {
    const { dir, base } = demoRepo();
    const close = vi.spyOn(GitRepo.prototype, 'close');
    try {
      await runCheck({ repo: dir, base });
      expect(close).toHaveBeenCalledTimes(1);
      await expect(runCheck({ repo: dir, base, head: 'HEAD', worktree: true })).rejects.toThrow(
        '--head and --worktree cannot be used together',
      );
      expect(close).toHaveBeenCalledTimes(2);
      expect((await readSurface(dir, base)).versions.api?.version).toBe('3.1.0');
      expect(close).toHaveBeenCalledTimes(3);
    } finally {
      close.mockRestore();
    }
  });
});
