import { InputError } from '../errors.js';
import { compareSurfaces, sharedStructList, type ModernProbeLevel } from '../pipeline.js';
import type { Finding, Governs, Rule } from '../rules/types.js';
import { GitRepo, type FileEntry, type Snapshot } from '../source/git.js';
import { buildSurface, codeKernel, FactsCache, kernelRanges, readDeclarations } from '../surface/build.js';
import type { Surface, VersionFile, Warning } from '../surface/model.js';
import type { Status } from '../verdict/types.js';
import { bumpAtLeast } from '../verdict/verdict.js';
import { dedupe, FAILING_STATUSES, GOVERNS, VERSION_FILES, VERSION_LABEL } from '../vocabulary.js';
import { assessVersion } from './assess.js';
import { firstParentChanges, isAncestor, tagsMergedInto, type LogCommit } from '../source/history.js';
import { FactsPool } from './facts-pool.js';
import { fileKind, fileKinds, isSurfacePath, SURFACE_PREFIXES, treeTraits } from '../surface/files.js';
import { compareTags, parseDriverTag } from './tags.js';
import type { AuditGroup, AuditReport, AuditVersion, AuditWindow, GroupStatus, Grouping } from './types.js';

export interface AuditOptions {
  repo: string;
  /** Default: the highest `*+driver` tag in --to's history. */
  from?: string;
  to?: string;
  group?: Grouping;
  rules?: Rule[];
  modernProbe?: ModernProbeLevel;
  /** Extra struct names whose layout is API (configuration). */
  sharedStructs?: string[];
  /** Worker threads that parse ahead (default: one per spare core, none without the bundle; 0: parse on this thread). */
  workers?: number;
  /** The bundle workers run (default: dist/lib.js beside this module). */
  workerScript?: string | null;
  /** Called after each group; the CLI draws its progress bar from it. */
  onProgress?: (done: number, total: number) => void;
}

/** Worst first: a group's status is the first of these any of its versions has. */
export const STATUS_SEVERITY: GroupStatus[] = [
  'invalid',
  'decreased',
  'wrong-file',
  'missing',
  'too-small',
  'not-one-step',
  'too-large',
  'unexplained',
  'late',
  'catch-up',
  'incomplete',
  'ok',
];
/** Statuses that make the audit fail (exit 1); the others only warn. */
export const FAILING: ReadonlySet<GroupStatus> = new Set<GroupStatus>([...FAILING_STATUSES, 'wrong-file']);

/** Consecutive first-parent commits with one committer date form one pull request (libs rebase-merges). */
export function groupCommits<T extends { date: number }>(commits: T[], by: Grouping): T[][] {
  const groups: T[][] = [];
  for (const c of commits) {
    const last = groups[groups.length - 1];
    if (by === 'committer-date' && last && last[last.length - 1]!.date === c.date) last.push(c);
    else groups.push([c]);
  }
  return groups;
}

/** The highest driver tag in `commit`'s history, other than one on `commit` itself. */
function lastDriverTag(repo: GitRepo, commit: string, rev: string): string {
  const tags = tagsMergedInto(repo, commit, '*+driver')
    .map(parseDriverTag)
    .filter((t) => t !== null)
    .sort(compareTags)
    .reverse();
  for (const t of tags) if (repo.resolve(`refs/tags/${t.name}`, 'tag') !== commit) return t.name;
  throw new InputError(`--from is needed: no *+driver tag is in the history of ${rev}`);
}

function versionKey(v: VersionFile | null): string {
  return v ? (v.version ?? `raw:${v.raw}`) : 'missing';
}

function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

interface WindowStart {
  surface: Surface;
  group: number | null;
  commit: string;
  changedBy: number[];
}

/**
 * Walks the first-parent history from --from to --to and judges every group (pull request)
 * and every window between two bumps of a version file. Only groups that change a surface
 * file are rebuilt (from the blobs the log names, one shared FactsCache), the others have
 * their base's surface by construction.
 */
