import type { Bump, Finding, Governs } from '../rules/types.js';
import type { Loc, Warning } from '../surface/model.js';
import type { Status } from '../verdict/types.js';

/** How first-parent commits form pull requests: libs rebase-merges, so one PR shares one committer date. */
export type Grouping = 'committer-date' | 'commit';

/**
 * Per-version status in the audit: check's statuses, plus what only history shows.
 * `late`: the change needed a bump that a later group made (see settledBy).
 * `catch-up`: a bump with nothing to justify it in its own group, covering earlier groups' changes.
 * `wrong-file`: one version needed a bump and the other file was bumped instead.
 */
export type AuditStatus = Status | 'late' | 'catch-up' | 'wrong-file';
/** A group's overall status: its worst version status, or `incomplete` when a changed file could not be read. */
export type GroupStatus = AuditStatus | 'incomplete';

export interface AuditVersion {
  file: string;
  base: string | null;
  head: string | null;
  declared: Bump;
  required: Bump;
  status: AuditStatus;
  reasons: string[];
  /** `late`: the group whose (next) bump covered this change. */
  settledBy?: number;
  /** The earlier groups (since the previous bump) whose changes this bump covered; with `catch-up` when it was made for them. */
  settles?: number[];
}

export interface AuditGroup {
  /** 1-based position in the walk, the id other groups and windows refer to. */
  index: number;
  /** Committer date of the group's last commit (ISO 8601, UTC). */
  date: string;
  /** Oldest first. */
  commits: Array<{ commit: string; subject: string }>;
  /** The commit before the group (what it is compared with). */
  base: string;
  /** The group's last commit. */
  head: string;
  /** Surface files the group changed; empty when it touched none (its surface was not rebuilt). */
  touched: string[];
  versions: Record<Governs, AuditVersion>;
  findings: Finding[];
  /** Problems reading the files this group changed. */
  warnings: Warning[];
  status: GroupStatus;
}

export interface WindowEnd {
  /** The group that bumped the version file; null for the audit's start (or an open end). */
  group: number | null;
  commit: string;
  version: string | null;
}

/** The stretch between two bumps of one version file: what changed versus what the closing bump declared. */
export interface AuditWindow {
  governs: Governs;
  file: string;
  from: WindowEnd;
  to: WindowEnd;
  /** No bump closes it before --to: its changes still wait for one. */
  open: boolean;
  /** Groups inside the window whose changes this version governs. */
  changedBy: number[];
  declared: Bump;
  required: Bump;
  status: Status;
  reasons: string[];
  findings: Finding[];
}

export interface AuditSummary {
  commits: number;
  groups: number;
  /** Groups that changed a surface file (only these are rebuilt and compared). */
  surfaceGroups: number;
  /** Groups whose status is not ok. */
  flagged: number;
  byStatus: Partial<Record<GroupStatus, number>>;
  windows: Record<Governs, Partial<Record<Status, number>>>;
  /** Distinct blobs parsed during the walk (each at most once). */
  blobsParsed: number;
  /** Worker threads that parsed ahead of the walk (0: all on the main thread). */
  workers: number;
  /** Of blobsParsed, how many the workers parsed (the rest: on the main thread). */
  parsedInWorkers: number;
}

export interface AuditReport {
  reportVersion: 1;
  command: 'audit';
  from: { rev: string; commit: string };
  to: { rev: string; commit: string };
  /** The first-parent commit the walk compares its first group with (normally --from itself). */
  start: string;
  grouping: Grouping;
  summary: AuditSummary;
  groups: AuditGroup[];
  windows: AuditWindow[];
  warnings: Warning[];
  verdict: 'pass' | 'warn' | 'fail';
}

export interface TagInfo {
  name: string;
  version: string;
  commit: string;
}

export type ReleaseVersionStatus = 'ok' | 'too-small' | 'decreased' | 'invalid';

export interface ReleaseVersion {
  file: string;
  previous: string | null;
  tag: string | null;
  /** What the version file did between the two tags. */
  declared: Bump | 'decreased';
  /** The largest bump the changes found between the two tags need. */
  required: Bump;
  status: ReleaseVersionStatus;
  reasons: string[];
}

export interface ReleaseReport {
  reportVersion: 1;
  command: 'release';
  tag: TagInfo;
  /** The highest driver tag below this one by semver precedence (null for the first driver tag). */
  previous: (TagInfo & { ancestor: boolean }) | null;
  driverVersion: {
    /** The release the number counts from: the previous tag, or for a pre-release → final, the previous line. */
    countsFrom: { name: string; version: string } | null;
    /** The bump of the driver number the version files call for. */
    bump: Bump | null;
    expected: string | null;
    actual: string;
    status: 'ok' | 'wrong';
    reason: string;
  };
  versions: Record<Governs, ReleaseVersion>;
  minimums: Record<Governs, { macro: string; version: string | null; problems: string[] } | null>;
  findings: Finding[];
  warnings: Warning[];
  /** Every reason the tag is refused, one sentence each. */
  problems: string[];
  verdict: 'accepted' | 'refused';
}

export interface CompatCheck {
  driver: string;
  required: string;
  macro: string;
  location: Loc;
  accepted: boolean;
  reason: string;
}

export interface CompatReport {
  reportVersion: 1;
  command: 'compat';
  rev: { rev: string; commit: string };
  checks: Record<Governs, CompatCheck>;
  verdict: 'accepted' | 'refused';
}
