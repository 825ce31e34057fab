import type { Bump, Finding, Governs } from '../rules/types.js';
import type { Warning } from '../surface/model.js';

export type Status = 'ok' | 'missing' | 'too-small' | 'too-large' | 'not-one-step' | 'decreased' | 'unexplained' | 'invalid';

export interface VersionVerdict {
  file: string;
  /** Version at the comparison base (the merge-base). */
  base: string | null;
  head: string | null;
  declared: Bump;
  required: Bump;
  /** The version the head should declare: the base-tip version bumped by `required`. */
  suggested: string | null;
  status: Status;
  /** Plain-language reasons behind the status, one sentence each. */
  reasons: string[];
  /** Version at the base branch tip, when it differs from `base` (the PR must rebase onto it). */
  baseTip?: string | null;
}

export interface RevInfo {
  rev: string;
  commit: string | null;
}

/** The JSON report, `reportVersion: 1` (DESIGN.md §4). Fields may be added, never changed. */
export interface CheckReport {
  reportVersion: 1;
  base: RevInfo;
  head: RevInfo;
  /** The base branch tip, when it moved past the merge-base the comparison starts from. */
  baseTip?: RevInfo;
  versions: Record<Governs, VersionVerdict>;
  findings: Finding[];
  warnings: Warning[];
  verdict: 'pass' | 'warn' | 'fail';
}
