import type { Finding, Governs } from '../rules/types.js';
import type { Surface } from '../surface/model.js';
import type { VersionVerdict } from '../verdict/types.js';
import { minimumProblems, versionVerdict } from '../verdict/verdict.js';

/**
 * versionVerdict for a stretch of history. A SCAP_MINIMUM_DRIVER_* inconsistency is blamed
 * only on the stretch that introduced it: check's verdict would call every later change
 * `invalid` while the problem lasts (API 2.0.0 stayed inconsistent for a day), hiding its
 * real status.
 */
export function assessVersion(governs: Governs, base: Surface, head: Surface, findings: Finding[]): VersionVerdict {
  const masked: Surface = { ...head, scapMinimum: { api: null, schema: null } };
  const v = versionVerdict({ governs, base, head: masked, findings });
  const headV = head.versions[governs]?.version;
  const baseV = base.versions[governs]?.version;
  if (!headV || !baseV) return v;
  const now = minimumProblems(governs, head, headV);
  if (!now.length || minimumProblems(governs, base, baseV).length) return v;
  return {
    ...v,
    status: 'invalid',
    statuses: ['invalid', ...v.statuses.filter((s) => s !== 'ok')],
    reasons: [...now, ...v.reasons],
  };
}
