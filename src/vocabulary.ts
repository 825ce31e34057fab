import type { Governs } from './rules/types.js';
import type { Status } from './verdict/types.js';

/**
 * The words every stage shares: the two version files, their labels, the statuses that fail a
 * check. One definition each; reports, the action and the history commands import them.
 */

/** The two version files, API first (the order of a report's `versions`). */
export const GOVERNS: readonly Governs[] = ['api', 'schema'];

/** The two version files in the order reports show them (SCHEMA first: most changes are there). */
export const GOVERNS_ORDER: readonly Governs[] = ['schema', 'api'];

/** `API_VERSION`, `SCHEMA_VERSION`: the file names, also the labels in messages. */
export const VERSION_LABEL: Record<Governs, 'API_VERSION' | 'SCHEMA_VERSION'> = {
  api: 'API_VERSION',
  schema: 'SCHEMA_VERSION',
};

/** `driver/API_VERSION`, `driver/SCHEMA_VERSION`: the version files' paths in a libs tree. */
export const VERSION_FILES: Record<Governs, string> = {
  api: `driver/${VERSION_LABEL.api}`,
  schema: `driver/${VERSION_LABEL.schema}`,
};

/** `API`, `SCHEMA`: as in `SCAP_MINIMUM_DRIVER_API_VERSION` and `/version driver-API-version-minor`. */
export const VERSION_KIND: Record<Governs, 'API' | 'SCHEMA'> = { api: 'API', schema: 'SCHEMA' };

/** libscap's header holding `SCAP_MINIMUM_DRIVER_{API,SCHEMA}_VERSION`. */
export const SCAP_HEADER = 'userspace/libscap/scap.h';

/** The version statuses that make `driver-semver check` exit 1 (and the action's `fail-on: fail`). */
export const FAILING_STATUSES: readonly Status[] = [
  'missing',
  'too-small',
  'too-large',
  'not-one-step',
  'decreased',
  'invalid',
];

export function isFailingStatus(s: Status): boolean {
  return FAILING_STATUSES.includes(s);
}

/** The items whose key was not seen before, in order. */
export function dedupe<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    return !seen.has(k) && Boolean(seen.add(k));
  });
}
