import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { GitRepo, gitBlobId } from '../../src/source/git.js';
import { commitFiles, runGit } from '../../src/source/scratch.js';
import { buildSurface } from '../../src/surface/build.js';
import { SURFACE_PREFIXES } from '../../src/surface/files.js';
import { tempDir, tempRepo } from '../helpers/repo.js';
import { demoTree } from '../helpers/surface.js';

describe('GitRepo', () => {
  const dir = tempRepo();
  const c1 = commitFiles(dir, { 'driver/API_VERSION': '1.0.0\n', 'driver/a.c': 'int a;\n', 'other/x': 'x' }, 'one');
  const c2 = commitFiles(dir, { 'driver/API_VERSION': '1.1.0\n' }, 'two');

  it('resolves revisions to full commits and lists files below prefixes with blob ids', () => {
    const repo = GitRepo.open(dir);
    expect(repo.resolve('HEAD')).toBe(c2);
    expect(repo.resolve('HEAD~1')).toBe(c1);
    const files = repo.listFiles(c1, ['driver']);
    expect([...files.keys()].sort()).toEqual(['driver/API_VERSION', 'driver/a.c']);
    expect(files.get('driver/a.c')!.blob).toBe(gitBlobId(Buffer.from('int a;\n')));
    repo.close();
  });

  it('reads many blobs through one cat-file process, in order, and null for a missing blob', async () => {
    const repo = GitRepo.open(dir);
    const s1 = repo.snapshot(c1, ['driver']);
    const s2 = repo.snapshot(c2, ['driver']);
    const [a, b, c] = await Promise.all([
      s1.read('driver/API_VERSION'),
      s2.read('driver/API_VERSION'),
      s1.read('driver/a.c'),
    ]);
    expect(a!.toString()).toBe('1.0.0\n');
    expect(b!.toString()).toBe('1.1.0\n');
    expect(c!.toString()).toBe('int a;\n');
    expect(await repo.readBlob('0'.repeat(40))).toBeNull();
    expect(await s1.read('driver/none.c')).toBeNull();
    repo.close();
  });

  it('works on a bare clone', async () => {
    const bare = path.join(tempDir(), 'bare.git');
    runGit(dir, ['clone', '-q', '--bare', dir, bare]);
    const repo = GitRepo.open(bare);
    expect(repo.workTree).toBeNull();
    const s = repo.snapshot('HEAD', ['driver']);
    expect((await s.read('driver/API_VERSION'))!.toString()).toBe('1.1.0\n');
    await expect(repo.worktreeSnapshot(['driver'])).rejects.toThrow(/bare repository/);
    repo.close();
  });

  it('reads the work tree with uncommitted changes, hashed like git', async () => {
    const wt = tempRepo();
    commitFiles(wt, { 'driver/API_VERSION': '2.0.0\n' }, 'init');
    writeFileSync(path.join(wt, 'driver/API_VERSION'), '2.1.0\n');
    const repo = GitRepo.open(wt);
    const s = await repo.worktreeSnapshot(['driver']);
    expect((await s.read('driver/API_VERSION'))!.toString()).toBe('2.1.0\n');
    expect(s.files.get('driver/API_VERSION')!.blob).toBe(gitBlobId(Buffer.from('2.1.0\n')));
    repo.close();
  });

  it('finds the default branch and the merge-base', () => {
    const up = tempRepo();
    const base = commitFiles(up, { f: '1' }, 'base');
    runGit(up, ['checkout', '-q', '-b', 'feature']);
    const feat = commitFiles(up, { f: '2' }, 'feature');
    runGit(up, ['checkout', '-q', 'master']);
    commitFiles(up, { g: '1' }, 'master moves on');
    const clone = path.join(tempDir(), 'clone');
    runGit(up, ['clone', '-q', up, clone]);
    runGit(clone, ['checkout', '-q', 'feature']);
    const repo = GitRepo.open(clone);
    expect(repo.defaultBranch()).toBe('origin/master');
    expect(repo.mergeBase(repo.resolve('origin/master'), feat)).toBe(base);
    repo.close();
  });
});

