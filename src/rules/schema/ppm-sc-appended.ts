import type { Rule } from '../types.js';
import { scNumbers } from './ppm-sc-numbers.js';

export const ppmScAppended: Rule = {
  id: 'ppm-sc-appended',
  title: 'A new PPM_SC_* code was added',
  governs: 'schema',
  bump: 'patch',
  rationale:
    'New syscall codes are appended by syscalls-bumper, which bumps SCHEMA patch (e.g. 4.3.0 → 4.3.1): existing codes keep their values and old userspace shows an unknown code as generic.',
  example: '  PPM_SC_X(LISTNS, 452) \\\n+ PPM_SC_X(RSEQ_SLICE_YIELD, 453)',
  check(base, head) {
    const b = scNumbers(base);
    const h = scNumbers(head);
    // A number in use or retired, or a name that moved, is ppm-sc-renumbered's.
    return [...h.live]
      .filter(([v, c]) => !b.live.has(v) && !b.retired.has(v) && !b.numberOf.has(c.symbol))
      .map(([v, c]) => ({ symbol: c.symbol, message: `new ${c.symbol} = ${v}`, location: c.loc }));
  },
};
