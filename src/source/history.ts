import { SUBMODULE_MODE, type GitRepo } from './git.js';

/**
 * The history the audit and release commands read: one first-parent log with the changed
 * paths, the tags, ancestry. Read-only, through GitRepo's one git runner.
 */

/** One path a commit changed: the new blob, or null when the path was deleted (or is not a file). */
export interface PathChange {
  path: string;
  blob: string | null;
}

export interface LogCommit {
  commit: string;
  parents: string[];
  /** Committer date, seconds since the epoch. */
  date: number;
  subject: string;
  /** Changes (against the first parent) below the requested prefixes only. */
  changes: PathChange[];
}

const HEADER = /^\n?\x01([0-9a-f]{40,64})((?: [0-9a-f]{40,64})*)\x02(\d+)\x02(.*)$/s;
const RAW = /^\n?:(\d{6}) (\d{6}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([A-Z])\d*$/;
const NULL_OID = /^0+$/;

/**
 * Every first-parent commit of `from..to`, oldest first, with the paths below `prefixes` each
 * changed: ONE `git log`. `--sparse --full-history` keeps the commits that touch none of the
 * prefixes (needed for grouping) while `--raw` still lists only the paths below them.
 */
export function firstParentChanges(repo: GitRepo, from: string, to: string, prefixes: string[]): LogCommit[] {
  const out = repo.run([
    'log',
    '-z',
    '--first-parent',
    '--diff-merges=first-parent',
    '--sparse',
    '--full-history',
    '--reverse',
    '--raw',
    '--no-renames',
    '--no-abbrev',
    '--no-color',
    '--format=%x01%H %P%x02%ct%x02%s',
    `${from}..${to}`,
    '--',
    ...prefixes,
  ]);
  const commits: LogCommit[] = [];
  const tokens = out.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok === '' || tok === '\n') continue;
    const raw = RAW.exec(tok);
    const current = commits[commits.length - 1];
    if (raw && current) {
      // The path is the next token (-z); a subject can never sit here, so no confusion.
      const p = tokens[++i] ?? '';
      const [, , newMode, , newBlob] = raw;
      // Deleted (null id), or a submodule/gitlink (160000): not a file of the tree.
      const isFile = !NULL_OID.test(newBlob!) && newMode !== SUBMODULE_MODE;
      current.changes.push({ path: p, blob: isFile ? newBlob! : null });
      continue;
    }
    const h = HEADER.exec(tok);
    if (!h) throw new Error(`unexpected git log output near '${tok.slice(0, 60)}'`);
    commits.push({
      commit: h[1]!,
      parents: h[2]!.trim() ? h[2]!.trim().split(' ') : [],
      date: Number(h[3]),
      subject: h[4]!,
      changes: [],
    });
  }
  return commits;
}

export interface TagRef {
  name: string;
  /** The tagged object, peeled (an annotated tag's commit). */
  target: string;
}

/** Every tag of the repository, annotated ones peeled to what they tag. */
export function listTags(repo: GitRepo): TagRef[] {
  const out = repo.run(['for-each-ref', '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)', 'refs/tags']);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name, obj, peeled] = line.split('\0');
      return { name: name!, target: peeled || obj! };
    });
}

/** Tags that are ancestors of (or at) `commit`. */
export function tagsMergedInto(repo: GitRepo, commit: string, pattern: string): string[] {
  return repo.run(['tag', '--list', '--merged', commit, pattern]).split('\n').filter(Boolean);
}

export function isAncestor(repo: GitRepo, ancestor: string, descendant: string): boolean {
  return repo.run(['merge-base', '--is-ancestor', ancestor, descendant], true) !== null;
}
