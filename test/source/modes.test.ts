/**
 * What is not a regular file is never read through: a version or surface file that is a
 * symbolic link or a submodule at a revision, or a link in the work tree. The check names the
 * file and the revision and does not pass.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/pipeline.js';
import { commitFiles, runGit } from '../../src/source/scratch.js';
import { demoTree } from '../helpers/surface.js';
import { tempDir, tempRepo } from '../helpers/repo.js';

const TODAY = '2026-01-01';

/** A repository holding the demo driver, and a head commit made by `change` (in the work tree, then staged, then `staged`). */
function repoWith(
  change: (dir: string) => void,
  staged: (dir: string) => void = () => undefined,
): { dir: string; base: string; head: string } {
  const dir = tempRepo();
  const base = commitFiles(dir, demoTree(), 'driver as released');
  change(dir);
  runGit(dir, ['add', '-A']);
  staged(dir);
  runGit(dir, ['commit', '-q', '-m', 'head']);
  return { dir, base, head: runGit(dir, ['rev-parse', 'HEAD']) };
}

/** Replaces a file by a symbolic link to `target` (relative to the link's directory). */
function link(dir: string, file: string, target: string): void {
  rmSync(path.join(dir, file));
  symlinkSync(target, path.join(dir, file));
}

describe('a symbolic link at a revision', () => {
  it('as the schema version file: not read through, the version is invalid', async () => {
    const r = repoWith((dir) => {
      mkdirSync(path.join(dir, 'elsewhere'));
      writeFileSync(path.join(dir, 'elsewhere/VERSION'), '9.0.0\n');
      link(dir, 'driver/SCHEMA_VERSION', '../elsewhere/VERSION');
    });
    const report = await runCheck({ repo: r.dir, base: r.base, head: r.head, today: TODAY });
    expect(report.verdict).toBe('fail');
    expect(report.versions.schema.head).not.toBe('9.0.0');
    expect(report.versions.schema.statuses).toContain('invalid');
    expect(JSON.stringify(report)).toContain('a symbolic link');
  });

  it('as a surface file: named with the revision, the analysis is incomplete and fails', async () => {
    const r = repoWith((dir) => {
      writeFileSync(path.join(dir, 'driver/real_event_table.c'), '/* anything */\n');
      link(dir, 'driver/event_table.c', 'real_event_table.c');
    });
    const report = await runCheck({ repo: r.dir, base: r.base, head: r.head, today: TODAY });
    expect(report.verdict).toBe('fail');
    const w = report.warnings.find((x) => x.path === 'driver/event_table.c');
    expect(w?.message).toMatch(
      /^driver\/event_table\.c at \S+ is a symbolic link: driver-semver does not read it through$/,
    );
    expect(w?.incomplete).toBe(true);
    // What the table defines is not compared (it was not read), rather than reported removed;
    // with --incomplete warn the check only warns.
    expect(report.findings).toEqual([]);
    const warned = await runCheck({ repo: r.dir, base: r.base, head: r.head, today: TODAY, incomplete: 'warn' });
    expect(warned.verdict).toBe('warn');
  });
});

describe('a submodule at a revision', () => {
  it('in place of a surface header: named, never read', async () => {
    const r = repoWith(
      (dir) => rmSync(path.join(dir, 'driver/ppm_tp.h')),
      // A gitlink entry: the commit of another repository, which this clone does not have.
      (dir) => runGit(dir, ['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},driver/ppm_tp.h`]),
    );
    const report = await runCheck({ repo: r.dir, base: r.base, head: r.head, today: TODAY });
    expect(report.verdict).toBe('fail');
    expect(report.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^driver\/ppm_tp\.h at \S+ is a submodule: driver-semver does not read it through$/),
    );
    // What the header defines is not compared (it was not read), rather than reported gone.
    expect(report.findings).toEqual([]);
  });
});

describe('--worktree', () => {
  it('never follows a link, in or out of the tree', async () => {
    const dir = tempRepo();
    const base = commitFiles(dir, demoTree(), 'driver as released');
    const outside = path.join(tempDir(), 'event_table.c');
    writeFileSync(outside, '/* outside the tree */\n');
    link(dir, 'driver/event_table.c', outside);
    link(dir, 'driver/flags_table.c', 'event_table.c');
    const report = await runCheck({ repo: dir, base, worktree: true, today: TODAY });
    expect(report.verdict).toBe('fail');
    const named = report.warnings
      .filter((w) => /is a symbolic link: driver-semver does not read it through/.test(w.message))
      .map((w) => w.path);
    expect(named.sort()).toEqual(['driver/event_table.c', 'driver/flags_table.c']);
  });
});
