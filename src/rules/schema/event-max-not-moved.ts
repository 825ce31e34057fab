import { newEventCodes } from '../compare.js';
import type { Rule } from '../types.js';

export const eventMaxNotMoved: Rule = {
  id: 'event-max-not-moved',
  title: 'PPM_EVENT_MAX was not moved past the new event codes',
  governs: 'schema',
  bump: 'none',
  kind: 'invalid',
  rationale:
    'PPM_EVENT_MAX sizes g_event_info and every per-event table of the drivers and libscap, and bounds the codes userspace accepts: a new code at or past it is dropped or read out of bounds. The table is invalid whatever the version says.',
  example: '\tPPME_SYSCALL_WRITE_E = 10,\n\tPPME_SYSCALL_WRITE_X = 11,\n\tPPM_EVENT_MAX = 10   // must be 12',
  check(base, head) {
    const max = head.eventCodes.PPM_EVENT_MAX;
    if (!max || max.value === null) return [];
    const past = newEventCodes(base, head).filter(([, c]) => c.value !== null && c.value >= max.value!);
    if (!past.length) return [];
    const highest = Math.max(...past.map(([, c]) => c.value!));
    return [
      {
        symbol: 'PPM_EVENT_MAX',
        message: `PPM_EVENT_MAX is ${max.value} but new ${past.map(([s, c]) => `${s} = ${c.value}`).join(', ')} ${past.length > 1 ? 'are' : 'is'} not below it: set PPM_EVENT_MAX to ${highest + 1}`,
        location: max.loc,
      },
    ];
  },
};
