import { added } from '../compare.js';
import type { Rule } from '../types.js';
import { liveCodes } from './ppm-sc-renamed.js';
import { renamedPairs } from './wire-enums.js';

export const ppmScAppended: Rule = {
  id: 'ppm-sc-appended',
  title: 'A new PPM_SC_* code was added',
  governs: 'schema',
  bump: 'patch',
  rationale:
    'New syscall codes are appended by syscalls-bumper, which bumps SCHEMA patch (e.g. 4.3.0 → 4.3.1): existing codes keep their values and old userspace shows an unknown code as generic.',
  example: '  PPM_SC_X(LISTNS, 452) \\\n+ PPM_SC_X(RSEQ_SLICE_YIELD, 453)',
  check(base, head) {
    const renamed = new Set(renamedPairs(liveCodes(base), liveCodes(head)).map((p) => p.to));
    // A new code on a number in use or retired is ppm-sc-renumbered, not an append.
    const taken = new Set(Object.values(base.ppmSc).map((c) => c.value));
    return added(base.ppmSc, head.ppmSc)
      .filter(([sym, c]) => !c.retired && !renamed.has(sym) && !taken.has(c.value))
      .map(([sym, c]) => ({ message: `new ${sym} = ${c.value}`, location: c.loc }));
  },
};
