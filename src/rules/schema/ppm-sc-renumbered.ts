import type { Hit, Rule } from '../types.js';
import { renumbered, scNumbers } from './ppm-sc-numbers.js';

export const ppmScRenumbered: Rule = {
  id: 'ppm-sc-renumbered',
  title: 'An existing PPM_SC_* code changed its number, or a number in use or retired was reused',
  governs: 'schema',
  bump: 'major',
  rationale:
    'ppm_sc codes are on the wire: f_sys_generic sends g_syscall_table[].ppm_sc as param "ID" (PT_SYSCALLID) of PPME_GENERIC_X. A syscall reported under another number, or a number that now names another syscall, is a different syscall to userspace built against the base. Moving a name onto a number whose old name is gone (PIDFD_GET_FD → PIDFD_GETFD at 346) is a rename, not a renumbering.',
  example: '- PPM_SC_X(OPEN, 5)\n+ PPM_SC_X(OPEN, 6)',
  check(base, head) {
    const b = scNumbers(base);
    const h = scNumbers(head);
    const hits: Hit[] = [];
    for (const [symbol, c] of Object.entries(head.ppmSc)) {
      if (c.retired || c.value === null) continue;
      const was = b.numberOf.get(symbol);
      if (was !== undefined && was !== c.value) {
        if (renumbered(base, head, symbol))
          hits.push({ symbol: symbol, message: `${symbol} changed from ${was} to ${c.value}`, location: c.loc });
        continue;
      }
      if (was !== undefined) continue;
      // A new name on a number that is still in use under its old name, or that was retired.
      const owner = b.live.get(c.value)?.symbol;
      if (owner && owner !== symbol && h.numberOf.has(owner)) {
        hits.push({
          symbol: symbol,
          message: `new ${symbol} reuses ${c.value}, the number of ${owner}`,
          location: c.loc,
        });
      }
      const retired = b.retired.get(c.value);
      if (retired && !b.live.has(c.value)) {
        hits.push({
          symbol: symbol,
          message:
            retired.symbol === symbol
              ? `${symbol} (${c.value}) was retired and is live again`
              : `new ${symbol} reuses ${c.value}, the number of retired ${retired.symbol}`,
          location: c.loc,
        });
      }
    }
    return hits;
  },
};
