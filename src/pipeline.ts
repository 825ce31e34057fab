import { InputError } from './errors.js';
import { runRules, RULES } from './rules/catalogue.js';
import type { Bump, Finding, Rule } from './rules/types.js';
import { GitRepo, type Snapshot } from './source/git.js';
import { buildSurface, FactsCache } from './surface/build.js';
import { SURFACE_PREFIXES, VERSION_FILES } from './surface/files.js';
import type { Surface, Warning } from './surface/model.js';
import type { CheckReport, VersionVerdict } from './verdict/types.js';
import { versionVerdict } from './verdict/verdict.js';

/** Per-rule configuration: a different bump, or 'off'. */
export type RuleOverrides = Record<string, Bump | 'off'>;

export interface CheckOptions {
  repo: string;
  /** What names the base (default: the upstream default branch). The comparison starts at its merge-base with head. */
  base?: string;
  head?: string;
  /** Compare against the work tree (uncommitted changes) instead of a head revision. */
  worktree?: boolean;
  overrides?: RuleOverrides;
}

/** The catalogue with configuration applied. */
export function configuredRules(overrides: RuleOverrides = {}): Rule[] {
  for (const id of Object.keys(overrides)) {
    if (!RULES.some((r) => r.id === id)) throw new InputError(`configuration: unknown rule '${id}' (see 'driver-semver explain --list')`);
  }
  return RULES.filter((r) => overrides[r.id] !== 'off').map((r) => {
    const o = overrides[r.id];
    return o && o !== 'off' ? { ...r, bump: o } : r;
  });
}

/** Compares two surfaces: findings, per-version verdicts, overall verdict. */
export function compareSurfaces(
  base: Surface,
  head: Surface,
  opts: { rules?: Rule[]; baseTip?: Surface['versions'] | null } = {},
): Pick<CheckReport, 'versions' | 'findings' | 'warnings' | 'verdict'> {
  const findings: Finding[] = runRules(base, head, opts.rules ?? RULES);
  const versions = {
    api: versionVerdict({ governs: 'api', base, head, findings, baseTipVersion: opts.baseTip?.api?.version ?? null }),
    schema: versionVerdict({ governs: 'schema', base, head, findings, baseTipVersion: opts.baseTip?.schema?.version ?? null }),
  };
  const warnings = dedupeWarnings([...base.warnings, ...head.warnings]);
  return { versions, findings, warnings, verdict: overallVerdict(Object.values(versions), warnings) };
}

export function overallVerdict(versions: VersionVerdict[], warnings: Warning[]): CheckReport['verdict'] {
  if (versions.some((v) => v.status !== 'ok' && v.status !== 'unexplained')) return 'fail';
  // Something we could not read, or a bump we cannot explain: never a silent pass.
  if (versions.some((v) => v.status === 'unexplained') || warnings.some((w) => w.incomplete)) return 'warn';
  return 'pass';
}

function dedupeWarnings(ws: Warning[]): Warning[] {
  const seen = new Set<string>();
  return ws.filter((w) => !seen.has(w.message) && seen.add(w.message));
}

/** The `check` command's whole pipeline: source → surface → rules → verdict. */
export async function runCheck(opts: CheckOptions): Promise<CheckReport> {
  const repo = GitRepo.open(opts.repo);
  try {
    if (opts.worktree && opts.head) throw new InputError('--head and --worktree cannot be used together');
    const headRev = opts.head ?? 'HEAD';
    const headCommit = repo.resolve(headRev, 'head revision');
    const baseRev = opts.base ?? repo.defaultBranch();
    const baseTip = repo.resolve(baseRev, 'base revision');
    // Compare from the merge-base, so changes merged to the base branch since the fork are not blamed on head.
    const mergeBase = repo.mergeBase(baseTip, headCommit);
    const cache = new FactsCache();
    const headSnap: Snapshot = opts.worktree ? await repo.worktreeSnapshot(SURFACE_PREFIXES) : repo.snapshot(headCommit, SURFACE_PREFIXES);
    headSnap.label = opts.worktree ? 'worktree' : headRev;
    const baseSnap = repo.snapshot(mergeBase, SURFACE_PREFIXES);
    baseSnap.label = mergeBase === baseTip ? baseRev : `merge-base(${baseRev}, ${headRev})`;
    const [base, head] = await Promise.all([buildSurface(baseSnap, cache), buildSurface(headSnap, cache)]);
    let tipVersions: Surface['versions'] | null = null;
    if (baseTip !== mergeBase) {
      const tip = await buildSurface(repo.snapshot(baseTip, Object.values(VERSION_FILES)), cache);
      tipVersions = tip.versions;
    }
    const result = compareSurfaces(base, head, { rules: configuredRules(opts.overrides), baseTip: tipVersions });
    return {
      reportVersion: 1,
      base: { rev: baseRev, commit: mergeBase },
      head: { rev: opts.worktree ? 'worktree' : headRev, commit: opts.worktree ? null : headCommit },
      ...(baseTip !== mergeBase ? { baseTip: { rev: baseRev, commit: baseTip } } : {}),
      ...result,
    };
  } finally {
    repo.close();
  }
}

/** The `surface` command: one revision's extracted surface. */
export async function readSurface(repoDir: string, rev: string): Promise<Surface> {
  const repo = GitRepo.open(repoDir);
  try {
    return await buildSurface(repo.snapshot(rev, SURFACE_PREFIXES));
  } finally {
    repo.close();
  }
}
