import { loadConfig, type ConfigSource, type IgnoreEntry, type IncompletePolicy } from './config/config.js';
import { InputError } from './errors.js';
import { runRules, RULES } from './rules/catalogue.js';
import type { Bump, Finding, Rule } from './rules/types.js';
import { GitRepo, type Snapshot } from './source/git.js';
import { FactsPool } from './history/facts-pool.js';
import { buildSurface, FactsCache, readVersions } from './surface/build.js';
import { comparable } from './surface/comparable.js';
import { SURFACE_PREFIXES } from './surface/files.js';
import type { Surface, Warning } from './surface/model.js';
import { DEFAULT_SHARED_STRUCTS, type SharedStruct } from './surface/shared-structs.js';
import type { CheckReport, IgnoredFinding, VersionVerdict } from './verdict/types.js';
import { versionVerdict } from './verdict/verdict.js';
import { dedupe, VERSION_FILES } from './vocabulary.js';

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
      ? {
          ...f,
          kind: 'note',
          bump: 'none',
          message: `${f.message} (modern probe bundled with libpman: not counted; it would need ${f.bump})`,
        }
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
  /**
   * Where the configuration comes from. Default: the repository's own, from the work tree when
   * there is one, else at the base revision (a bare clone).
   */
  config?: ConfigSource;
  /** Today (YYYY-MM-DD), for `ignore` expiry; default: the current UTC date. */
  today?: string;
  /** What an incomplete analysis does (`--incomplete`); default: the configuration's, else `fail`. */
  incomplete?: IncompletePolicy;
  /** 0: parse on this thread (default: worker threads on spare cores, from three cores up; none without the bundle). */
  workers?: 0;
  /** The bundle workers run (default: dist/lib.js beside this module). */
  workerScript?: string | null;
}

