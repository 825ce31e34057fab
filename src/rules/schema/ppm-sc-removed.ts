import { common, removed } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { liveCodes } from './ppm-sc-renamed.js';
import { renamedPairs } from './wire-enums.js';

export const ppmScRemoved: Rule = {
  id: 'ppm-sc-removed',
  title: 'A PPM_SC_* code was removed or retired',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'The drivers stop producing the code, and userspace built against the head can no longer name it (filters, ppm_sc sets): a visible change, SCHEMA minor. The number must stay reserved: libs leaves it as a comment (/*PPM_SC_X(NA_1, 382)*/).',
  example: '- PPM_SC_X(NA_1, 382) \\\n+ /*PPM_SC_X(NA_1, 382)*/ \\',
  check(base, head) {
    const hits: Hit[] = [];
    const renamed = new Set(renamedPairs(liveCodes(base), liveCodes(head)).map((p) => p.from));
    for (const [sym, c] of removed(base.ppmSc, head.ppmSc)) {
      if (!c.retired && !renamed.has(sym)) hits.push({ message: `${sym} (${c.value}) was removed; its number stays reserved`, location: c.loc });
    }
    for (const [sym, b, h] of common(base.ppmSc, head.ppmSc)) {
      if (!b.retired && h.retired) hits.push({ message: `${sym} (${h.value}) was retired`, location: h.loc });
    }
    return hits;
  },
};
