import { spawnSync } from 'node:child_process';
import { InputError } from '../errors.js';
import { firstLine } from '../source/git.js';
import type { PullRequest } from './event.js';

/**
 * Brings a PR's commits into the checkout as git objects only: nothing is checked out, nothing
 * from the PR is run. A `pull_request_target` job checks out the base; the PR head then is
 * missing, and this fetches `refs/pull/N/head` from the checkout's origin URL. git runs with an
 * argument array (never a shell), no prompts and no hooks.
 */

function git(dir: string, args: string[], timeoutMs = 10 * 60_000) {
  const r = spawnSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '' },
  });
  if (r.error) throw new InputError(`cannot run git: ${r.error.message}`);
  return { ok: r.status === 0, out: r.stdout.trim(), err: firstLine(r.stderr) };
}

export function isGitDir(dir: string): boolean {
  return git(dir, ['rev-parse', '--git-dir']).ok;
}

export function hasCommit(dir: string, sha: string): boolean {
  return git(dir, ['cat-file', '-e', `${sha}^{commit}`]).ok;
}

/** The URL the checkout fetched from. */
export function originUrl(dir: string): string | null {
  const r = git(dir, ['remote', 'get-url', 'origin']);
  return r.ok && r.out ? r.out : null;
}

export interface FetchLog {
  info(s: string): void;
}

/** Fetches `src` (a ref or commit id) from `url` into local ref `dst` (objects and one ref, no checkout). */
function fetchInto(dir: string, url: string, src: string, dst: string): { ok: boolean; err: string } {
  const r = git(dir, [
    'fetch',
    '--quiet',
    '--no-tags',
    '--no-recurse-submodules',
    '--no-write-fetch-head',
    '--',
    url,
    `+${src}:${dst}`,
  ]);
  return { ok: r.ok, err: r.err };
}

/**
 * Makes sure the PR's head and base commits are in `dir`; fetches what is missing. Throws an
 * InputError naming the commit and what was tried when it cannot.
 */
export function ensurePullRequestCommits(
  dir: string,
  pr: PullRequest,
  log: FetchLog,
  which: { base?: boolean } = {},
): void {
  const missing: Array<{ role: string; sha: string; sources: string[] }> = [];
  if (!hasCommit(dir, pr.headSha))
    missing.push({ role: 'head', sha: pr.headSha, sources: [`refs/pull/${pr.number}/head`, pr.headSha] });
  if (which.base !== false && !hasCommit(dir, pr.baseSha)) {
    missing.push({
      role: 'base',
      sha: pr.baseSha,
      sources: [...(pr.baseRef ? [`refs/heads/${pr.baseRef}`] : []), pr.baseSha],
    });
  }
  if (!missing.length) return;
  const url = originUrl(dir);
  if (!url) {
    throw new InputError(
      `the PR ${missing[0]!.role} commit ${missing[0]!.sha.slice(0, 12)} is not in ${dir} and it has no 'origin' remote to fetch it from: check the repository out with actions/checkout first`,
    );
  }
  for (const m of missing) {
    const tried: string[] = [];
    for (const src of m.sources) {
      log.info(`driver-semver: fetching the PR ${m.role} (${src}) as git objects`);
      const r = fetchInto(dir, url, src, `refs/driver-semver/pull/${pr.number}/${m.role}`);
      if (r.ok && hasCommit(dir, m.sha)) break;
      tried.push(`${src}: ${r.ok ? `fetched, but ${m.sha.slice(0, 12)} is not in it (the PR moved on)` : r.err}`);
    }
    if (!hasCommit(dir, m.sha)) {
      throw new InputError(
        `cannot fetch the PR ${m.role} commit ${m.sha.slice(0, 12)} from origin: ${tried.join('; ')}`,
      );
    }
  }
}
