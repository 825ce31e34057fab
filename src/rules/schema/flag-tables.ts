import type { FlagTableEntry, Surface } from '../../surface/model.js';
import { perSurface } from '../compare.js';

/** Entries of every flag table keyed `table/NAME`; a table may list a name once per #if branch. */
export const flagEntries = perSurface((s: Surface): Record<string, FlagTableEntry & { table: string }> => {
  const out: Record<string, FlagTableEntry & { table: string }> = {};
  for (const [table, t] of Object.entries(s.flagTables)) {
    for (const e of t.entries) out[`${table}/${e.name}`] ??= { ...e, table };
  }
  return out;
});

/**
 * `#define PPM_*` values that travel in payloads (flag bits, fcntl commands, dynamic-param
 * indexes). Not here: ioctl numbers and API constants (API half), limits (PPM_MAX_*) and
 * sentinels (*_MAX).
 */
export const wireDefines = perSurface((s: Surface): Surface['defines'] => {
  // *_MAX sentinels (PPM_SOCKOPT_IDX_MAX) are counts that grow when a value is appended.
  return Object.fromEntries(Object.entries(s.defines).filter(([name]) => !/^PPM_(IOCTL_|MAX_|API_|VERSION_|SCHEMA_)/.test(name) && !/_MAX$/.test(name)));
});
