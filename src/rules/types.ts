import type { Loc, Surface } from '../surface/model.js';

export type Bump = 'none' | 'patch' | 'minor' | 'major';
export type Governs = 'api' | 'schema';

export const BUMP_ORDER: Bump[] = ['none', 'patch', 'minor', 'major'];

export function maxBump(a: Bump, b: Bump): Bump {
  return BUMP_ORDER.indexOf(a) >= BUMP_ORDER.indexOf(b) ? a : b;
}

/** What a rule reports for one difference; the catalogue entry adds rule, governs and bump. */
export interface Hit {
  /**
   * The C symbol (or file, for code added or removed with its file) the finding is about: what
   * an `ignore` entry names, and part of a finding's stable identity across pushes.
   */
  symbol: string;
  message: string;
  location: Loc | null;
  /**
   * `modern-probe`: about the modern eBPF probe, which is built into libpman (its skeleton is
   * embedded), so configuration may treat its changes as bundled rather than cross-version ABI.
   */
  scope?: 'modern-probe';
}

export interface Finding extends Hit {
  rule: string;
  governs: Governs;
  bump: Bump;
  /**
   * `change`: a difference that needs a bump. `invalid`: the head revision is itself wrong
   * (a table that contradicts itself, a libscap minimum libscap would refuse) whatever the bump.
   * `note`: informative only.
   */
  kind: 'change' | 'invalid' | 'note';
}

/** One catalogue entry (docs/architecture.md, Rules). */
export interface Rule {
  /** Stable kebab-case id, used in reports, `explain` and configuration. */
  id: string;
  title: string;
  governs: Governs;
  bump: Bump;
  kind?: Finding['kind'];
  /** Why, citing libs' own rule (driver/README.VERSION.md, the event_table.c header). */
  rationale: string;
  /** A short before/after illustration for `explain`. */
  example: string;
  check(base: Surface, head: Surface): Hit[];
}
