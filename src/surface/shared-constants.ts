/**
 * Constants the driver and userspace must agree on: object-like integer macros of the headers
 * both sides compile (docs/driver-surface.md, Shared constants). The values the drivers put in
 * payloads (`PPM_*` flag values: the flag-value rules), ioctl numbers (the ioctl rules) and the
 * version macros are judged elsewhere and left out here.
 */
import { evaluateNumber, type SymbolTable } from '../parse/consteval.js';
import type { FileFacts } from './facts.js';
import { loc, type Constant, type Surface } from './model.js';
import { record } from '../record.js';

/** The headers userspace includes from driver/ (libscap, libpman: `#include <driver/...>`). */
export const SHARED_HEADERS = [
  'driver/ppm_events_public.h',
  'driver/ppm_ringbuffer.h',
  'driver/capture_macro.h',
  'driver/modern_bpf/shared_definitions/struct_definitions.h',
  'driver/bpf/types.h',
];

/**
 * The shared constants userspace uses, found by searching libscap and libpman at 0.20.0,
 * c5ea0da85~1 (the last revision with the legacy probe) and 2026-07 (48dfd53cd): reading
 * userspace at every revision would make every libscap change a driver change. `schema`: the
 * constant shapes events (how many params one carries, the direction bit); `api`: it sizes or
 * sets up what the two sides exchange.
 */
export const USERSPACE_CONSTANTS = record<{ governs: 'api' | 'schema'; usedBy: string }>({
  PPM_MAX_EVENT_PARAMS: {
    governs: 'schema',
    usedBy: 'libscap scap_print_event.c and libpman iterators.c size param arrays with it',
  },
  PPME_DIRECTION_FLAG: {
    governs: 'schema',
    usedBy: 'libscap scap_event.c and the converter tell enter from exit events with it (PPME_IS_ENTER)',
  },
  PPM_MAX_NAME_LEN: { governs: 'api', usedBy: 'libscap ppm_sc_names.c sizes the syscall names with it' },
  SYSCALL_TABLE_SIZE: {
    governs: 'api',
    usedBy:
      'the libscap kmod and modern_bpf engines and scap_ppm_sc.c size the syscall tables and masks they pass to the drivers with it',
  },
  MAX_ITER_EVENT_SIZE: {
    governs: 'api',
    usedBy: 'libpman iterators.c sizes the buffer it reads iterator events into with it',
  },
  SNAPLEN: {
    governs: 'api',
    usedBy: "libscap's legacy eBPF engine (scap_bpf.c) sets the probe's default snaplen with it",
  },
  SNAPLEN_MAX: {
    governs: 'api',
    usedBy: "libscap's legacy eBPF engine (scap_bpf.c) validates the snaplen it sets with it",
  },
  RW_SNAPLEN: { governs: 'api', usedBy: 'SNAPLEN before 05f441523 (libscap scap_bpf.c)' },
  RW_MAX_SNAPLEN: { governs: 'api', usedBy: 'SNAPLEN_MAX before 05f441523 (libscap scap_bpf.c)' },
  PPM_PORT_STATSD: {
    governs: 'api',
    usedBy: 'libpman maps.c and the legacy eBPF engine set the default statsd port with it',
  },
  SECOND_TO_NS: {
    governs: 'api',
    usedBy: 'libscap scap_procs.c and scap_machine_info.c convert the times it reads with it',
  },
});

/**
 * Headers that exist only to be shared with userspace ("This gets mapped to user level";
 * shared_definitions): everything they define is something both sides agree on. The others mix
 * driver-internal values (snaplen heuristics, kernel compat defines) with shared ones.
 */
export const SHARED_ONLY_HEADERS = [
  'driver/ppm_ringbuffer.h',
  'driver/modern_bpf/shared_definitions/struct_definitions.h',
];

/** Whether userspace uses a constant: listed in USERSPACE_CONSTANTS, or defined in a header that exists to be shared. */
export function sharedWithUserspace(name: string, c: Constant): boolean {
  return Object.hasOwn(USERSPACE_CONSTANTS, name) || SHARED_ONLY_HEADERS.includes(c.loc.path);
}

/** Judged by other rules, or not a value: version macros, ioctls, index sentinels that grow with their lists. */
const ELSEWHERE = /^PPM_(API|SCHEMA|VERSION|IOCTL)_|_IDX_MAX$|_H_?$/;

/** What the build model says about the headers' macros (build.ts). */
export interface MacroReading {
  /** The values a file's macros see (its own include tree's macros). */
  symsOf(path: string): SymbolTable;
  /** Whether some build compiles the file's `index`-th #define. */
  live(path: string, index: number): boolean;
  /** The conditions around a line, when not every build compiles it. */
  guard(path: string, line: number): string[] | undefined;
}

/** The shared constants of one revision, by name (the first live definition wins). */
export function resolveSharedConstants(
  facts: FileFacts[],
  wire: Set<string>,
  read: MacroReading,
): Surface['sharedConstants'] {
  const out: Surface['sharedConstants'] = record();
  for (const path of SHARED_HEADERS) {
    const f = facts.find((x) => x.path === path);
    if (!f) continue;
    f.macros.forEach((m, i) => {
      if (
        m.params !== null ||
        m.body === '' ||
        ELSEWHERE.test(m.name) ||
        wire.has(m.name) ||
        Object.hasOwn(out, m.name) ||
        !read.live(path, i)
      )
        return;
      const value = evaluateNumber(m.body, read.symsOf(path));
      if (value === null) return;
      const guard = read.guard(path, m.line);
      const c: Constant = { value, expr: m.body, loc: loc(f.path, m.line), ...(guard ? { guard } : {}) };
      out[m.name] = c;
    });
  }
  return out;
}
