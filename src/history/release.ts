import semver from 'semver';
import { InputError } from '../errors.js';
import { compareSurfaces, sharedStructList, type ModernProbeLevel } from '../pipeline.js';
import { maxBump, type Bump, type Finding, type Governs, type Rule } from '../rules/types.js';
import { GitRepo } from '../source/git.js';
import { buildSurface, FactsCache } from '../surface/build.js';
import { SURFACE_PREFIXES } from '../surface/files.js';
import type { Surface } from '../surface/model.js';
import { bumpAtLeast, bumpBetween, minimumProblems } from '../verdict/verdict.js';
import { GOVERNS, VERSION_FILES, VERSION_LABEL } from '../vocabulary.js';
import { isAncestor, listTags } from '../source/history.js';
import { compareTags, DRIVER_TAG_FORM, parseDriverTag, previousLine, previousTag, type DriverTag } from './tags.js';
import type { ReleaseReport, ReleaseVersion } from './types.js';

export interface ReleaseOptions {
  repo: string;
  tag: string;
  /** Default: the highest driver tag below --tag by semver precedence. */
  previous?: string;
  rules?: Rule[];
  modernProbe?: ModernProbeLevel;
  /** Extra struct names whose layout is API (configuration). */
  sharedStructs?: string[];
}

function driverTag(option: string, name: string): DriverTag {
  const t = parseDriverTag(name);
  if (!t) throw new InputError(`${option} ${name}: not a driver tag (expected ${DRIVER_TAG_FORM})`);
  return t;
}

/**
 * Validates a driver release tag against the previous one (the highest below it by semver
 * precedence, ancestor or not: libs tags most releases on release branches). The two tag
 * commits are compared directly, never through a merge-base.
 */
export async function runRelease(opts: ReleaseOptions): Promise<ReleaseReport> {
  const tag = driverTag('--tag', opts.tag);
  const wanted = opts.previous !== undefined ? driverTag('--previous', opts.previous) : undefined;
  const repo = GitRepo.open(opts.repo);
  try {
    const refs = new Map(listTags(repo).map((r) => [r.name, r.target]));
    const commitOf = (option: string, t: DriverTag): string => {
      if (!refs.has(t.name))
        throw new InputError(`${option} ${t.name}: no such tag in ${repo.dir} (run 'git fetch --tags')`);
      return repo.resolve(`refs/tags/${t.name}`, `${option} ${t.name}`);
    };
    const tagCommit = commitOf('--tag', tag);
    const all = [...refs.keys()].map(parseDriverTag).filter((t) => t !== null);
    let prev: DriverTag | null;
    if (wanted) {
      commitOf('--previous', wanted);
      if (compareTags(wanted, tag) >= 0)
        throw new InputError(`--previous ${wanted.name} is not below --tag ${tag.name} by semver precedence`);
      prev = wanted;
    } else {
      prev = previousTag(tag, all);
    }
    const prevCommit = prev ? commitOf('--previous', prev) : null;

    const cache = new FactsCache();
    const buildOpts = { sharedStructs: sharedStructList(opts.sharedStructs) };
    const surfaceAt = async (t: DriverTag, commit: string, option: string): Promise<Surface> => {
      const snap = repo.snapshot(commit, SURFACE_PREFIXES);
      snap.label = t.name;
      const s = await buildSurface(snap, cache, buildOpts);
      for (const g of GOVERNS) {
        const v = s.versions[g];
        if (!v?.version) {
          throw new InputError(
            `${option} ${t.name}: ${VERSION_FILES[g]} ${v ? `has '${v.raw}', not a MAJOR.MINOR.PATCH version` : 'is missing'} at that tag`,
          );
        }
      }
      return s;
    };
    const head = await surfaceAt(tag, tagCommit, '--tag');
    const base = prev && prevCommit ? await surfaceAt(prev, prevCommit, '--previous') : null;

    // An unchanged number is allowed from a pre-release to its final (or the next pre-release):
    // the number then counts from the previous release line.
    const countsFrom = prev && prev.core === tag.core ? previousLine(tag, all) : prev;
    const countsFromSurface =
      countsFrom === prev
        ? base
        : countsFrom
          ? await surfaceAt(countsFrom, commitOf('--previous', countsFrom), 'release line')
          : null;

    const problems: string[] = [];
    const driverVersion = numberRule(tag, prev, countsFrom, countsFromSurface, head);
    if (driverVersion.status === 'wrong') problems.push(driverVersion.reason);

    const cmp = base ? compareSurfaces(base, head, { rules: opts.rules, modernProbe: opts.modernProbe }) : null;
    const findings: Finding[] = cmp?.findings ?? [];
    const versions = {} as Record<Governs, ReleaseVersion>;
    const minimums = {} as ReleaseReport['minimums'];
    for (const g of GOVERNS) {
      versions[g] = coverage(g, base, head, findings, prev);
      if (versions[g].status !== 'ok') problems.push(...versions[g].reasons);
      const min = head.scapMinimum[g];
      const mp = minimumProblems(g, head, head.versions[g]!.version!);
      minimums[g] = min ? { macro: min.macro, version: min.version, problems: mp } : null;
      problems.push(...mp);
    }
    return {
      reportVersion: 1,
      command: 'release',
      tag: { name: tag.name, version: tag.version, commit: tagCommit },
      previous:
        prev && prevCommit
          ? {
              name: prev.name,
              version: prev.version,
              commit: prevCommit,
              ancestor: isAncestor(repo, prevCommit, tagCommit),
            }
          : null,
      driverVersion,
      versions,
      minimums,
      findings,
      warnings: cmp?.warnings ?? head.warnings,
      problems,
      verdict: problems.length ? 'refused' : 'accepted',
    };
  } finally {
    repo.close();
  }
}