describe('GitRepo errors are one line, exit code 2, and say how to fix them', () => {
  it('rejects a directory that is not a git repository', () => {
    const err = (() => {
      try {
        GitRepo.open(tempDir());
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err!.exitCode).toBe(2);
    expect(err!.message).toMatch(/^--repo .*: not a git repository/);
    expect(err!.message).not.toContain('\n');
  });

  it('names an unknown revision and the fetch to run', () => {
    const dir = tempRepo();
    commitFiles(dir, { f: '1' }, 'x');
    const repo = GitRepo.open(dir);
    expect(() => repo.resolve('no-such-branch', 'base revision')).toThrow(
      /unknown base revision 'no-such-branch' .*git fetch origin no-such-branch/,
    );
    expect(() => repo.resolve('--upload-pack=evil')).toThrow(/cannot start with '-'/);
    repo.close();
  });

  it('the fetch hint names the remote the ref belongs to', () => {
    const dir = tempRepo();
    commitFiles(dir, { f: '1' }, 'x');
    runGit(dir, ['remote', 'add', 'upstream', 'https://example.invalid/libs.git']);
    runGit(dir, ['remote', 'add', 'up/stream', 'https://example.invalid/other.git']);
    const repo = GitRepo.open(dir);
    expect(() => repo.resolve('upstream/release/0.20.x', 'base revision')).toThrow(
      /run 'git fetch upstream release\/0\.20\.x' if it exists upstream$/,
    );
    expect(() => repo.resolve('up/stream/x')).toThrow(/'git fetch up\/stream x'/);
    expect(() => repo.resolve('mine/x')).toThrow(/'git fetch origin mine\/x'/);
    repo.close();
  });

  it('in a shallow clone, says to deepen or unshallow when the base is missing', () => {
    const up = tempRepo();
    commitFiles(up, { f: '1' }, 'a');
    const mid = commitFiles(up, { f: '2' }, 'b');
    commitFiles(up, { f: '3' }, 'c');
    const shallow = path.join(tempDir(), 'shallow');
    runGit(up, ['clone', '-q', '--depth', '1', `file://${up}`, shallow]);
    const repo = GitRepo.open(shallow);
    expect(repo.isShallow()).toBe(true);
    expect(() => repo.resolve(mid)).toThrow(/shallow clone: run 'git fetch --unshallow'/);
    repo.close();
  });

  it('in a shallow clone without the fork point, says to deepen or unshallow (merge-base)', () => {
    const up = tempRepo();
    commitFiles(up, { f: '1' }, 'fork point');
    runGit(up, ['checkout', '-q', '-b', 'feature']);
    commitFiles(up, { f: '2' }, 'feature');
    runGit(up, ['checkout', '-q', 'master']);
    commitFiles(up, { g: '1' }, 'master moves on');
    const shallow = path.join(tempDir(), 'shallow2');
    runGit(up, ['clone', '-q', '--depth', '1', '--no-single-branch', `file://${up}`, shallow]);
    const repo = GitRepo.open(shallow);
    const err = (() => {
      try {
        repo.mergeBase(repo.resolve('origin/master'), repo.resolve('origin/feature'));
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err!.message).toMatch(
      /the clone is shallow; run 'git fetch --deepen=200' or 'git fetch --unshallow' \(actions\/checkout: fetch-depth: 0\)$/,
    );
    repo.close();
  });

  it('when no default branch can be found, asks for --base', () => {
    const dir = tempRepo('trunk');
    commitFiles(dir, { f: '1' }, 'x');
    const repo = GitRepo.open(dir);
    expect(() => repo.defaultBranch()).toThrow(/pass --base REV/);
    repo.close();
  });
});

/** Commits `paths` of the work tree and a gitlink (`160000,<commit>,<path>`, a submodule with no checkout). */
function commitIndex(dir: string, paths: string[], gitlink: string): string {
  runGit(dir, ['add', '--', ...paths]);
  runGit(dir, ['update-index', '--add', '--cacheinfo', gitlink]);
  runGit(dir, ['commit', '-q', '-m', 'link and submodule']);
  return runGit(dir, ['rev-parse', 'HEAD']);
}

describe('symbolic links and submodules are listed as such, never read through', () => {
  /** A repository whose driver/ holds a link to a file outside the tree and a submodule (a gitlink). */
  function repoWithLinks() {
    const dir = tempRepo();
    const outside = path.join(tempDir(), 'secret.h');
    writeFileSync(outside, '#define SECRET 1\n');
    commitFiles(dir, { 'driver/a.h': '#define A 1\n' }, 'one');
    symlinkSync(outside, path.join(dir, 'driver/link.h'));
    const sub = commitFiles(tempRepo(), { f: '1' }, 'sub');
    const commit = commitIndex(dir, ['driver/link.h'], `160000,${sub},driver/sub`);
    return { dir, outside, sub, commit };
  }

  it('ls-tree modes: 120000 for a link (its blob is the target path), 160000 for a submodule (its commit)', () => {
    const { dir, outside, sub, commit } = repoWithLinks();
    const repo = GitRepo.open(dir);
    const files = repo.listFiles(commit, ['driver']);
    expect(files.get('driver/a.h')).toEqual({
      path: 'driver/a.h',
      blob: gitBlobId(Buffer.from('#define A 1\n')),
      size: 12,
    });
    expect(files.get('driver/link.h')).toMatchObject({ mode: '120000', blob: gitBlobId(Buffer.from(outside)) });
    expect(files.get('driver/sub')).toMatchObject({ mode: '160000', blob: sub });
    repo.close();
  });

  it('the surface refuses to read a surface file that is a link or a submodule, and says so', async () => {
    const dir = tempRepo();
    const outside = path.join(tempDir(), 'events.h');
    writeFileSync(outside, demoTree()['driver/ppm_events_public.h']!);
    const tree = demoTree();
    delete tree['driver/ppm_events_public.h'];
    // An entry of g_event_info taken from an included file, which is a link too.
    tree['driver/event_table.c'] = tree['driver/event_table.c']!.replace(
      '        [PPME_SYSCALL_CLOSE_X] =',
      '#include "close_x.inc"\n        [PPME_SYSCALL_CLOSE_X] =',
    );
    commitFiles(dir, tree, 'driver');
    symlinkSync(outside, path.join(dir, 'driver/ppm_events_public.h'));
    symlinkSync(outside, path.join(dir, 'driver/close_x.inc'));
    const sub = commitFiles(tempRepo(), { f: '1' }, 'sub');
    const commit = commitIndex(
      dir,
      ['driver/ppm_events_public.h', 'driver/close_x.inc'],
      `160000,${sub},driver/ppm_fillers.c`,
    );
    const repo = GitRepo.open(dir);
    const s = await buildSurface(repo.snapshot(commit, SURFACE_PREFIXES));
    repo.close();
    const about = (p: string) => s.warnings.filter((w) => w.path === p).map((w) => [w.message, w.incomplete]);
    expect(about('driver/ppm_events_public.h')).toContainEqual([
      `driver/ppm_events_public.h at ${commit} is a symbolic link: driver-semver does not read it through`,
      true,
    ]);
    expect(about('driver/ppm_fillers.c')).toEqual([
      [`driver/ppm_fillers.c at ${commit} is a submodule: driver-semver does not read it through`, true],
    ]);
    expect(about('driver/close_x.inc')).toContainEqual([
      `driver/close_x.inc at ${commit} is a symbolic link: driver-semver does not read it through`,
      true,
    ]);
    expect(s.warnings.map((w) => w.message)).toContain(
      `driver/close_x.inc, included inside g_event_info, cannot be read (at ${commit})`,
    );
    // Nothing of the file the link points to was read.
    expect(s.eventCodes).toEqual({});
  });

  it('worktreeSnapshot lists a link with the blob git gives it and never follows it, to a file or a directory', async () => {
    const { dir, commit } = repoWithLinks();
    const outDir = tempDir();
    mkdirSync(path.join(outDir, 'deep'));
    writeFileSync(path.join(outDir, 'deep', 'x.h'), 'int x;\n');
    symlinkSync(outDir, path.join(dir, 'driver/linked_dir'));
    const repo = GitRepo.open(dir);
    const s = await repo.worktreeSnapshot(['driver']);
    expect(s.files.get('driver/link.h')).toEqual({
      path: 'driver/link.h',
      blob: repo.listFiles(commit, ['driver']).get('driver/link.h')!.blob,
      mode: '120000',
    });
    expect(await s.read('driver/link.h')).toBeNull();
    expect(s.files.get('driver/linked_dir')).toEqual({
      path: 'driver/linked_dir',
      blob: gitBlobId(Buffer.from(outDir)),
      mode: '120000',
    });
    expect([...s.files.keys()].filter((p) => p.startsWith('driver/linked_dir/'))).toEqual([]);
    expect(s.files.get('driver/a.h')).toMatchObject({ blob: gitBlobId(Buffer.from('#define A 1\n')) });
    repo.close();
  });
});
