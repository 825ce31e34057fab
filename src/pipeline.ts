import { InputError } from './errors.js';
import { runRules, RULES } from './rules/catalogue.js';
import type { Bump, Finding, Rule } from './rules/types.js';
import { GitRepo, type Snapshot } from './source/git.js';
import { buildSurface, FactsCache, readVersions } from './surface/build.js';
import { SURFACE_PREFIXES, VERSION_FILES } from './surface/files.js';
import type { Surface, Warning } from './surface/model.js';
import { DEFAULT_SHARED_STRUCTS, type SharedStruct } from './surface/shared-structs.js';
import type { CheckReport, VersionVerdict } from './verdict/types.js';
import { versionVerdict } from './verdict/verdict.js';

/** Per-rule configuration: a different bump, or 'off'. */
export type RuleOverrides = Record<string, Bump | 'off'>;

/**
 * How to count changes to the modern eBPF probe's maps, globals, structs and tail-call codes.
 * `abi` (default): like any driver/userspace boundary. `bundled`: the probe is compiled into
 * libpman (its skeleton is embedded), so probe and loader always come from one commit unless a
 * prebuilt skeleton is used (MODERN_BPF_SKEL_DIR); such findings become notes.
 */
export type ModernProbeLevel = 'abi' | 'bundled';

/** Applies the modern-probe level to findings. */
export function applyModernProbeLevel(findings: Finding[], level: ModernProbeLevel = 'abi'): Finding[] {
  if (level === 'abi') return findings;
  return findings.map((f) =>
    f.scope === 'modern-probe' && f.kind === 'change'
      ? { ...f, kind: 'note', bump: 'none', message: `${f.message} (modern probe bundled with libpman: not counted; it would need ${f.bump})` }
      : f,
  );
}

export interface CheckOptions {
  repo: string;
  /** What names the base (default: the upstream default branch). The comparison starts at its merge-base with head. */
  base?: string;
  head?: string;
  /** Compare against the work tree (uncommitted changes) instead of a head revision. */
  worktree?: boolean;
  overrides?: RuleOverrides;
  modernProbe?: ModernProbeLevel;
  /** Extra struct names whose layout is API (added to DEFAULT_SHARED_STRUCTS). */
  sharedStructs?: string[];
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
  opts: { rules?: Rule[]; baseTip?: Surface['versions'] | null; modernProbe?: ModernProbeLevel } = {},
): Pick<CheckReport, 'versions' | 'findings' | 'warnings' | 'verdict'> {
  const findings: Finding[] = applyModernProbeLevel(runRules(base, head, opts.rules ?? RULES), opts.modernProbe);
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
    const build = { sharedStructs: sharedStructList(opts.sharedStructs) };
    const [base, head] = await Promise.all([buildSurface(baseSnap, cache, build), buildSurface(headSnap, cache, build)]);
    let tipVersions: Surface['versions'] | null = null;
    if (baseTip !== mergeBase) {
      tipVersions = await readVersions(repo.snapshot(baseTip, Object.values(VERSION_FILES)));
    }
    const result = compareSurfaces(base, head, { rules: configuredRules(opts.overrides), baseTip: tipVersions, modernProbe: opts.modernProbe });
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

export function sharedStructList(extra: string[] = []): SharedStruct[] {
  return [...DEFAULT_SHARED_STRUCTS, ...extra.filter((n) => !DEFAULT_SHARED_STRUCTS.some((s) => s.name === n)).map((name) => ({ name, why: 'listed in the configuration' }))];
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
