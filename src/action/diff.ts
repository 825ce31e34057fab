import { GitRepo } from '../source/git.js';

/**
 * Lines of a file a review comment may sit on: GitHub accepts a review comment only on a line
 * of the PR diff (a hunk of `git diff merge-base head`, context lines included).
 */
export function diffHunks(
  repoDir: string,
  base: string,
  head: string,
  paths: string[],
): Map<string, Array<[number, number]>> {
  const out = new Map<string, Array<[number, number]>>();
  if (!paths.length) return out;
  const repo = GitRepo.open(repoDir);
  try {
    const text =
      repo.run(['diff', '--no-color', '--no-ext-diff', '--unified=3', base, head, '--', ...paths], true) ?? '';
    let file: string | null = null;
    for (const line of text.split('\n')) {
      if (line.startsWith('+++ ')) file = line === '+++ /dev/null' ? null : line.slice(4).replace(/^b\//, '');
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (m && file) {
        const start = Number(m[1]);
        const count = m[2] === undefined ? 1 : Number(m[2]);
        if (count > 0) out.set(file, [...(out.get(file) ?? []), [start, start + count - 1]]);
      }
    }
  } finally {
    repo.close();
  }
  return out;
}

export function inHunks(hunks: Map<string, Array<[number, number]>>, path: string, line: number): boolean {
  return (hunks.get(path) ?? []).some(([a, b]) => line >= a && line <= b);
}
