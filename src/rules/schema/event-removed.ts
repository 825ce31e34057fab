import { removed, renamedEventCodes } from '../compare.js';
import type { Rule } from '../types.js';

export const eventRemoved: Rule = {
  id: 'event-removed',
  title: 'An event code was removed from ppm_event_code, or its g_event_info entry',
  governs: 'schema',
  bump: 'major',
  rationale:
    'Event type numbers are the wire key of every event: userspace built against the base expects them. The event_table.c header asks for EF_OLD_VERSION on events no longer sent, never removal.',
  example: '- PPME_SYSCALL_EXECVE_8_E = 12,',
  check(base, head) {
    const renamed = new Set(renamedEventCodes(base, head).map((r) => r.from));
    const codes = removed(base.eventCodes, head.eventCodes)
      .filter(([symbol]) => symbol !== 'PPM_EVENT_MAX' && !renamed.has(symbol))
      .map(([symbol, c]) => ({ symbol: symbol, message: `${symbol} (code ${c.value}) was removed`, location: c.loc }));
    // The code stays but its g_event_info entry is gone: userspace built from the head has no
    // name, flags or params for an event old drivers still send.
    const entries = removed(base.events, head.events)
      .filter(([symbol]) => head.eventCodes[symbol])
      .map(([symbol, e]) => ({
        symbol: symbol,
        message: `the g_event_info entry of ${symbol} was removed (the code remains)`,
        location: e.loc,
      }));
    return [...codes, ...entries];
  },
};
