import type { Rule } from '../types.js';
import { breakingChanges, describeBreaking } from '../api/shared-constants.js';

export const eventLimitChanged: Rule = {
  id: 'event-limit-changed',
  title: 'A shared constant that shapes events (max params, the direction bit) changed value or was removed',
  governs: 'schema',
  bump: 'major',
  rationale:
    'Some shared constants decide how userspace reads every event: PPM_MAX_EVENT_PARAMS sizes the param arrays of libscap\'s printer and libpman\'s iterators, PPME_DIRECTION_FLAG tells enter from exit events (PPME_IS_ENTER in scap_event.c). Userspace built against the base reads events with the old value: README.VERSION.md SCHEMA major, "the schema becomes incompatible with previous userspace versions" (libs raised PPM_MAX_EVENT_PARAMS from 20 to 32 in 0c7a31025).',
  example: '- #define PPM_MAX_EVENT_PARAMS (1 << 5)\n+ #define PPM_MAX_EVENT_PARAMS (1 << 6)',
  check(base, head) {
    return breakingChanges(base, head, 'schema').map((c) => ({
      symbol: c.name,
      message: describeBreaking(c),
      location: (c.head ?? c.base)!.loc,
    }));
  },
};
