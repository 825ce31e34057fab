import semver from 'semver';
import { BUMP_ORDER, maxBump, type Bump, type Finding, type Governs } from '../rules/types.js';
import type { Surface } from '../surface/model.js';
import { FAILING_STATUSES, VERSION_FILES, VERSION_LABEL } from '../vocabulary.js';
import type { Fix, Status, VersionVerdict } from './types.js';

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

export interface VerdictInput {
  governs: Governs;
  base: Surface;
  head: Surface;
  /** Version at the base branch tip (what the merge lands on), when known. */
  baseTipVersion?: string | null;
  findings: Finding[];
}

/** Required bump, declared bump, suggestion, statuses and fixes of one version file. */
export function versionVerdict(input: VerdictInput): VersionVerdict {
  const { governs, base, head, baseTipVersion, findings } = input;
  const label = VERSION_LABEL[governs];
  const file = base.versions[governs]?.path ?? head.versions[governs]?.path ?? VERSION_FILES[governs];
  const baseV = base.versions[governs]?.version ?? null;
  const headV = head.versions[governs]?.version ?? null;
  const mine = findings.filter((f) => f.governs === governs);
  const required = mine.filter((f) => f.kind === 'change').reduce<Bump>((acc, f) => maxBump(acc, f.bump), 'none');
  const reasons: string[] = [];
  const tip = baseTipVersion ?? baseV;
  const suggested = tip ? nextVersion(tip, required) : null;
  const result = (statuses: Status[], declared: Bump, fixTo?: string | null): VersionVerdict => {
    // The version the file should hold once fixed: the suggestion when the bump is wrong.
    const target =
      fixTo ?? (statuses.some((s) => BUMP_FIXED_BY_SUGGESTION.includes(s)) && suggested ? suggested : headV);
    return {
      file,
      base: baseV,
      head: headV,
      declared,
      required,
      suggested,
      status: statuses[0]!,
      statuses,
      reasons,
      ...(baseTipVersion && baseTipVersion !== baseV ? { baseTip: baseTipVersion } : {}),
      fixes: fixesFor(governs, file, head, headV, target),
    };
  };

  // A version file that cannot be read makes the verdict meaningless: invalid, never a pass.
  if (!headV || !baseV) {
    const which = !headV ? head : base;
    const vf = which.versions[governs];
    reasons.push(
      vf
        ? `${file} at ${which.rev}: first line '${vf.raw}' is not a MAJOR.MINOR.PATCH version`
        : `${file} is missing at ${which.rev}`,
    );
    // An unreadable head is fixed by writing the suggested version; an unreadable base is not this change's to fix.
    return result(['invalid'], 'none', headV ? null : suggested);
  }

  // The head is itself wrong (a self-contradicting table, a minimum libscap would refuse).
  const problems = [
    ...mine.filter((f) => f.kind === 'invalid').map((f) => f.message),
    ...minimumProblems(governs, head, headV),
  ];
  const { status, declared } = bumpStatus({
    label,
    governs,
    baseV,
    headV,
    baseTipVersion: baseTipVersion ?? null,
    required,
    suggested,
    reasons,
  });
  if (!problems.length) return result([status], declared);
  reasons.push(...problems);
  // Invalid first (the primary status keeps its meaning), and the bump's own status beside it.
  return result(status === 'ok' ? ['invalid'] : ['invalid', status], declared);
}

/** Statuses whose fix is to write the suggested version into the file. */
const BUMP_FIXED_BY_SUGGESTION: Status[] = FAILING_STATUSES.filter((s) => s !== 'invalid');

