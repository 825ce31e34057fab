import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Throwaway git repositories: the embedded demo builds one, and the integration tests build
 * their before/after commits with the same two calls.
 */
function git(dir: string, args: string[], date?: string): string {
  const r = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      GIT_AUTHOR_NAME: 'driver-semver',
      GIT_AUTHOR_EMAIL: 'driver-semver@example.invalid',
      GIT_COMMITTER_NAME: 'driver-semver',
      GIT_COMMITTER_EMAIL: 'driver-semver@example.invalid',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${dir}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

export function initRepo(dir: string, branch = 'master'): void {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', branch]);
}

/** Writes (or, for null, deletes) files and commits them (at `date`, ISO, if given); returns the new commit id. */
export function commitFiles(dir: string, files: Record<string, string | null>, message: string, date?: string): string {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    if (content === null) rmSync(abs, { force: true });
    else {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message], date);
  return git(dir, ['rev-parse', 'HEAD']);
}

/** Every file below `root` as { relative path: content }. */
export function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (statSync(abs).isDirectory()) for (const name of readdirSync(abs)) walk(rel ? `${rel}/${name}` : name);
    else out[rel] = readFileSync(abs, 'utf8');
  };
  walk('');
  return out;
}

export function runGit(dir: string, args: string[]): string {
  return git(dir, args);
}
