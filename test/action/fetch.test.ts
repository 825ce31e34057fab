import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PullRequest } from '../../src/action/event.js';
import { ensurePullRequestCommits, hasCommit } from '../../src/action/fetch.js';
import { InputError } from '../../src/errors.js';
import { commitFiles, initRepo, runGit } from '../../src/source/scratch.js';
import { tmp } from './harness.js';

/** An origin with master (base) and a PR head only under refs/pull/3/head; each test gets its own checkout of master. */
let root: string;
let work: string;
let origin: string;
let base: string;
let head: string;
let n = 0;

beforeAll(() => {
  root = tmp('fetch');
  work = path.join(root, 'work');
  initRepo(work);
  base = commitFiles(work, { 'driver/API_VERSION': '1.0.0\n' }, 'base');
  runGit(work, ['checkout', '-q', '-b', 'pr']);
  head = commitFiles(work, { 'driver/API_VERSION': '1.1.0\n' }, 'head');
  runGit(work, ['checkout', '-q', 'master']);
  origin = path.join(root, 'origin.git');
  runGit(root, ['clone', '-q', '--bare', work, origin]);
  runGit(origin, ['update-ref', 'refs/pull/3/head', head]);
  runGit(origin, ['branch', '-D', 'pr']);
});

/** What actions/checkout leaves in a pull_request_target job: the base only (no hard links to origin's objects). */
function checkout(): string {
  const dir = path.join(root, `checkout-${n++}`);
  runGit(root, ['clone', '-q', '--no-local', origin, dir]);
  return dir;
}

const pr = (baseSha: string, headSha: string, baseRef: string | null = 'master'): PullRequest => ({
  number: 3,
  baseSha,
  headSha,
  baseRef,
  body: '',
});
const quiet = { info: () => undefined };

describe('ensurePullRequestCommits', () => {
  it('does nothing when both commits are there', () => {
    const log: string[] = [];
    ensurePullRequestCommits(work, pr(base, head), { info: (m) => log.push(m) });
    expect(log).toEqual([]);
  });

  it('fetches refs/pull/N/head into a private ref, without touching HEAD or the work tree', () => {
    const dir = checkout();
    const before = runGit(dir, ['rev-parse', 'HEAD']);
    expect(hasCommit(dir, head)).toBe(false);
    const log: string[] = [];
    ensurePullRequestCommits(dir, pr(base, head), { info: (m) => log.push(m) });
    expect(hasCommit(dir, head)).toBe(true);
    expect(log).toEqual(['driver-semver: fetching the PR head (refs/pull/3/head) as git objects']);
    expect(runGit(dir, ['rev-parse', 'refs/driver-semver/pull/3/head'])).toBe(head);
    expect(runGit(dir, ['rev-parse', 'HEAD'])).toBe(before);
    expect(runGit(dir, ['status', '--porcelain'])).toBe('');
  });

  it('the PR moved on since the event: the older head is still reachable from refs/pull/N/head', () => {
    const dir = checkout();
    runGit(work, ['checkout', '-q', 'pr']);
    const newer = commitFiles(work, { 'x.txt': 'x\n' }, 'newer');
    runGit(work, ['checkout', '-q', 'master']);
    runGit(work, ['push', '-q', origin, `+${newer}:refs/pull/3/head`]);
    ensurePullRequestCommits(dir, pr(base, head), quiet);
    expect(hasCommit(dir, head)).toBe(true);
  });

  it('fetches a missing base from its branch', () => {
    const dir = checkout();
    const newBase = commitFiles(work, { 'y.txt': 'y\n' }, 'base moved');
    runGit(work, ['push', '-q', origin, 'master']);
    const log: string[] = [];
    ensurePullRequestCommits(dir, pr(newBase, head), { info: (m) => log.push(m) });
    expect(hasCommit(dir, newBase)).toBe(true);
    expect(log).toContain('driver-semver: fetching the PR base (refs/heads/master) as git objects');
  });

  it('a commit origin does not have is one InputError naming what was tried', () => {
    const ghost = '1'.repeat(40);
    let err: unknown;
    try {
      ensurePullRequestCommits(checkout(), pr(base, ghost), quiet);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const msg = (err as Error).message;
    expect(msg).toMatch(
      /^cannot fetch the PR head commit 111111111111 from origin: refs\/pull\/3\/head: fetched, but 111111111111 is not in it \(the PR moved on\); 1{40}: /,
    );
    expect(msg).not.toContain('\n');
  });

  it('no origin remote: says to use actions/checkout', () => {
    expect(() => ensurePullRequestCommits(work, pr(base, '2'.repeat(40)), quiet)).toThrow(
      /has no 'origin' remote to fetch it from: check the repository out with actions\/checkout first$/,
    );
  });
});