export async function runAudit(opts: AuditOptions): Promise<AuditReport> {
  const grouping = opts.group ?? 'committer-date';
  const repo = GitRepo.open(opts.repo);
  try {
    const toRev = opts.to ?? 'HEAD';
    const toCommit = repo.resolve(toRev, '--to revision');
    const fromRev = opts.from ?? lastDriverTag(repo, toCommit, toRev);
    const fromCommit = repo.resolve(fromRev, '--from revision');
    if (!isAncestor(repo, fromCommit, toCommit)) {
      throw new InputError(
        `--from ${fromRev} is not an ancestor of --to ${toRev}: the audit walks the first-parent history from one to the other`,
      );
    }
    const log = firstParentChanges(repo, fromCommit, toCommit, SURFACE_PREFIXES);
    // --from may sit on a merged side branch: the walk starts at the first-parent base of its first commit.
    const start = log[0]?.parents[0] ?? fromCommit;
    const chunks = groupCommits(log, grouping);
    const tree = repo.listFiles(start, SURFACE_PREFIXES);
    const plan = planWalk(tree, chunks);

    const cache = new FactsCache();
    const pool =
      opts.workers === 0
        ? null
        : FactsPool.start(
            cache,
            (b) => repo.readBlob(b),
            (b) => repo.blobSize(b),
            { script: opts.workerScript, count: opts.workers },
          );
    try {
      // Every blob the walk will parse, in walk order: the workers run ahead of the main thread
      // (a bounded number of groups ahead). Code is read for the kernel range the start's
      // declarations state, so the start's declarations come first.
      if (pool)
        for (const f of plan.prefetch)
          for (const kind of fileKinds(f.path))
            if (f.at < 0 && kind !== 'code') pool.prefetch(f.path, f.blob, kind, 0n, f.at);
      const kernels = kernelRanges((await readDeclarations(snapshotOf(repo, tree, start), cache, [])).values());
      if (pool)
        for (const f of plan.prefetch)
          for (const kind of fileKinds(f.path))
            pool.prefetch(f.path, f.blob, kind, kind === 'code' ? codeKernel(f.path, kernels) : 0n, f.at);
      const reached = (i: number) => pool?.reached(i);
      const walked = await walk({
        repo,
        opts,
        start,
        toCommit,
        chunks,
        tree,
        rebuild: plan.rebuild,
        retire: plan.retire,
        cache,
        reached,
      });
      return {
        reportVersion: 1,
        command: 'audit',
        from: { rev: fromRev, commit: fromCommit },
        to: { rev: toRev, commit: toCommit },
        start,
        grouping,
        summary: {
          ...summarize(log.length, walked.groups, walked.windows, cache.extracted),
          workers: pool?.size ?? 0,
          parsedInWorkers: pool?.extracted ?? 0,
        },
        ...walked,
        verdict: walked.groups.some((g) => FAILING.has(g.status))
          ? 'fail'
          : walked.groups.some((g) => g.status !== 'ok')
            ? 'warn'
            : 'pass',
      };
    } finally {
      await pool?.close();
    }
  } finally {
    repo.close();
  }
}

interface WalkInput {
  repo: GitRepo;
  opts: AuditOptions;
  start: string;
  toCommit: string;
  chunks: LogCommit[][];
  /** The running tree, from `start`; the walk applies each group's changes to it. */
  tree: Map<string, FileEntry>;
  rebuild: boolean[];
  /** Blobs to forget after each rebuild (see planWalk). */
  retire: Map<number, string[]>;
  cache: FactsCache;
  /** Tells the parsing workers which group the walk has reached. */
  reached: (index: number) => void;
}

