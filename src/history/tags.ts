import semver from 'semver';

/**
 * A driver release tag, `X.Y.Z+driver` or a pre-release of it (`10.1.0-rc1+driver`,
 * `1.0.0-alpha2+driver`). semver ignores build metadata in precedence, so the version is the
 * part before `+driver`.
 */
export interface DriverTag {
  name: string;
  /** The version before `+driver`, e.g. `10.1.0-rc1`. */
  version: string;
  /** MAJOR.MINOR.PATCH without the pre-release. */
  core: string;
  prerelease: boolean;
}

const DRIVER_TAG = /^(\d+\.\d+\.\d+)(?:-((?:rc|alpha|beta)\d*))?\+driver$/;

export const DRIVER_TAG_FORM = 'X.Y.Z+driver, X.Y.Z-rcN+driver or X.Y.Z-alphaN+driver';

export function parseDriverTag(name: string): DriverTag | null {
  const m = DRIVER_TAG.exec(name);
  if (!m) return null;
  const version = semver.valid(m[2] ? `${m[1]}-${m[2]}` : m[1]!);
  if (!version) return null;
  return {
    name,
    version,
    core: `${semver.major(version)}.${semver.minor(version)}.${semver.patch(version)}`,
    prerelease: Boolean(m[2]),
  };
}

/** Semver precedence (pre-releases below their final). */
export function compareTags(a: DriverTag, b: DriverTag): number {
  return semver.compare(a.version, b.version);
}

/** The highest tag below `tag` by semver precedence, whatever the git ancestry. */
export function previousTag(tag: DriverTag, all: DriverTag[]): DriverTag | null {
  return highest(all.filter((t) => compareTags(t, tag) < 0));
}

/** The highest tag whose MAJOR.MINOR.PATCH is below the tag's: the release the number counts from. */
export function previousLine(tag: DriverTag, all: DriverTag[]): DriverTag | null {
  return highest(all.filter((t) => semver.lt(t.core, tag.core)));
}

function highest(tags: DriverTag[]): DriverTag | null {
  return tags.reduce<DriverTag | null>((best, t) => (!best || compareTags(t, best) > 0 ? t : best), null);
}
