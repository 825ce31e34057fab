import { added, common } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { liveCodes } from './ppm-sc-renamed.js';
import { renamedPairs } from './wire-enums.js';

export const ppmScRenumbered: Rule = {
  id: 'ppm-sc-renumbered',
  title: 'An existing PPM_SC_* code changed its number, or a retired number was reused',
  governs: 'schema',
  bump: 'major',
  rationale:
    'ppm_sc codes are on the wire: f_sys_generic sends g_syscall_table[].ppm_sc as param "ID" (PT_SYSCALLID) of PPME_GENERIC_X. A renumbered or reused code is a different syscall to userspace built against the base.',
  example: '- PPM_SC_X(OPEN, 5)\n+ PPM_SC_X(OPEN, 6)',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [sym, b, h] of common(base.ppmSc, head.ppmSc)) {
      if (b.value !== null && h.value !== null && b.value !== h.value) {
        hits.push({ message: `${sym} changed from ${b.value} to ${h.value}`, location: h.loc });
      } else if (b.retired && !h.retired) {
        hits.push({ message: `${sym} (${h.value}) was retired and is live again`, location: h.loc });
      }
    }
    // Numbers in use or retired at the base: a new symbol must not take one of them (a live
    // code renamed at its number is ppm-sc-renamed).
    const renamed = new Set(renamedPairs(liveCodes(base), liveCodes(head)).map((p) => p.to));
    const taken = new Map<number, string>();
    for (const [sym, c] of Object.entries(base.ppmSc)) if (c.value !== null) taken.set(c.value, sym);
    for (const [sym, c] of added(base.ppmSc, head.ppmSc)) {
      if (renamed.has(sym)) continue;
      const owner = c.value !== null ? taken.get(c.value) : undefined;
      if (owner && !c.retired) hits.push({ message: `new ${sym} reuses ${c.value}, the number of ${owner}${base.ppmSc[owner]!.retired ? ' (retired)' : ''}`, location: c.loc });
    }
    return hits;
  },
};
