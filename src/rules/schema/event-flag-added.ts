import type { Rule } from '../types.js';
import { flagDeltas, SPECIAL_FLAGS } from './event-flags.js';

export const eventFlagAdded: Rule = {
  id: 'event-flag-added',
  title: 'An EF_* flag was added to an existing event',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'Flags drive userspace behaviour (EF_USES_FD makes libsinsp read an fd param, EF_MODIFIES_STATE keeps the event from being dropped): a new flag adds semantics compatibly, SCHEMA minor.',
  example: '- EF_MODIFIES_STATE,\n+ EF_USES_FD | EF_MODIFIES_STATE,',
  check(base, head) {
    return flagDeltas(base, head).flatMap((d) =>
      d.added
        .filter((f) => !SPECIAL_FLAGS.includes(f))
        .map((f) => ({ symbol: d.symbol, message: `${d.symbol} gains flag ${f}`, location: d.event.loc })),
    );
  },
};
