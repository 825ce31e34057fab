import { added } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { flagEntries, namesExistingValue } from './flag-tables.js';

export const flagNameAdded: Rule = {
  id: 'flag-name-added',
  title: 'A flag table gains a name for a PPM_* value that already existed',
  governs: 'schema',
  bump: 'patch',
  rationale:
    'The flag tables (flags_table.c) tell userspace how to print the values the drivers put in payloads. An entry (or a new table) for a PPM_* value that already existed at the base only names a value the driver could already send: how userspace prints it changes, the event does not (libs bb45c6358 rendered CLONE_CHILD_IN_PIDNS this way). README.VERSION.md SCHEMA patch, "code changes don\'t break compatibility (e.g. bug fixes ...)". A new PPM_* value the driver starts sending is flag-value-added, a minor.',
  example: '  {"CLONE_VFORK", PPM_CL_CLONE_VFORK},\n+ {"CLONE_CHILD_IN_PIDNS", PPM_CL_CHILD_IN_PIDNS},',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, t] of added(base.flagTables, head.flagTables)) {
      if (t.entries.length && t.entries.every((e) => namesExistingValue(base, e)))
        hits.push({
          symbol: name,
          message: `new flag table ${name} names ${t.entries.length} existing values`,
          location: t.loc,
        });
    }
    for (const [, e] of added(flagEntries(base), flagEntries(head))) {
      if (base.flagTables[e.table] && namesExistingValue(base, e))
        hits.push({
          symbol: e.name,
          message: `${e.table} gains a name for an existing value: ${e.name} = ${e.expr}`,
          location: e.loc,
        });
    }
    return hits;
  },
};
