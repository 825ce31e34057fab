import { newEventCodes } from '../compare.js';
import type { Rule } from '../types.js';

export const eventCodeWithoutEntry: Rule = {
  id: 'event-code-without-entry',
  title: 'A new event code has no g_event_info entry',
  governs: 'schema',
  bump: 'none',
  kind: 'invalid',
  rationale:
    'Userspace decodes every event through its g_event_info entry (name, category, flags, params): a code the drivers may send without an entry is an event nobody can read, and the zeroed entry has no params. The table is invalid whatever the version says.',
  example:
    '+ PPME_SYSCALL_WRITE_E = 10,\n+ PPME_SYSCALL_WRITE_X = 11,\n  // and no [PPME_SYSCALL_WRITE_E] = {...} in g_event_info',
  check(base, head) {
    // A table we could not read at all says nothing about its entries.
    if (!Object.keys(head.events).length) return [];
    return newEventCodes(base, head)
      .filter(([symbol]) => !head.events[symbol])
      .map(([symbol, c]) => ({
        symbol,
        message: `new ${symbol} (code ${c.value ?? c.expr}) has no g_event_info entry: add [${symbol}] = {...} to driver/event_table.c`,
        location: c.loc,
      }));
  },
};
