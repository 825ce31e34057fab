import type { FlagTableEntry, Surface } from '../../surface/model.js';
import { perSurface } from '../compare.js';
import { isWireDefine } from '../../surface/wire-defines.js';
import { splitOr } from '../../surface/extract/syntax.js';
import { record } from '../../record.js';

/** Entries of every flag table keyed `table/NAME`; a table may list a name once per #if branch. */
export const flagEntries = perSurface((s: Surface): Record<string, FlagTableEntry & { table: string }> => {
  const out = record<FlagTableEntry & { table: string }>();
  for (const [table, t] of Object.entries(s.flagTables)) {
    for (const e of t.entries) out[`${table}/${e.name}`] ??= { ...e, table };
  }
  return out;
});

/** `#define PPM_*` values that travel in payloads (see isWireDefine). */
export const wireDefines = perSurface((s: Surface): Surface['defines'] =>
  record(Object.entries(s.defines).filter(([name]) => isWireDefine(name))),
);

/**
 * A flag-table entry whose value is written with `PPM_*` values that already existed at the base
 * (`PPM_O_TMPFILE`, `PPM_O_RDONLY | PPM_O_WRONLY`): the driver could already send it, the entry
 * only names it for printing. A literal or a new define is a new value.
 */
export function namesExistingValue(base: Surface, e: FlagTableEntry): boolean {
  const ops = splitOr(e.expr);
  const known = wireDefines(base);
  return ops.length > 0 && ops.every((op) => /^PPM_\w+$/.test(op) && Object.hasOwn(known, op));
}
