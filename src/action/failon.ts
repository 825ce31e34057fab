import { InputError } from '../errors.js';
import type { Governs } from '../rules/types.js';
import type { AgreementView } from '../report/markdown.js';
import type { CheckReport, Status } from '../verdict/types.js';
import { describeFix } from '../report/fixes.js';
import { FAILING_STATUSES, GOVERNS_ORDER, VERSION_LABEL } from '../vocabulary.js';

/**
 * The `fail-on` input: which outcomes fail the check. Tokens are version statuses, plus
 * `disagreement` (the PR body's /version lines disagree with the version files or the changes)
 * and `incomplete` (part of the surface could not be analysed), and the groups below.
 */
export type FailToken = Exclude<Status, 'ok'> | 'disagreement' | 'incomplete';

const FAIL: FailToken[] = [...(FAILING_STATUSES as readonly FailToken[]), 'incomplete'];
const WARN: FailToken[] = [...FAIL, 'unexplained'];
const GROUPS: Record<string, readonly FailToken[]> = {
  /** What makes `driver-semver check` exit 1. */
  fail: FAIL,
  /** Also a bump nothing explains, and an analysis that could not cover every file. */
  warn: WARN,
  /** Everything, PR-body disagreements included. */
  any: [...WARN, 'disagreement'],
  never: [],
};
const SINGLE: FailToken[] = [...WARN, 'disagreement'];

export const DEFAULT_FAIL_ON = 'fail';

export function parseFailOn(input: string): Set<FailToken> {
  const tokens = (input.trim() || DEFAULT_FAIL_ON)
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const out = new Set<FailToken>();
  for (const t of tokens) {
    if (t in GROUPS) for (const x of GROUPS[t]!) out.add(x);
    else if ((SINGLE as string[]).includes(t)) out.add(t as FailToken);
    else {
      throw new InputError(
        `fail-on: unknown value '${t.slice(0, 40)}'; use a comma-separated list of ${Object.keys(GROUPS).join(', ')}, or of ${SINGLE.join(', ')}`,
      );
    }
  }
  if (tokens.includes('never') && tokens.length > 1)
    throw new InputError(`fail-on: 'never' cannot be combined with other values`);
  return out;
}

export interface FailOutcome {
  /** Versions whose status is in fail-on. */
  failing: Record<Governs, boolean>;
  disagreementFails: boolean;
  /** One short clause per reason the check fails; empty when it passes. */
  reasons: string[];
}

export function evaluateFailOn(
  report: CheckReport,
  agreement: AgreementView | undefined,
  failOn: Set<FailToken>,
): FailOutcome {
  const reasons: string[] = [];
  const failing = { api: false, schema: false };
  for (const g of GOVERNS_ORDER) {
    const v = report.versions[g];
    const hit = v.statuses.filter((s) => s !== 'ok' && failOn.has(s));
    if (hit.length) {
      failing[g] = true;
      const fix = v.fixes.length ? ` (${v.fixes.map(describeFix).join('; ')})` : '';
      reasons.push(
        `${VERSION_LABEL[g]} ${hit.join(', ')}${v.required !== 'none' ? `, needs a ${v.required} bump` : ''}${fix}`,
      );
    }
  }
  const disagreementFails = failOn.has('disagreement');
  if (disagreementFails && agreement?.problems.length)
    reasons.push(
      `PR body: ${agreement.problems[0]}${agreement.problems.length > 1 ? ` (and ${agreement.problems.length - 1} more)` : ''}`,
    );
  // The repository's configuration may make an incomplete analysis a warning (`incomplete: warn`).
  if (failOn.has('incomplete') && report.onIncomplete !== 'warn') {
    const n = report.warnings.filter((w) => w.incomplete).length;
    if (n) reasons.push(`${n} file${n > 1 ? 's' : ''} could not be analysed`);
  }
  return { failing, disagreementFails, reasons };
}
