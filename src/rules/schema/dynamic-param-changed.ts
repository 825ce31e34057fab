import { common, removed } from '../compare.js';
import { sameWire } from '../wire.js';
import type { Hit, Rule } from '../types.js';

export const dynamicParamChanged: Rule = {
  id: 'dynamic-param-changed',
  title: 'A dynamic-param table or entry was removed, or an entry changed index or type',
  governs: 'schema',
  bump: 'major',
  rationale:
    'A PT_DYN param carries a 1-byte index into these tables on the wire; userspace built against the base decodes the payload with the type its own table gives that index.',
  example:
    '- [PPM_SOCKOPT_IDX_ERRNO] = {{0}, PT_ERRNO, PF_DEC, 0, 0},\n+ [PPM_SOCKOPT_IDX_ERRNO] = {{0}, PT_INT32, PF_DEC, 0, 0},',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [table, t] of removed(base.dynamicParams, head.dynamicParams))
      hits.push({ symbol: table, message: `dynamic-param table ${table} was removed`, location: t.loc });
    for (const [table, b, h] of common(base.dynamicParams, head.dynamicParams)) {
      for (const [idx, be] of Object.entries(b.entries)) {
        const he = h.entries[idx];
        if (!he) hits.push({ symbol: idx, message: `${table}: ${idx} was removed`, location: h.loc });
        else if (be.index !== null && he.index !== null && be.index !== he.index)
          hits.push({
            symbol: idx,
            message: `${table}: ${idx} moved from ${be.index} to ${he.index}`,
            location: he.loc,
          });
        else if (be.type !== he.type && sameWire(be.type, he.type) !== true)
          hits.push({ symbol: idx, message: `${table}: ${idx} type ${be.type} → ${he.type}`, location: he.loc });
      }
    }
    return hits;
  },
};