/** The catalogue with configuration applied. */
export function configuredRules(overrides: RuleOverrides = {}): Rule[] {
  for (const id of Object.keys(overrides)) {
    if (!RULES.some((r) => r.id === id))
      throw new InputError(`configuration: unknown rule '${id}' (see 'driver-semver explain --list')`);
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
  opts: {
    rules?: Rule[];
    baseTip?: Surface['versions'] | null;
    modernProbe?: ModernProbeLevel;
    incomplete?: IncompletePolicy;
  } = {},
): Pick<CheckReport, 'versions' | 'findings' | 'warnings' | 'verdict'> {
  const { findings, warnings } = findingsOf(base, head, opts.rules ?? RULES, opts.modernProbe);
  return judge(base, head, findings, opts.baseTip ?? null, opts.incomplete, warnings);
}

/**
 * The findings of the rules over what the two surfaces can be compared on (surface/comparable.ts),
 * the modern-probe level applied, and the warnings about what they could not be compared on.
 */
function findingsOf(
  base: Surface,
  head: Surface,
  rules: Rule[],
  modernProbe?: ModernProbeLevel,
): { findings: Finding[]; warnings: Warning[] } {
  const c = comparable(base, head);
  return { findings: applyModernProbeLevel(runRules(c.base, c.head, rules), modernProbe), warnings: c.warnings };
}

/**
 * The overall verdict. A file the surface could not read or decide is never a pass: it fails
 * (or, with the `incomplete: warn` policy, warns); a bump nothing explains warns.
 */
export function overallVerdict(
  versions: VersionVerdict[],
  warnings: Warning[],
  incomplete: IncompletePolicy = 'fail',
): CheckReport['verdict'] {
  const partial = warnings.some((w) => w.incomplete);
  if (versions.some((v) => v.status !== 'ok' && v.status !== 'unexplained') || (partial && incomplete === 'fail'))
    return 'fail';
  if (versions.some((v) => v.status === 'unexplained') || partial) return 'warn';
  return 'pass';
}

/**
 * Applies the configuration's `ignore` entries: a finding whose rule and symbol an entry names
 * is set aside (listed with the entry's reason, not counted). An expired entry no longer
 * applies, and an entry that matched nothing is a warning: both say so.
 */
export function applyIgnores(
  findings: Finding[],
  ignore: IgnoreEntry[],
  today: string,
  source: string,
): { kept: Finding[]; ignored: IgnoredFinding[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const live = ignore.filter((e) => {
    if (!e.expires || e.expires >= today) return true;
    warnings.push({
      path: source,
      message: `ignore of ${e.rule} ${e.symbol} expired on ${e.expires}: its finding counts again (reason was: ${e.reason})`,
      incomplete: false,
    });
    return false;
  });
  const used = new Set<IgnoreEntry>();
  const kept: Finding[] = [];
  const ignored: IgnoredFinding[] = [];
  for (const f of findings) {
    const entry = live.find((e) => e.rule === f.rule && e.symbol === f.symbol);
    if (!entry || f.kind === 'note') kept.push(f);
    else {
      used.add(entry);
      ignored.push({ ...f, ignore: { reason: entry.reason, ...(entry.expires ? { expires: entry.expires } : {}) } });
    }
  }
  for (const e of live) {
    if (!used.has(e))
      warnings.push({
        path: source,
        message: `ignore of ${e.rule} ${e.symbol} matched no finding: remove it from ${source.split(' @ ')[0]} once it is no longer needed`,
        incomplete: false,
      });
  }
  return { kept, ignored, warnings };
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
    // The repository's configuration is the base's: a change cannot configure its own check.
    const { config, source } = loadConfig(
      opts.config ?? { kind: 'repository', at: repo.workTree ? 'worktree' : 'revision' },
      repo,
      baseTip,
    );
    const cache = new FactsCache();
    const headSnap: Snapshot = opts.worktree
      ? await repo.worktreeSnapshot(SURFACE_PREFIXES)
      : repo.snapshot(headCommit, SURFACE_PREFIXES);
    headSnap.label = opts.worktree ? 'worktree' : headRev;
    const baseSnap = repo.snapshot(mergeBase, SURFACE_PREFIXES);
    baseSnap.label = mergeBase === baseTip ? baseRev : `merge-base(${baseRev}, ${headRev})`;
    const build = { sharedStructs: sharedStructList(config.sharedStructs) };
    // Both revisions' blobs are parsed on the spare cores while this thread reads them from git.
    const pool =
      opts.workers === 0
        ? null
        : await FactsPool.forSnapshots(cache, [baseSnap, headSnap], { script: opts.workerScript });
    let base: Surface;
    let head: Surface;
    try {
      [base, head] = await Promise.all([buildSurface(baseSnap, cache, build), buildSurface(headSnap, cache, build)]);
    } finally {
      await pool?.close();
    }
    let tipVersions: Surface['versions'] | null = null;
    if (baseTip !== mergeBase) {
      tipVersions = await readVersions(repo.snapshot(baseTip, Object.values(VERSION_FILES)));
    }
    const { findings, warnings: unjudged } = findingsOf(base, head, configuredRules(config.rules), config.modernProbe);
    const ig = applyIgnores(
      findings,
      config.ignore ?? [],
      opts.today ?? new Date().toISOString().slice(0, 10),
      source ?? 'configuration',
    );
    const onIncomplete = opts.incomplete ?? config.incomplete ?? 'fail';
    const result = judge(base, head, ig.kept, tipVersions, onIncomplete, unjudged);
    // Uncommitted edits to the surface are not in HEAD: say so rather than pass them over in silence.
    const pending = !opts.worktree && !opts.head ? uncommittedSurfaceChanges(repo) : [];
    const extra: Warning[] = [...ig.warnings];
    if (pending.length) {
      const shown = pending.slice(0, 5).join(', ') + (pending.length > 5 ? `, and ${pending.length - 5} more` : '');
      extra.push({
        path: pending[0]!,
        message: `uncommitted changes to the driver surface are not compared (${shown}): commit them, or run with --worktree to include them`,
        incomplete: false,
      });
    }
    return {
      reportVersion: 1,
      base: { rev: baseRev, commit: mergeBase },
      head: { rev: opts.worktree ? 'worktree' : headRev, commit: opts.worktree ? null : headCommit },
      ...(baseTip !== mergeBase ? { baseTip: { rev: baseRev, commit: baseTip } } : {}),
      ...(source ? { config: source } : {}),
      ...result,
      warnings: [...result.warnings, ...extra],
      ignored: ig.ignored,
      onIncomplete,
    };
  } finally {
    repo.close();
  }
}

/** Versions, warnings and verdict from findings already configured (rule levels, modern probe, ignores). */
function judge(
  base: Surface,
  head: Surface,
  findings: Finding[],
  baseTip: Surface['versions'] | null,
  incomplete?: IncompletePolicy,
  unjudged: Warning[] = [],
): Pick<CheckReport, 'versions' | 'findings' | 'warnings' | 'verdict'> {
  const versions = {
    api: versionVerdict({ governs: 'api', base, head, findings, baseTipVersion: baseTip?.api?.version ?? null }),
    schema: versionVerdict({
      governs: 'schema',
      base,
      head,
      findings,
      baseTipVersion: baseTip?.schema?.version ?? null,
    }),
  };
  const warnings = dedupe([...base.warnings, ...head.warnings, ...unjudged], (w) => w.message);
  return { versions, findings, warnings, verdict: overallVerdict(Object.values(versions), warnings, incomplete) };
}

/** Surface paths with uncommitted changes (untracked files included); none in a bare repository. */
function uncommittedSurfaceChanges(repo: GitRepo): string[] {
  if (!repo.workTree) return [];
  const out =
    repo.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...SURFACE_PREFIXES], true) ?? '';
  return out
    .split('\0')
    .filter((rec) => rec.length > 3 && rec[2] === ' ')
    .map((rec) => rec.slice(3));
}

export function sharedStructList(extra: string[] = []): SharedStruct[] {
  return [
    ...DEFAULT_SHARED_STRUCTS,
    ...extra
      .filter((n) => !DEFAULT_SHARED_STRUCTS.some((s) => s.name === n))
      .map((name) => ({ name, why: 'listed in the configuration' })),
  ];
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