/**
 * libs' versioning proposal (proposals/20220203-versioning-schema-amendment.md): the driver
 * major grows when API_VERSION's or SCHEMA_VERSION's major grew, the minor when a minor grew,
 * the patch otherwise; the first release line is 1.0.0.
 */
function numberRule(
  tag: DriverTag,
  prev: DriverTag | null,
  countsFrom: DriverTag | null,
  from: Surface | null,
  head: Surface,
): ReleaseReport['driverVersion'] {
  const keep = prev && prev.core === tag.core ? `${tag.name} keeps the number of its pre-release ${prev.name}; ` : '';
  if (!countsFrom || !from) {
    const ok = tag.core === '1.0.0';
    return {
      countsFrom: null,
      bump: null,
      expected: '1.0.0',
      actual: tag.core,
      status: ok ? 'ok' : 'wrong',
      reason: `${keep}no earlier release line: the driver number starts at 1.0.0${ok ? '' : `, not ${tag.core}`}`,
    };
  }
  const steps = GOVERNS.map((g) => ({
    g,
    from: from.versions[g]!.version!,
    to: head.versions[g]!.version!,
    step: bumpBetween(from.versions[g]!.version!, head.versions[g]!.version!),
  }));
  const base = { countsFrom: { name: countsFrom.name, version: countsFrom.version }, actual: tag.core };
  const down = steps.find((s) => s.step === 'decreased');
  if (down) {
    return {
      ...base,
      bump: null,
      expected: null,
      status: 'wrong',
      reason: `${keep}${VERSION_LABEL[down.g]} went down since ${countsFrom.name} (${down.from} → ${down.to}): no driver number can follow`,
    };
  }
  const bump = steps.reduce<Bump>((acc, s) => maxBump(acc, s.step as Bump), 'none');
  const kind: Bump = bump === 'none' ? 'patch' : bump;
  const expected = semver.inc(countsFrom.core, kind as semver.ReleaseType)!;
  const grew = steps
    .filter((s) => s.step === bump && bump !== 'none')
    .map((s) => `${VERSION_LABEL[s.g]}'s ${bump} grew (${s.from} → ${s.to})`);
  const why = grew.length
    ? `${grew.join(' and ')} since ${countsFrom.name}`
    : `neither API_VERSION's nor SCHEMA_VERSION's major or minor grew since ${countsFrom.name}${steps.some((s) => s.step === 'patch') ? ' (only a patch)' : ''}`;
  const ok = tag.core === expected;
  return {
    ...base,
    bump: kind,
    expected,
    status: ok ? 'ok' : 'wrong',
    reason: `${keep}${why}: the driver number takes a ${kind} step, ${countsFrom.core} → ${expected}${ok ? '' : `, but the tag says ${tag.core}`}`,
  };
}

/** The bumps between the two tags must cover every change found between them. */
function coverage(
  g: Governs,
  base: Surface | null,
  head: Surface,
  findings: Finding[],
  prev: DriverTag | null,
): ReleaseVersion {
  const file = VERSION_FILES[g];
  const tagV = head.versions[g]!.version!;
  if (!base || !prev)
    return {
      file,
      previous: null,
      tag: tagV,
      declared: 'none',
      required: 'none',
      status: 'ok',
      reasons: ['first driver tag: nothing to compare with'],
    };
  const prevV = base.versions[g]!.version!;
  const mine = findings.filter((f) => f.governs === g);
  const required = mine.filter((f) => f.kind === 'change').reduce<Bump>((acc, f) => maxBump(acc, f.bump), 'none');
  const declared = bumpBetween(prevV, tagV);
  const result = (status: ReleaseVersion['status'], reasons: string[]): ReleaseVersion => ({
    file,
    previous: prevV,
    tag: tagV,
    declared,
    required,
    status,
    reasons,
  });
  const invalid = mine.filter((f) => f.kind === 'invalid').map((f) => `${f.message} (${f.rule})`);
  if (invalid.length) return result('invalid', invalid);
  if (declared === 'decreased')
    return result('decreased', [`${VERSION_LABEL[g]} went down from ${prevV} at ${prev.name} to ${tagV}`]);
  if (!bumpAtLeast(declared, required)) {
    return result('too-small', [
      `the changes since ${prev.name} need a ${required} bump of ${VERSION_LABEL[g]}; ${prevV} → ${tagV} is ${declared === 'none' ? 'no bump' : `only ${declared}`}`,
    ]);
  }
  return result('ok', []);
}
