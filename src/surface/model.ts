/**
 * The driver surface model: plain serialisable data (JSON round-trips). Every item is keyed by
 * its C symbol, never by its position in a file or by comment text, and carries its location.
 */
import { VIEW_LABEL } from '../parse/build-configs.js';
import { record } from '../record.js';

export interface Loc {
  path: string;
  line: number;
}

export function loc(path: string, line: number): Loc {
  return { path, line };
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
  /** The nparams expression, when its value cannot be computed (to tell two unknown ones apart). */
  nparamsExpr?: string;
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

/** How the drivers route one syscall (g_syscall_table, keyed by its __NR_* symbol). */
export interface SyscallRoute {
  /** UF_* flags as a sorted set. */
  flags: string[];
  /** The enter/exit events it produces; PPME_GENERIC_E/X when it has no dedicated ones. */
  enter: string;
  exit: string;
  /** The PPM_SC_* code reported for it, or null (old tables had none). */
  ppmSc: string | null;
  loc: Loc;
  guard?: string[];
}

export interface Warning {
  /** What could not be read: a path, optionally `@ rev`. */
  path: string;
  message: string;
  /** True when the problem means some of the surface may be missing from the comparison. */
  incomplete: boolean;
  /**
   * The file was not read at all (not a regular file, too large, unparsable): what it defines is
   * left out of the comparison on both sides rather than read as removed (comparable.ts).
   */
  unread?: true;
}

export type { Conflict } from './builds.js';
import type { Conflict } from './builds.js';

/** A C struct's layout (computed by surface/layout.ts for LP64 targets). */
export type { StructLayout, FieldLayout } from './layout.js';
import type { StructLayout } from './layout.js';
import type { BoundaryMark } from './extract/code/boundary.js';

/** Counter fields: every counter of the shared stats structs is named `n_*` (n_evts, n_drops_buffer, ...). */
export function isCounterField(name: string): boolean {
  return /^n_\w+$/.test(name);
}

/** The `n_*` fields of the shared structs: the counters userspace reads (ppm_ring_buffer_info, counter_map, ...). */
export function counterFields(structs: Record<string, StructLayout>): Set<string> {
  const out = new Set<string>();
  for (const s of Object.values(structs)) for (const f of s.fields) if (isCounterField(f.name)) out.add(f.name);
  return out;
}

export interface Ioctl {
  /** The full ioctl number (`_IO(PPM_IOCTL_MAGIC, n)` decoded), null if it cannot be evaluated. */
  number: number | null;
  /** The `nr` argument (the number within the magic). */
  nr: number | null;
  expr: string;
  loc: Loc;
}

/** A map of the modern or the legacy eBPF probe. */
export interface BpfMap {
  probe: 'modern' | 'legacy';
  /** BPF_MAP_TYPE_* as written. */
  type: string;
  keyType: string | null;
  valueType: string | null;
  keySize: number | null;
  valueSize: number | null;
  /** max_entries evaluated (null when unset: libpman sizes it at load time). */
  maxEntries: number | null;
  maxEntriesExpr: string | null;
  /** Legacy probe: declaration order, the index userspace uses (enum scap_map_types). */
  index: number | null;
  loc: Loc;
  guard?: string[];
}

/** A global of the modern probe that userspace reads or writes through the skeleton. */
export interface BpfGlobal {
  probe: 'modern' | 'legacy';
  /** `rodata` (const volatile), `data` (initialised) or `bss`. */
  section: 'rodata' | 'data' | 'bss';
  /** Normalised type, arrays as `uint8_t[512]`. */
  type: string;
  size: number | null;
  loc: Loc;
}

/** An ordered list whose positions are ABI (KMOD_PROGS, sys_exit_extra_code, FILLER_LIST_MAPPER). */
export interface CodeList {
  governs: 'api' | 'schema';
  entries: Array<{ name: string; loc: Loc }>;
  loc: Loc;
}

/** A kernel module parameter (module_param / module_param_cb / module_param_named). */
export interface ModuleParam {
  type: string;
  /** The permission bits in octal (`0444` however it is spelled), or the expression when it has no value. */
  perm: string;
  /** Operations its kernel_param_ops (or module_param_call) leave out: the kernel refuses that read or write whatever `perm` says. */
  lacks?: Array<'get' | 'set'>;
  loc: Loc;
}

/** The code of one driver function (filler, helper, or eBPF program), compared as tokens. */
export interface CodeFunction {
  line: number;
  /** Hash of the body's tokens, comments and whitespace dropped. */
  hash: string;
  /** Its hashes as kernel builds see it, when it has kernel-compatibility regions (LINUX_VERSION_CODE, HAS_*, bpf_core_*). */
  compatVariants?: CompatVariants;
  /** It exists only under kernel-compatibility conditionals: adding or removing it is a build matter. */
  kernelSpecific?: true;
  /**
   * Functions and macros it calls directly (extract/code/boundary.ts), space-separated (one
   * string rather than a list: a history's audit holds these for every function version);
   * left out when none.
   */
  calls?: string;
  /** Names it mentions that it does not declare (candidate probe maps and globals), space-separated; left out when none. */
  globals?: string;
  /** Event codes it passes to a call (`ringbuf__reserve_space(&rb, SIZE, PPME_X)`) or assigns: the events it starts, space-separated; left out when none. */
  events?: string;
  /** Macro-case names it uses and the names its conditionals test (candidate macros, with calls and globals), space-separated; left out when none. */
  macroNames?: string;
  /** Boundary primitives it uses by itself; left out when none. */
  marks?: BoundaryMark[];
  /** The `n_*` counter fields it updates; left out when none. */
  counters?: string[];
  /** Hash of the function with its counter updates left out (only when it updates some). */
  statsFreeHash?: string;
  /** Hash with counter updates and tail calls left out (only when it tail-calls). */
  glueFreeHash?: string;
  /** It does nothing but update counters. */
  countsOnly?: true;
  /** Hash of what it writes into the event header (extract/code/header-writes.ts); left out when it writes none. */
  headerHash?: string;
  /** What it does for the driver, set per revision from the call graph (surface/code-roles.ts). */
  role?: CodeRole;
}

/**
 * A function as kernel builds compile it (extract/code-bodies.ts): the oldest supported kernel
 * without and with the probed kernel APIs, each without and with the configuration options;
 * the newest kernel with all of them.
 */
export interface CompatVariants {
  oldest: [string, string, string, string];
  newest: string;
}

/** The `compatVariants` of a function, or its hash for every build when it has no kernel-compatibility regions. */
export function compatVariants(fn: CodeFunction): CompatVariants {
  return fn.compatVariants ?? { oldest: [fn.hash, fn.hash, fn.hash, fn.hash], newest: fn.hash };
}

/** Whether a function exists only under kernel-compatibility conditionals. */
export function isKernelSpecific(fn: CodeFunction): boolean {
  return fn.kernelSpecific === true;
}

/**
 * Whether two functions' oldest-kernel variants (`CompatVariants.oldest`) show a change confined
 * to kernel-compatibility code: for one outcome of the kernel API probes (the APIs absent, or
 * present: a probe may mark older or newer kernels), the oldest supported kernel builds the same
 * code with and without its configuration options. New code for newer kernels keeps it; code
 * changed in every branch alike, or added where the oldest kernel compiles it, does not.
 */
export function keepsOldestBuild(base: readonly string[], head: readonly string[]): boolean {
  const same = (i: number) => base[i] === head[i];
  return (same(0) && same(1)) || (same(2) && same(3));
}

/**
 * `filler`: computes or writes the params of events. Plumbing moves events across the boundary
 * without computing their params, in two kinds: `dispatch` decides which events are produced
 * and sent (tail-call dispatch, sampling and drops, interesting syscalls, settings and map
 * lookups), `transport` carries them (ring-buffer reservation and submission, the event header).
 * `statistics`: updates the counters userspace reads.
 */
export type CodeRole = 'filler' | 'dispatch' | 'transport' | 'statistics';

export interface CodeFile {
  /** Which driver the file is built into. */
  probe: 'kmod' | 'modern' | 'legacy' | 'shared';
  functions: Record<string, CodeFunction>;
  /** Its `#define`s by name (extract/code/defines.ts); left out when none. */
  macros?: Record<string, CodeMacro>;
}

/** Which driver a code file is built into, in words (the build views' own labels). */
export const PROBE_LABEL: Record<CodeFile['probe'], string> = {
  kmod: VIEW_LABEL.kmod,
  modern: VIEW_LABEL.modern,
  legacy: VIEW_LABEL.legacy,
  shared: 'shared by the drivers',
};

/** The `#define`s of one name in a code file: part of the code of the functions that use it (surface/code-defines.ts). */
export interface CodeMacro {
  line: number;
  /** Hash of every definition (and `#undef`) of the name, in source order. */
  hash: string;
  /** As kernel builds see it, when they compile different definitions. */
  compatVariants?: CompatVariants;
  /** Names its bodies use, space-separated; left out when none. */
  mentions?: string;
}

/** A driver in the event production matrix (surface/production.ts). */
export type ProducingDriver = 'kmod' | 'legacy' | 'modern';

/** How the kmod or the legacy probe fills an event: its g_ppm_events entry. */
export interface FillerEntry {
  filler: string;
  /** The rest of the entry as written (autofill count, type and args), '' when none. */
  args: string;
  loc: Loc;
  guard?: string[];
}

/** Which drivers produce one event, and with what. */
export interface EventProduction {
  kmod?: FillerEntry;
  legacy?: FillerEntry;
  /** The modern probe's functions that start the event. */
  modern?: { programs: string[]; loc: Loc };
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
  /** Enumerators left as comments ("SUPPORT DROPPED"), by enum: their numbers are reserved. */
  retiredEnumValues: Record<string, Record<string, Constant>>;
  /** PPM_SC_* codes from the PPM_SC_FIELDS X-macro (or the older plain enum), keyed by full symbol. */
  ppmSc: Record<string, PpmScCode>;
  /** Object-like integer `#define PPM_*` values of ppm_events_public.h (flags and wire constants). */
  defines: Record<string, Constant>;
  /** Integer constants of the headers both sides compile (surface/shared-constants.ts), by name. */
  sharedConstants: Record<string, Constant>;
  /** flags_table.c tables keyed by table name. */
  flagTables: Record<string, FlagTable>;
  /** dynamic_params_table.c tables keyed by table name. */
  dynamicParams: Record<string, DynamicParamTable>;
  /** g_syscall_table: which events and ppm_sc each syscall produces, with its UF_* flags. */
  syscalls: Record<string, SyscallRoute>;
  /** API half. Shared structs (userspace reads or writes them across the boundary), by name. */
  structs: Record<string, StructLayout>;
  /** PPM_IOCTL_* numbers. */
  ioctls: Record<string, Ioctl>;
  /** Ioctl numbers kept as comments ("Support dropped"): reserved, by name. */
  retiredIoctls: Record<string, Ioctl>;
  bpfMaps: Record<string, BpfMap>;
  bpfGlobals: Record<string, BpfGlobal>;
  codeLists: Record<string, CodeList>;
  moduleParams: Record<string, ModuleParam>;
  /** Function bodies of the fillers and programs, by file path. */
  code: Record<string, CodeFile>;
  /** Live definitions of one thing that disagree (each also a warning): what the build model could not settle. */
  conflicts?: Conflict[];
  /** The lowest kernel each kernel build supports, as the driver states it (`kmod: '3.10.0'`). */
  kernels?: Partial<Record<'kmod' | 'legacy', string>>;
  /** The event production matrix: the drivers present, and per PPME_* symbol what produces it. */
  production: { drivers: ProducingDriver[]; events: Record<string, EventProduction> };
  warnings: Warning[];
}

/** A surface with nothing in it, for tests and for revisions without a driver (its records keyed by C names, see record.ts). */
export function emptySurface(rev: string, commit: string | null = null): Surface {
  return {
    surfaceVersion: 1,
    rev,
    commit,
    versions: { api: null, schema: null },
    scapMinimum: { api: null, schema: null },
    eventCodes: record(),
    events: record(),
    enums: record(),
    retiredEnumValues: record(),
    ppmSc: record(),
    defines: record(),
    sharedConstants: record(),
    flagTables: record(),
    dynamicParams: record(),
    syscalls: record(),
    structs: record(),
    ioctls: record(),
    retiredIoctls: record(),
    bpfMaps: record(),
    bpfGlobals: record(),
    codeLists: record(),
    moduleParams: record(),
    code: record(),
    production: { drivers: [], events: record() },
    warnings: [],
  };
}
