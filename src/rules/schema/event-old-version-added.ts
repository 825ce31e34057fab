import type { Rule } from '../types.js';
import { flagDeltas } from './event-flags.js';

export const eventOldVersionAdded: Rule = {
  id: 'event-old-version-added',
  title: 'An event was marked EF_OLD_VERSION (the drivers stop sending it)',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'The event_table.c header: "All events that are no more sent by our drivers must have the EF_OLD_VERSION flag." The event stays decodable, but userspace must now rely on its replacement: SCHEMA minor.',
  example:
    '- [PPME_SYSCALL_OPEN_E] = {"open", EC_FILE | EC_SYSCALL, EF_CREATES_FD, ...\n+ [PPME_SYSCALL_OPEN_E] = {"open", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_OLD_VERSION, ...',
  check(base, head) {
    return flagDeltas(base, head)
      .filter((d) => d.added.includes('EF_OLD_VERSION'))
      .map((d) => ({
        symbol: d.symbol,
        message: `${d.symbol} is now EF_OLD_VERSION (no longer sent)`,
        location: d.event.loc,
      }));
  },
};
