import { renumbered } from '../compare.js';
import type { Rule } from '../types.js';

export const eventRenumbered: Rule = {
  id: 'event-renumbered',
  title: 'An existing event code changed its number',
  governs: 'schema',
  bump: 'major',
  rationale:
    'The event type number is on the wire (ppm_evt_hdr.type): userspace built against the base would decode the event as another one.',
  example: '- PPME_SYSCALL_OPEN_X = 3,\n+ PPME_SYSCALL_OPEN_X = 5,',
  check(base, head) {
    return renumbered(base.eventCodes, head.eventCodes)
      .filter(([symbol]) => symbol !== 'PPM_EVENT_MAX')
      .map(([symbol, b, h]) => ({
        symbol: symbol,
        message: `${symbol} changed from ${b.value} to ${h.value}`,
        location: h.loc,
      }));
  },
};