/** Judges each group against the previous rebuilt surface, and each window between bumps. */
async function walk({
  repo,
  opts,
  start,
  toCommit,
  chunks,
  tree,
  rebuild,
  retire,
  cache,
  reached,
}: WalkInput): Promise<Pick<AuditReport, 'groups' | 'windows' | 'warnings'>> {
  const buildOpts = { sharedStructs: sharedStructList(opts.sharedStructs) };
  const build = (commit: string): Promise<Surface> => buildSurface(snapshotOf(repo, tree, commit), cache, buildOpts);
  const cmpOpts = { rules: opts.rules, modernProbe: opts.modernProbe };
  const forget = (i: number) => {
    for (const b of retire.get(i) ?? []) cache.forget(b);
  };
  let current = await build(start);
  forget(-1);
  const groups: AuditGroup[] = [];
  const windows: AuditWindow[] = [];
  const open: Record<Governs, WindowStart> = {
    api: { surface: current, group: null, commit: start, changedBy: [] },
    schema: { surface: current, group: null, commit: start, changedBy: [] },
  };
  const allWarnings: Warning[] = [...current.warnings];

  for (const [i, chunk] of chunks.entries()) {
    const index = i + 1;
    const last = chunk[chunk.length - 1]!;
    const touched = applyChanges(tree, chunk);
    const group: AuditGroup = {
      index,
      date: isoDate(last.date),
      commits: chunk.map((c) => ({ commit: c.commit, subject: c.subject })),
      base: chunk[0]!.parents[0] ?? start,
      head: last.commit,
      touched,
      versions: { api: unchanged('api', current), schema: unchanged('schema', current) },
      findings: [],
      warnings: [],
      status: 'ok',
    };
    if (rebuild[i]) {
      reached(i);
      const head = await build(last.commit);
      forget(i);
      const cmp = compareSurfaces(current, head, cmpOpts);
      group.findings = cmp.findings;
      for (const g of GOVERNS) group.versions[g] = fromVerdict(assessVersion(g, current, head, cmp.findings));
      const mine = new Set(touched);
      group.warnings = head.warnings.filter((w) => mine.has(w.path));
      allWarnings.push(...group.warnings);
      for (const g of GOVERNS) {
        const w = open[g];
        if (cmp.findings.some((f) => f.governs === g && f.kind === 'change')) w.changedBy.push(index);
        if (versionKey(head.versions[g]) === versionKey(current.versions[g])) continue;
        windows.push(closeWindow(g, w, head, { group: index, commit: last.commit }, cmpOpts, false));
        open[g] = { surface: head, group: index, commit: last.commit, changedBy: [] };
      }
      current = head;
    }
    groups.push(group);
    opts.onProgress?.(index, chunks.length);
  }
  // The stretch after the last bump: changes there still wait for one.
  const lastGroup = groups[groups.length - 1];
  for (const g of GOVERNS) {
    const w = open[g];
    if (lastGroup && w.group !== lastGroup.index)
      windows.push(closeWindow(g, w, current, { group: null, commit: toCommit }, cmpOpts, true));
  }
  windows.sort(
    (a, b) =>
      (a.to.group ?? Infinity) - (b.to.group ?? Infinity) || GOVERNS.indexOf(a.governs) - GOVERNS.indexOf(b.governs),
  );

  // A bump in the wrong file is what the PR did, whatever a later bump covered: mark it first.
  for (const group of groups) markWrongFile(group);
  for (const g of GOVERNS) settle(groups, g);
  for (const group of groups) group.status = groupStatus(group);
  return { groups, windows, warnings: dedupe(allWarnings, (w) => w.message) };
}

/**
 * Which groups must be rebuilt (they change a surface file or a tree trait), every blob the
 * rebuilds will parse, in walk order with the group that first reads it, and after which rebuild
 * each blob is read no more (index -1: the start). Works on a copy: the walk replays the same changes.
 */
