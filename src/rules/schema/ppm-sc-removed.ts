import type { Rule } from '../types.js';
import { renumbered, scNumbers } from './ppm-sc-numbers.js';

export const ppmScRemoved: Rule = {
  id: 'ppm-sc-removed',
  title: 'A PPM_SC_* code was removed or retired',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'The drivers stop producing the code, and userspace built against the head can no longer name it (filters, ppm_sc sets): a visible change, SCHEMA minor. The number must stay reserved: libs leaves it as a comment (/*PPM_SC_X(NA_1, 382)*/).',
  example: '- PPM_SC_X(NA_1, 382) \\\n+ /*PPM_SC_X(NA_1, 382)*/ \\',
  check(base, head) {
    const b = scNumbers(base);
    const h = scNumbers(head);
    // A name renumbered elsewhere is ppm-sc-renumbered's.
    return [...b.live]
      .filter(([v, c]) => !h.live.has(v) && !renumbered(base, head, c.symbol))
      .map(([v, c]) => {
        const retired = h.retired.get(v);
        return {
          symbol: c.symbol,
          message: `${c.symbol} (${v}) ${retired ? 'was retired' : 'was removed'}; its number stays reserved`,
          location: retired?.loc ?? c.loc,
        };
      });
  },
};