/** The bump's status alone: declared against required, from the base (or the base tip when it moved). */
function bumpStatus(o: {
  label: string;
  governs: Governs;
  baseV: string;
  headV: string;
  baseTipVersion: string | null;
  required: Bump;
  suggested: string | null;
  reasons: string[];
}): { status: Status; declared: Bump } {
  const { label, governs, baseV, headV, baseTipVersion, required, suggested, reasons } = o;
  // When the base branch bumped the file after this branch forked, a bump made here is
  // judged from the base tip's number (what the merge lands on), not the fork point's.
  const tipMoved = Boolean(baseTipVersion && baseTipVersion !== baseV && semver.valid(baseTipVersion));
  if (tipMoved) {
    reasons.push(
      `the base branch moved ${label} from ${baseV} to ${baseTipVersion} since this branch forked: rebase and declare ${suggested}`,
    );
  }
  const from = tipMoved && headV !== baseV && semver.gt(headV, baseTipVersion!) ? baseTipVersion! : baseV;
  const step = bumpBetween(from, headV);
  const declared: Bump = step === 'decreased' ? 'none' : step;
  // `from` is the base tip only when the head is above it, so this is a head below the base:
  // a decrease, whether or not the base branch moved meanwhile.
  if (step === 'decreased') {
    reasons.push(`${label} went down from ${baseV} to ${headV}`);
    return { status: 'decreased', declared: 'none' };
  }
  if (declared !== 'none' && headV !== nextVersion(from, declared)) {
    reasons.push(
      `${from} → ${headV} is not one ${declared} step: expected ${nextVersion(from, declared)} (numbers are not skipped, lower components reset to 0)`,
    );
    return { status: 'not-one-step', declared };
  }
  if (tipMoved && headV !== baseV && from === baseV) {
    // headV equals the tip's number: both branches claimed the same bump.
    return { status: required === 'none' ? 'unexplained' : 'missing', declared };
  }
  if (required === 'none' && declared === 'none') return { status: 'ok', declared };
  if (required === 'none') {
    reasons.push(`${label} was bumped (${declared}) but no ${governs} change was found`);
    return { status: 'unexplained', declared };
  }
  if (declared === 'none') {
    reasons.push(`the changes need a ${required} bump of ${label} and none was made`);
    return { status: 'missing', declared };
  }
  if (!bumpAtLeast(declared, required)) {
    reasons.push(`the changes need a ${required} bump; ${from} → ${headV} is only ${declared}`);
    return { status: 'too-small', declared };
  }
  if (declared !== required) {
    reasons.push(`the changes need only a ${required} bump; ${from} → ${headV} is ${declared}`);
    return { status: 'too-large', declared };
  }
  return { status: 'ok', declared };
}

/**
 * Every edit that makes the version file right: its first line, and libscap's minimum when the
 * target version leaves it behind (another major, or below it). libscap refuses a driver whose
 * major differs from SCAP_MINIMUM_DRIVER_*_VERSION, so a major bump moves the minimum to M.0.0.
 */
function fixesFor(governs: Governs, file: string, head: Surface, headV: string | null, target: string | null): Fix[] {
  if (!target || !semver.valid(target)) return [];
  const fixes: Fix[] = [];
  if (target !== headV) fixes.push({ file, line: 1, text: target });
  const min = head.scapMinimum[governs];
  if (min?.version && semver.valid(min.version)) {
    const wanted =
      semver.major(min.version) !== semver.major(target)
        ? `${semver.major(target)}.0.0`
        : semver.gt(min.version, target)
          ? target
          : null;
    if (wanted) fixes.push({ file: min.loc.path, line: min.loc.line, text: minimumDefine(min.macro, wanted) });
  }
  return fixes;
}

/** `#define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(5, 0, 0)`, as libs writes it. */
export function minimumDefine(macro: string, version: string): string {
  const [major, minor, patch] = version.split('.');
  return `#define ${macro} PPM_API_VERSION(${major}, ${minor}, ${patch})`;
}

/**
 * libscap's own consistency: it refuses a driver whose major differs from
 * SCAP_MINIMUM_DRIVER_*_VERSION, or whose version is below it, so the commit must not declare
 * a minimum that would refuse the driver built from that very commit.
 */
export function minimumProblems(governs: Governs, head: Surface, headV: string): string[] {
  const min = head.scapMinimum[governs];
  if (!min) return [];
  if (!min.version)
    return [
      `${min.macro} (${min.loc.path}:${min.loc.line}) is not a PPM_API_VERSION(major, minor, patch) we can read: '${min.expr}'`,
    ];
  const out: string[] = [];
  if (semver.major(min.version) !== semver.major(headV)) {
    out.push(
      `${min.macro} is ${min.version} but ${VERSION_LABEL[governs]} is ${headV}: libscap requires equal majors and would refuse the driver built from this commit; set it to ${semver.major(headV)}.0.0 or higher within ${semver.major(headV)}.x`,
    );
  } else if (semver.gt(min.version, headV)) {
    out.push(
      `${min.macro} is ${min.version}, above ${VERSION_LABEL[governs]} ${headV}: libscap would refuse the driver built from this commit`,
    );
  }
  return out;
}
