import type { FlagTableEntry, Surface } from '../../surface/model.js';
import { perSurface } from '../compare.js';
import { isWireDefine } from '../../surface/wire-defines.js';

/** Entries of every flag table keyed `table/NAME`; a table may list a name once per #if branch. */
export const flagEntries = perSurface((s: Surface): Record<string, FlagTableEntry & { table: string }> => {
  const out: Record<string, FlagTableEntry & { table: string }> = {};
  for (const [table, t] of Object.entries(s.flagTables)) {
    for (const e of t.entries) out[`${table}/${e.name}`] ??= { ...e, table };
  }
  return out;
});

/** `#define PPM_*` values that travel in payloads (see isWireDefine). */
export const wireDefines = perSurface((s: Surface): Surface['defines'] => Object.fromEntries(Object.entries(s.defines).filter(([name]) => isWireDefine(name))));
