import { commonEvents } from '../compare.js';
import type { Rule } from '../types.js';

export const eventNameChanged: Rule = {
  id: 'event-name-changed',
  title: 'The name string of an existing event changed',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'Userspace matches events by name (evt.type filters, rules); the event_table.c header requires "All the versions of the same event must have the same name". The wire is unchanged: SCHEMA minor.',
  example: '- [PPME_SYSCALL_OPEN_X] = {"open", ...\n+ [PPME_SYSCALL_OPEN_X] = {"openat", ...',
  check(base, head) {
    return commonEvents(base, head)
      .filter(([, b, h]) => b.name !== h.name)
      .map(([symbol, b, h]) => ({
        symbol: symbol,
        message: `${symbol} name '${b.name}' → '${h.name}'`,
        location: h.loc,
      }));
  },
};
