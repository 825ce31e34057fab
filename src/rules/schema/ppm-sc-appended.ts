import { added } from '../compare.js';
import type { Rule } from '../types.js';

export const ppmScAppended: Rule = {
  id: 'ppm-sc-appended',
  title: 'A new PPM_SC_* code was added',
  governs: 'schema',
  bump: 'patch',
  rationale:
    'New syscall codes are appended by syscalls-bumper, which bumps SCHEMA patch (e.g. 4.3.0 → 4.3.1): existing codes keep their values and old userspace shows an unknown code as generic.',
  example: '  PPM_SC_X(LISTNS, 452) \\\n+ PPM_SC_X(RSEQ_SLICE_YIELD, 453)',
  check(base, head) {
    return added(base.ppmSc, head.ppmSc)
      .filter(([, c]) => !c.retired)
      .map(([sym, c]) => ({ message: `new ${sym} = ${c.value}`, location: c.loc }));
  },
};