function planWalk(
  start: Map<string, FileEntry>,
  chunks: LogCommit[][],
): { rebuild: boolean[]; prefetch: Array<FileEntry & { at: number }>; retire: Map<number, string[]> } {
  const tree = new Map(start);
  const seen = new Set<string>();
  const prefetch: Array<FileEntry & { at: number }> = [];
  const want = (e: FileEntry, at: number) => {
    if (fileKind(e.path) !== null && !seen.has(e.blob)) {
      seen.add(e.blob);
      prefetch.push({ ...e, at });
    }
  };
  // How many paths of the running tree hold each read blob; when none does, its last reader is
  // the last rebuild so far (a blob that comes back later is kept until it leaves again).
  const holders = new Map<string, number>();
  const lastRead = new Map<string, number>();
  let lastRebuild = -1;
  const count = (e: FileEntry | undefined, by: 1 | -1) => {
    if (!e || fileKind(e.path) === null) return;
    const n = (holders.get(e.blob) ?? 0) + by;
    if (n > 0) {
      holders.set(e.blob, n);
      lastRead.delete(e.blob);
    } else {
      holders.delete(e.blob);
      lastRead.set(e.blob, lastRebuild);
    }
  };
  for (const e of tree.values()) {
    want(e, -1);
    count(e, 1);
  }
  const rebuild = chunks.map((chunk, i) => {
    const before = treeTraits(tree.keys());
    const paths = new Set(chunk.flatMap((c) => c.changes.map((ch) => ch.path)));
    for (const p of paths) count(tree.get(p), -1);
    const touched = applyChanges(tree, chunk);
    for (const p of paths) count(tree.get(p), 1);
    const yes = touched.length > 0 || treeTraits(tree.keys()) !== before;
    if (yes) {
      for (const p of touched) if (tree.has(p)) want(tree.get(p)!, i);
      lastRebuild = i;
    }
    return yes;
  });
  const retire = new Map<number, string[]>();
  for (const [blob, i] of lastRead) retire.set(i, [...(retire.get(i) ?? []), blob]);
  return { rebuild, prefetch, retire };
}

/** Applies a group's changes to the running tree; returns the surface files it changed. */
function applyChanges(tree: Map<string, FileEntry>, chunk: LogCommit[]): string[] {
  const touched = new Set<string>();
  for (const c of chunk) {
    for (const ch of c.changes) {
      if (ch.blob) tree.set(ch.path, { path: ch.path, blob: ch.blob });
      else tree.delete(ch.path);
      if (isSurfacePath(ch.path)) touched.add(ch.path);
    }
  }
  return [...touched].sort();
}

/** A snapshot from the running tree (no git call per commit: the log named every blob). */
function snapshotOf(repo: GitRepo, tree: Map<string, FileEntry>, commit: string): Snapshot {
  return repo.snapshotOf(commit.slice(0, 12), commit, new Map(tree));
}

function unchanged(governs: Governs, s: Surface): AuditVersion {
  const v = s.versions[governs]?.version ?? null;
  return {
    file: VERSION_FILES[governs],
    base: v,
    head: v,
    declared: 'none',
    required: 'none',
    status: 'ok',
    reasons: [],
  };
}

function fromVerdict(v: {
  file: string;
  base: string | null;
  head: string | null;
  declared: AuditVersion['declared'];
  required: AuditVersion['required'];
  status: Status;
  reasons: string[];
}): AuditVersion {
  return {
    file: v.file,
    base: v.base,
    head: v.head,
    declared: v.declared,
    required: v.required,
    status: v.status,
    reasons: [...v.reasons],
  };
}

function closeWindow(
  governs: Governs,
  w: WindowStart,
  end: Surface,
  to: { group: number | null; commit: string },
  cmpOpts: { rules?: Rule[]; modernProbe?: ModernProbeLevel },
  open: boolean,
): AuditWindow {
  const cmp = w.surface === end ? null : compareSurfaces(w.surface, end, cmpOpts);
  const findings: Finding[] = cmp ? cmp.findings.filter((f) => f.governs === governs) : [];
  const v = assessVersion(governs, w.surface, end, findings);
  return {
    governs,
    file: v.file,
    from: { group: w.group, commit: w.commit, version: w.surface.versions[governs]?.version ?? null },
    to: { ...to, version: end.versions[governs]?.version ?? null },
    open,
    changedBy: w.changedBy,
    declared: v.declared,
    required: v.required,
    status: v.status,
    reasons: v.reasons,
    findings,
  };
}

