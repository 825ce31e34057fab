/**
 * The driver surface model: plain serialisable data (JSON round-trips). Every item is keyed by
 * its C symbol, never by its position in a file or by comment text, and carries its location.
 */

export interface Loc {
  path: string;
  line: number;
}

/** A named integer constant: an enumerator or a `#define`. */
export interface Constant {
  value: number | null;
  /** The expression as written, for messages when the value cannot be computed. */
  expr: string;
  loc: Loc;
  /** Enclosing `#if` conditions, when the item exists only in some builds. */
  guard?: string[];
}

export interface ParamInfo {
  name: string;
  /** PT_* symbol. */
  type: string;
  /** PF_* symbol. */
  format: string;
  /** Info slot as written, normalised: a flag table name, `DIRFD_PARAM(1)`, a dynamic table. */
  info: string | null;
  /** PT_DYN's 5th field (the table size), as written. */
  ninfo: string | null;
  loc: Loc;
}

export interface EventInfo {
  /** PPME_* symbol. */
  symbol: string;
  name: string;
  /** EC_* symbols, as a sorted set. */
  category: string[];
  /** EF_* symbols, as a sorted set (EF_NONE dropped). */
  flags: string[];
  /** nparams as written (null when it is not a constant we can evaluate). */
  nparams: number | null;
  params: ParamInfo[];
  loc: Loc;
}

export interface VersionFile {
  path: string;
  /** The first line, trimmed. */
  raw: string;
  /** `major.minor.patch`, or null when the first line is not a semver. */
  version: string | null;
}

export interface MinimumVersion {
  macro: string;
  version: string | null;
  expr: string;
  loc: Loc;
}

export interface FlagTableEntry {
  name: string;
  /** The value symbol or expression as written. */
  expr: string;
  value: number | null;
  loc: Loc;
  guard?: string[];
}

export interface FlagTable {
  loc: Loc;
  entries: FlagTableEntry[];
}

export interface DynamicParamTable {
  loc: Loc;
  /** Index symbol (PPM_*_IDX_*) → the param the index selects. */
  entries: Record<string, ParamInfo & { index: number | null }>;
}

export interface PpmScCode {
  value: number | null;
  loc: Loc;
  /** Left as a comment (`/*PPM_SC_X(NA_1, 382)*\/`): the number is reserved. */
  retired?: boolean;
}

export interface Warning {
  /** What could not be read: a path, optionally `@ rev`. */
  path: string;
  message: string;
  /** True when the problem means some of the surface may be missing from the comparison. */
  incomplete: boolean;
}

export interface Surface {
  /** Format of this object, bumped if fields change meaning. */
  surfaceVersion: 1;
  rev: string;
  commit: string | null;
  versions: { api: VersionFile | null; schema: VersionFile | null };
  scapMinimum: { api: MinimumVersion | null; schema: MinimumVersion | null };
  /** ppm_event_code enumerators (PPME_* and PPM_EVENT_MAX). */
  eventCodes: Record<string, Constant>;
  /** g_event_info entries keyed by PPME_* symbol. */
  events: Record<string, EventInfo>;
  /** Enums of ppm_events_public.h keyed by enum (or typedef) name, then enumerator. */
  enums: Record<string, Record<string, Constant>>;
  /** PPM_SC_* codes from the PPM_SC_FIELDS X-macro (or the older plain enum), keyed by full symbol. */
  ppmSc: Record<string, PpmScCode>;
  /** Object-like integer `#define PPM_*` values of ppm_events_public.h (flags and wire constants). */
  defines: Record<string, Constant>;
  /** flags_table.c tables keyed by table name. */
  flagTables: Record<string, FlagTable>;
  /** dynamic_params_table.c tables keyed by table name. */
  dynamicParams: Record<string, DynamicParamTable>;
  warnings: Warning[];
}
