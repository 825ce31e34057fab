import { removed } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { flagEntries, wireDefines } from './flag-tables.js';

export const flagValueRemoved: Rule = {
  id: 'flag-value-removed',
  title: 'A flag table entry, a flag table, or a PPM_* value define was removed',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'The drivers stop producing a value that userspace built against the base still knows: nothing mis-decodes, but the set of values changes visibly, SCHEMA minor. Reusing the number later is flag-value-changed.',
  example: '- {"O_LARGEFILE", PPM_O_LARGEFILE},',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, t] of removed(base.flagTables, head.flagTables))
      hits.push({ symbol: name, message: `flag table ${name} was removed`, location: t.loc });
    for (const [, e] of removed(flagEntries(base), flagEntries(head))) {
      if (head.flagTables[e.table])
        hits.push({ symbol: e.name, message: `${e.table} loses ${e.name}`, location: head.flagTables[e.table]!.loc });
    }
    for (const [name, c] of removed(wireDefines(base), wireDefines(head)))
      hits.push({ symbol: name, message: `${name} (${c.expr}) was removed`, location: c.loc });
    return hits;
  },
};
