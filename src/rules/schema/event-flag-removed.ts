import type { Rule } from '../types.js';
import { flagDeltas } from './event-flags.js';

export const eventFlagRemoved: Rule = {
  id: 'event-flag-removed',
  title: 'An EF_* flag was removed from an existing event',
  governs: 'schema',
  bump: 'patch',
  rationale:
    'Removing a wrong flag (e.g. EF_USES_FD on an event without an fd param) is a fix that breaks no reader: SCHEMA patch, as libs did for FSTAT64_X. EF_LARGE_PAYLOAD has its own rule.',
  example: '- EF_USES_FD | EF_READS_FROM_FD,\n+ EF_READS_FROM_FD,',
  check(base, head) {
    return flagDeltas(base, head).flatMap((d) =>
      d.removed
        .filter((f) => f !== 'EF_LARGE_PAYLOAD')
        .map((f) => ({ symbol: d.symbol, message: `${d.symbol} loses flag ${f}`, location: d.event.loc })),
    );
  },
};
