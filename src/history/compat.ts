import semver from 'semver';
import { InputError } from '../errors.js';
import type { Governs } from '../rules/types.js';
import { GitRepo } from '../source/git.js';
import { buildSurface, FactsCache } from '../surface/build.js';
import { SURFACE_PREFIXES } from '../surface/files.js';
import type { MinimumVersion, Surface } from '../surface/model.js';
import type { CompatCheck, CompatReport } from './types.js';
import { GOVERNS, SCAP_HEADER, VERSION_KIND } from '../vocabulary.js';

export interface CompatOptions {
  repo: string;
  rev?: string;
  api: string;
  schema: string;
}

/**
 * libscap's acceptance rule, scap_apply_semver_check() (userspace/libscap/scap_api_version.c):
 * equal majors; the driver's minor at least the required one; at equal minors, the driver's
 * patch at least the required one. There is no warning level: anything else is refused.
 */
export function acceptDriver(driver: string, required: string): { accepted: boolean; reason: string } {
  const d = semver.parse(driver)!;
  const r = semver.parse(required)!;
  if (d.major !== r.major) {
    return {
      accepted: false,
      reason: `major ${d.major} is not the required major ${r.major} (libscap accepts only an equal major)`,
    };
  }
  if (d.minor < r.minor) return { accepted: false, reason: `minor ${d.minor} is below the required minor ${r.minor}` };
  if (d.minor > r.minor) {
    return {
      accepted: true,
      reason: `same major ${d.major}, and minor ${d.minor} is above the required ${r.minor} (the patch is not compared then)`,
    };
  }
  if (d.patch < r.patch)
    return {
      accepted: false,
      reason: `at the required minor ${r.minor}, patch ${d.patch} is below the required patch ${r.patch}`,
    };
  return {
    accepted: true,
    reason:
      d.patch === r.patch
        ? `exactly the required version`
        : `same major ${d.major} and minor ${d.minor}, and patch ${d.patch} is at least the required ${r.patch}`,
  };
}

function driverVersion(option: string, v: string): string {
  if (!/^\d+\.\d+\.\d+$/.test(v) || !semver.valid(v))
    throw new InputError(`${option} '${v}': expected a MAJOR.MINOR.PATCH version such as 10.0.0`);
  return v;
}

/** Would libscap at --rev accept a driver reporting these versions? */
export async function runCompat(opts: CompatOptions): Promise<CompatReport> {
  const versions: Record<Governs, string> = {
    api: driverVersion('--driver-api', opts.api),
    schema: driverVersion('--driver-schema', opts.schema),
  };
  const repo = GitRepo.open(opts.repo);
  try {
    const rev = opts.rev ?? 'HEAD';
    const commit = repo.resolve(rev, '--rev');
    const cache = new FactsCache();
    const read = async (prefixes: string[]): Promise<Surface> => {
      const snap = repo.snapshot(commit, prefixes);
      snap.label = rev;
      return buildSurface(snap, cache);
    };
    // scap.h alone names the minimums; the whole surface only if an argument is a symbol defined elsewhere.
    let s = await read([SCAP_HEADER]);
    if (GOVERNS.some((g) => s.scapMinimum[g] && !s.scapMinimum[g]!.version)) s = await read(SURFACE_PREFIXES);
    const checks = {} as Record<Governs, CompatCheck>;
    for (const g of GOVERNS) {
      const min = requireMinimum(s.scapMinimum[g], g, rev);
      checks[g] = {
        driver: versions[g],
        required: min.version,
        macro: min.macro,
        location: min.loc,
        ...acceptDriver(versions[g], min.version),
      };
    }
    return {
      reportVersion: 1,
      command: 'compat',
      rev: { rev, commit },
      checks,
      verdict: checks.api.accepted && checks.schema.accepted ? 'accepted' : 'refused',
    };
  } finally {
    repo.close();
  }
}

function requireMinimum(min: MinimumVersion | null, g: Governs, rev: string): MinimumVersion & { version: string } {
  if (!min)
    throw new InputError(
      `--rev ${rev}: ${SCAP_HEADER} defines no SCAP_MINIMUM_DRIVER_${VERSION_KIND[g]}_VERSION there`,
    );
  if (!min.version)
    throw new InputError(
      `--rev ${rev}: ${min.macro} (${min.loc.path}:${min.loc.line}) is not a PPM_API_VERSION(major, minor, patch) that can be read: '${min.expr}'`,
    );
  return min as MinimumVersion & { version: string };
}
