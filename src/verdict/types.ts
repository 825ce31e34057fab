import type { Bump, Finding, Governs } from '../rules/types.js';
import type { Warning } from '../surface/model.js';

export type Status =
  | 'ok'
  | 'missing'
  | 'too-small'
  | 'too-large'
  | 'not-one-step'
  | 'decreased'
  | 'unexplained'
  | 'invalid';

export interface VersionVerdict {
  file: string;
  /** Version at the comparison base (the merge-base). */
  base: string | null;
  head: string | null;
  declared: Bump;
  required: Bump;
  /** The version the head should declare: the base-tip version bumped by `required`. */
  suggested: string | null;
  /** The primary status (the first of `statuses`): `invalid` when the head itself is wrong. */
  status: Status;
  /**
   * Every status that applies, primary first: an invalid head does not hide that the bump is
   * also missing or too large (`['invalid', 'too-large']`). `['ok']` when all is well.
   */
  statuses: Status[];
  /** Plain-language reasons behind the statuses, one sentence each. */
  reasons: string[];
  /** Version at the base branch tip, when it differs from `base` (the PR must rebase onto it). */
  baseTip?: string | null;
  /**
   * The edits that make this version file right, all of them (a major also moves libscap's
   * SCAP_MINIMUM_DRIVER_*_VERSION): applying every one gives `ok` on the next run.
   */
  fixes: Fix[];
}

/** Replace line `line` (1-based) of `file` with `text`. */
export interface Fix {
  file: string;
  line: number;
  text: string;
}

export interface RevInfo {
  rev: string;
  commit: string | null;
}

/** The JSON report, `reportVersion: 1`. Fields may be added, never change meaning. */
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
  /** Findings set aside by the configuration's `ignore` entries: not counted, listed with the reason. */
  ignored: IgnoredFinding[];
  /** The configuration used: a file, or `path @ commit` for the repository's own; absent when none. */
  config?: string;
  /** How an incomplete analysis was judged: `fail` (the default) or `warn` (the configuration's `incomplete`). */
  onIncomplete?: 'fail' | 'warn';
}

/** A finding an `ignore` entry accepted. */
export interface IgnoredFinding extends Finding {
  ignore: { reason: string; expires?: string };
}
