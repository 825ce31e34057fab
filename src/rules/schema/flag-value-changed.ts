import { common } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { flagEntries, wireDefines } from './flag-tables.js';

export const flagValueChanged: Rule = {
  id: 'flag-value-changed',
  title: 'An existing flag or value changed its number',
  governs: 'schema',
  bump: 'major',
  rationale:
    'PPM_* flag values are what the drivers put in payloads; userspace built against the base decodes the old number. A changed value is an incompatible schema change.',
  example: '- #define PPM_O_CREAT (1 << 2)\n+ #define PPM_O_CREAT (1 << 3)',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, b, h] of common(wireDefines(base), wireDefines(head))) {
      if (b.value !== null && h.value !== null && b.value !== h.value)
        hits.push({ symbol: name, message: `${name} changed from ${b.value} to ${h.value}`, location: h.loc });
    }
    for (const [, b, h] of common(flagEntries(base), flagEntries(head))) {
      if (b.value !== null && h.value !== null && b.value !== h.value) {
        hits.push({
          symbol: h.name,
          message: `${h.table}: ${h.name} changed from ${b.value} to ${h.value}`,
          location: h.loc,
        });
      } else if ((b.value === null || h.value === null) && b.expr !== h.expr) {
        hits.push({
          symbol: h.name,
          message: `${h.table}: ${h.name} now maps to ${h.expr} (was ${b.expr})`,
          location: h.loc,
        });
      }
    }
    return hits;
  },
};
