import { added } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { flagEntries, namesExistingValue, wireDefines } from './flag-tables.js';

export const flagValueAdded: Rule = {
  id: 'flag-value-added',
  title: 'A flag or value was added (a flag_table.c entry, a new table, or a PPM_* value define)',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'New flag values are new features that leave existing values untouched: README.VERSION.md SCHEMA minor. Old userspace renders an unknown bit as a number. A table entry (or a new table) that only names a PPM_* value which already existed is flag-name-added.',
  example: '  {"O_TMPFILE", PPM_O_TMPFILE},\n+ {"O_NEWFLAG", PPM_O_NEWFLAG},',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, t] of added(base.flagTables, head.flagTables)) {
      // A table of values the driver could already send only names them: flag-name-added.
      const fresh = t.entries.filter((e) => !namesExistingValue(base, e));
      if (fresh.length)
        hits.push({
          symbol: name,
          message: `new flag table ${name} (${t.entries.length} values, ${fresh.length} of them new)`,
          location: t.loc,
        });
    }
    const baseEntries = flagEntries(base);
    for (const [, e] of added(baseEntries, flagEntries(head))) {
      if (base.flagTables[e.table] && !namesExistingValue(base, e))
        hits.push({ symbol: e.name, message: `${e.table} gains ${e.name} = ${e.expr}`, location: e.loc });
    }
    for (const [name, c] of added(wireDefines(base), wireDefines(head)))
      hits.push({ symbol: name, message: `new ${name} = ${c.expr}`, location: c.loc });
    return hits;
  },
};
