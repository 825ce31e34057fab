import type { Constant, Surface } from '../../surface/model.js';

/**
 * Enums of ppm_events_public.h that belong to another rule or are not part of the event
 * schema: event codes and ppm_sc codes have their own rules, the rest are driver-internal or
 * API (tail-call indexes).
 */
const NOT_SCHEMA = new Set(['sys_exit_extra_code', 'extra_event_prog_code', 'syscall_flags', 'autofill_paramtype', 'ppm_driver_event_id']);

/** Schema enums of one surface: enum name → enumerators. */
export function schemaEnums(s: Surface): Array<[string, Record<string, Constant>]> {
  return Object.entries(s.enums).filter(([name]) => !NOT_SCHEMA.has(name));
}

/** Sentinel enumerators (PT_MAX, ...) move whenever a value is appended. */
export function isSentinel(name: string): boolean {
  return /_MAX$/.test(name);
}

/**
 * Symbols removed and added at the same value in one change: a rename (libs renamed
 * EF_TMP_CONVERTER_MANAGED to EF_CONVERTER_MANAGED, PPM_SC_SIGRETURN_RT... to
 * PPM_SC_RT_SIGRETURN), not a removal plus an addition.
 */
export function renamedPairs(base: Record<string, { value: number | null }>, head: Record<string, { value: number | null }>): Array<{ from: string; to: string; value: number }> {
  const gone = Object.entries(base).filter(([sym, c]) => !head[sym] && c.value !== null);
  const fresh = Object.entries(head).filter(([sym, c]) => !base[sym] && c.value !== null);
  const pairs: Array<{ from: string; to: string; value: number }> = [];
  for (const [from, c] of gone) {
    const i = fresh.findIndex(([, h]) => h.value === c.value);
    if (i >= 0) pairs.push({ from, to: fresh.splice(i, 1)[0]![0], value: c.value! });
  }
  return pairs;
}