/**
 * A change whose bump is missing (or too small) is `late` when the next bump of that file
 * covers it; that bump is a `catch-up` if it is larger than its own group's changes need. A
 * change the next bump does not cover, or that no bump follows before --to, stays `missing`
 * (or `too-small`): the forgotten bump. A change whose PR bumped the other file stays
 * `wrong-file`, with the covering bump noted. Debts never cross a bump, so a bump is never
 * credited with changes an earlier bump already failed to cover.
 */
function settle(groups: AuditGroup[], g: Governs): void {
  let debts: AuditGroup[] = [];
  for (const group of groups) {
    const v = group.versions[g];
    if (v.base === v.head) {
      if (v.status === 'missing' || v.status === 'too-small' || (v.status === 'wrong-file' && v.required !== 'none'))
        debts.push(group);
      continue;
    }
    const paid = v.declared === 'none' ? [] : debts.filter((d) => bumpAtLeast(v.declared, d.versions[g].required));
    debts = [];
    if (!paid.length) continue;
    v.settles = paid.map((d) => d.index);
    if (v.status === 'unexplained' || v.status === 'too-large') v.status = 'catch-up';
    v.reasons.push(
      `this ${v.declared} bump also covers the ${VERSION_LABEL[g]} changes of group${paid.length > 1 ? 's' : ''} ${paid.map((d) => `#${d.index}`).join(', ')}, which did not bump it`,
    );
    for (const d of paid) {
      const dv = d.versions[g];
      if (dv.status !== 'wrong-file') dv.status = 'late';
      dv.settledBy = group.index;
      dv.reasons.push(
        `the next bump, ${v.base} → ${v.head} in group #${group.index} (${group.head.slice(0, 12)}), covers it`,
      );
    }
  }
}

/** One version needed a bump and the other file was bumped instead. */
function markWrongFile(group: AuditGroup): void {
  for (const [a, b] of [
    ['api', 'schema'],
    ['schema', 'api'],
  ] as Array<[Governs, Governs]>) {
    const need = group.versions[a];
    const extra = group.versions[b];
    if (
      (need.status === 'missing' || need.status === 'too-small') &&
      (extra.status === 'unexplained' || extra.status === 'too-large')
    ) {
      const why = `the changes need a ${need.required} bump of ${VERSION_LABEL[a]}, and ${VERSION_LABEL[b]} was bumped (${extra.declared}) instead`;
      need.status = 'wrong-file';
      extra.status = 'wrong-file';
      need.reasons.push(why);
      extra.reasons.push(why);
    }
  }
}

function groupStatus(group: AuditGroup): GroupStatus {
  const statuses = new Set<GroupStatus>([group.versions.api.status, group.versions.schema.status]);
  if (group.warnings.some((w) => w.incomplete)) statuses.add('incomplete');
  return STATUS_SEVERITY.find((s) => statuses.has(s)) ?? 'ok';
}

function summarize(
  commits: number,
  groups: AuditGroup[],
  windows: AuditWindow[],
  blobsParsed: number,
): Omit<AuditReport['summary'], 'workers' | 'parsedInWorkers'> {
  const byStatus: Partial<Record<GroupStatus, number>> = {};
  for (const g of groups) byStatus[g.status] = (byStatus[g.status] ?? 0) + 1;
  const win: AuditReport['summary']['windows'] = { api: {}, schema: {} };
  for (const w of windows) win[w.governs][w.status] = (win[w.governs][w.status] ?? 0) + 1;
  return {
    commits,
    groups: groups.length,
    surfaceGroups: groups.filter((g) => g.touched.length).length,
    flagged: groups.filter((g) => g.status !== 'ok').length,
    byStatus,
    windows: win,
    blobsParsed,
  };
}
