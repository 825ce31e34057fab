import semver from 'semver';
import { BUMP_ORDER, maxBump, type Bump, type Finding, type Governs } from '../rules/types.js';
import type { Surface } from '../surface/model.js';
import type { Status, VersionVerdict } from './types.js';

/** The bump from one version to another, or 'decreased'. Both must be valid semver. */
export function bumpBetween(from: string, to: string): Bump | 'decreased' {
  if (semver.eq(from, to)) return 'none';
  if (semver.lt(to, from)) return 'decreased';
  const a = semver.parse(from)!;
  const b = semver.parse(to)!;
  if (b.major !== a.major) return 'major';
  if (b.minor !== a.minor) return 'minor';
  return 'patch';
}

/** `from` bumped by one step of `bump` (lower components reset to 0). */
export function nextVersion(from: string, bump: Bump): string {
  return bump === 'none' ? from : semver.inc(from, bump)!;
}

export function bumpAtLeast(a: Bump, b: Bump): boolean {
  return BUMP_ORDER.indexOf(a) >= BUMP_ORDER.indexOf(b);
}

const FILE_NAME: Record<Governs, string> = { api: 'API_VERSION', schema: 'SCHEMA_VERSION' };

export interface VerdictInput {
  governs: Governs;
  base: Surface;
  head: Surface;
  /** Version at the base branch tip (what the merge lands on), when known. */
  baseTipVersion?: string | null;
  findings: Finding[];
}

/** Required bump, declared bump, suggestion and status of one version file. */
export function versionVerdict({ governs, base, head, baseTipVersion, findings }: VerdictInput): VersionVerdict {
  const file = base.versions[governs]?.path ?? head.versions[governs]?.path ?? `driver/${FILE_NAME[governs]}`;
  const baseV = base.versions[governs]?.version ?? null;
  const headV = head.versions[governs]?.version ?? null;
  const mine = findings.filter((f) => f.governs === governs);
  const required = mine.filter((f) => f.kind === 'change').reduce<Bump>((acc, f) => maxBump(acc, f.bump), 'none');
  const reasons: string[] = [];
  const tip = baseTipVersion ?? baseV;
  const suggested = tip ? nextVersion(tip, required) : null;
  const result = (status: Status, declared: Bump): VersionVerdict => ({
    file,
    base: baseV,
    head: headV,
    declared,
    required,
    suggested,
    status,
    reasons,
    ...(baseTipVersion && baseTipVersion !== baseV ? { baseTip: baseTipVersion } : {}),
  });

  // A version file that cannot be read makes the verdict meaningless: invalid, never a pass.
  if (!headV || !baseV) {
    const which = !headV ? head : base;
    const vf = which.versions[governs];
    reasons.push(vf ? `${file} at ${which.rev}: first line '${vf.raw}' is not a MAJOR.MINOR.PATCH version` : `${file} is missing at ${which.rev}`);
    return result('invalid', 'none');
  }

  // The head is itself wrong (a self-contradicting table, a minimum libscap would refuse).
  const problems = [...mine.filter((f) => f.kind === 'invalid').map((f) => f.message), ...minimumProblems(governs, head, headV)];

  // When the base branch bumped the file after this branch forked, a bump made here is
  // judged from the base tip's number (what the merge lands on), not the fork point's.
  const tipMoved = Boolean(baseTipVersion && baseTipVersion !== baseV && semver.valid(baseTipVersion));
  if (tipMoved) {
    reasons.push(`the base branch moved ${FILE_NAME[governs]} from ${baseV} to ${baseTipVersion} since this branch forked: rebase and declare ${suggested}`);
  }
  const from = tipMoved && headV !== baseV && semver.gt(headV, baseTipVersion!) ? baseTipVersion! : baseV;
  const step = bumpBetween(from, headV);
  const declared: Bump = step === 'decreased' ? 'none' : step;
  if (problems.length) {
    reasons.push(...problems);
    return result('invalid', declared);
  }
  if (step === 'decreased') {
    if (tipMoved && headV !== baseV) {
      // Bumped here, but the base branch is already past it: merged, this bump is lost.
      return result(required === 'none' ? 'unexplained' : 'missing', bumpBetween(baseV, headV) as Bump);
    }
    reasons.push(`${FILE_NAME[governs]} went down from ${baseV} to ${headV}`);
    return result('decreased', 'none');
  }

  if (declared !== 'none' && headV !== nextVersion(from, declared)) {
    reasons.push(`${from} → ${headV} is not one ${declared} step: expected ${nextVersion(from, declared)} (numbers are not skipped, lower components reset to 0)`);
    return result('not-one-step', declared);
  }
  if (tipMoved && headV !== baseV && from === baseV) {
    // headV equals the tip's number: both branches claimed the same bump.
    return result(required === 'none' ? 'unexplained' : 'missing', declared);
  }
  if (required === 'none' && declared === 'none') return result('ok', declared);
  if (required === 'none') {
    reasons.push(`${FILE_NAME[governs]} was bumped (${declared}) but no ${governs} change was found`);
    return result('unexplained', declared);
  }
  if (declared === 'none') {
    reasons.push(`the changes need a ${required} bump of ${FILE_NAME[governs]} and none was made`);
    return result('missing', declared);
  }
  if (!bumpAtLeast(declared, required)) {
    reasons.push(`the changes need a ${required} bump; ${from} → ${headV} is only ${declared}`);
    return result('too-small', declared);
  }
  if (declared !== required) {
    reasons.push(`the changes need only a ${required} bump; ${from} → ${headV} is ${declared}`);
    return result('too-large', declared);
  }
  return result('ok', declared);
}

/**
 * libscap's own consistency: it refuses a driver whose major differs from
 * SCAP_MINIMUM_DRIVER_*_VERSION, or whose version is below it, so the commit must not declare
 * a minimum that would refuse the driver built from that very commit.
 */
export function minimumProblems(governs: Governs, head: Surface, headV: string): string[] {
  const min = head.scapMinimum[governs];
  if (!min) return [];
  if (!min.version) return [`${min.macro} (${min.loc.path}:${min.loc.line}) is not a PPM_API_VERSION(major, minor, patch) we can read: '${min.expr}'`];
  const out: string[] = [];
  if (semver.major(min.version) !== semver.major(headV)) {
    out.push(`${min.macro} is ${min.version} but ${FILE_NAME[governs]} is ${headV}: libscap requires equal majors and would refuse the driver built from this commit; set it to ${semver.major(headV)}.0.0 or higher within ${semver.major(headV)}.x`);
  } else if (semver.gt(min.version, headV)) {
    out.push(`${min.macro} is ${min.version}, above ${FILE_NAME[governs]} ${headV}: libscap would refuse the driver built from this commit`);
  }
  return out;
}
