import { removed } from '../compare.js';
import type { Rule } from '../types.js';

export const eventRemoved: Rule = {
  id: 'event-removed',
  title: 'An event code was removed from ppm_event_code',
  governs: 'schema',
  bump: 'major',
  rationale:
    'Event type numbers are the wire key of every event: userspace built against the base expects them. The event_table.c header asks for EF_OLD_VERSION on events no longer sent, never removal.',
  example: '- PPME_SYSCALL_EXECVE_8_E = 12,',
  check(base, head) {
    return removed(base.eventCodes, head.eventCodes)
      .filter(([symbol]) => symbol !== 'PPM_EVENT_MAX')
      .map(([symbol, c]) => ({ message: `${symbol} (code ${c.value}) was removed`, location: c.loc }));
  },
};
