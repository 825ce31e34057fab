import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { GitRepo, gitBlobId } from '../../src/source/git.js';
import { commitFiles, runGit } from '../../src/source/scratch.js';
import { tempDir, tempRepo } from '../helpers/repo.js';

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
    const [a, b, c] = await Promise.all([s1.read('driver/API_VERSION'), s2.read('driver/API_VERSION'), s1.read('driver/a.c')]);
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
    expect(() => repo.resolve('no-such-branch', 'base revision')).toThrow(/unknown base revision 'no-such-branch' .*git fetch origin no-such-branch/);
    expect(() => repo.resolve('--upload-pack=evil')).toThrow(/cannot start with '-'/);
    repo.close();
  });

  it('the fetch hint names the remote the ref belongs to', () => {
    const dir = tempRepo();
    commitFiles(dir, { f: '1' }, 'x');
    runGit(dir, ['remote', 'add', 'upstream', 'https://example.invalid/libs.git']);
    runGit(dir, ['remote', 'add', 'up/stream', 'https://example.invalid/other.git']);
    const repo = GitRepo.open(dir);
    expect(() => repo.resolve('upstream/release/0.20.x', 'base revision')).toThrow(/run 'git fetch upstream release\/0\.20\.x' if it exists upstream$/);
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
    expect(err!.message).toMatch(/the clone is shallow; run 'git fetch --deepen=200' or 'git fetch --unshallow' \(actions\/checkout: fetch-depth: 0\)$/);
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
