import { added, common } from '../compare.js';
import type { Hit, Rule } from '../types.js';

export const dynamicParamAdded: Rule = {
  id: 'dynamic-param-added',
  title: 'A dynamic-param table or entry was added',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'A new PT_DYN alternative (or table, as for keyctl) is a compatible feature: existing indexes keep their meaning, SCHEMA minor.',
  example: '+ [PPM_KEYCTL_IDX_CHARBUF] = {{0}, PT_CHARBUF, PF_NA, 0, 0},',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [table, t] of added(base.dynamicParams, head.dynamicParams))
      hits.push({ symbol: table, message: `new dynamic-param table ${table}`, location: t.loc });
    for (const [table, b, h] of common(base.dynamicParams, head.dynamicParams)) {
      for (const [idx, e] of added(b.entries, h.entries))
        hits.push({ symbol: idx, message: `${table} gains ${idx} (${e.type})`, location: e.loc });
    }
    return hits;
  },
};
