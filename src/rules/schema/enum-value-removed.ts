import { removed, renamedPairs } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { isSentinel, schemaEnums } from './wire-enums.js';
import { record } from '../../record.js';

export const enumValueRemoved: Rule = {
  id: 'enum-value-removed',
  title: 'A value was removed from a schema enum',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'Both sides compile their own tables, so a value the drivers stop using breaks no reader, but userspace built against the head can no longer name it: a visible change, SCHEMA minor. libs retires such values as comments ("SUPPORT DROPPED") so the number is never reused; reusing it is enum-value-renumbered (major).',
  example: '- EF_DROP_SIMPLE_CONS = (1 << 10),\n+ // EF_DROP_SIMPLE_CONS = (1 << 10), SUPPORT DROPPED',
  check(base, head) {
    const hits: Hit[] = [];
    const headEnums = record(schemaEnums(head));
    for (const [name, values] of schemaEnums(base)) {
      if (!headEnums[name]) {
        hits.push({
          symbol: name,
          message: `enum ${name} was removed`,
          location: Object.values(values)[0]?.loc ?? null,
        });
        continue;
      }
      const renamed = new Set(renamedPairs(values, headEnums[name]).map((p) => p.from));
      for (const [sym, c] of removed(values, headEnums[name])) {
        if (!isSentinel(sym) && !renamed.has(sym))
          hits.push({ symbol: sym, message: `${name}: ${sym} (${c.value ?? c.expr}) was removed`, location: c.loc });
      }
    }
    return hits;
  },
};
