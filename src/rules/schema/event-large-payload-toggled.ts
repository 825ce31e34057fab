import type { Rule } from '../types.js';
import { flagDeltas } from './event-flags.js';

export const eventLargePayloadToggled: Rule = {
  id: 'event-large-payload-toggled',
  title: 'EF_LARGE_PAYLOAD was added to or removed from an existing event',
  governs: 'schema',
  bump: 'major',
  rationale:
    'EF_LARGE_PAYLOAD switches the param-length array after the header from uint16_t to uint32_t (libscap scap_event.c): a reader built against the base mis-parses every param of the event.',
  example: '- EF_NONE,\n+ EF_LARGE_PAYLOAD,',
  check(base, head) {
    return flagDeltas(base, head)
      .filter((d) => d.added.includes('EF_LARGE_PAYLOAD') || d.removed.includes('EF_LARGE_PAYLOAD'))
      .map((d) => ({
        symbol: d.symbol,
        message: `${d.symbol} ${d.added.includes('EF_LARGE_PAYLOAD') ? 'gains' : 'loses'} EF_LARGE_PAYLOAD: param lengths become ${d.added.includes('EF_LARGE_PAYLOAD') ? '32' : '16'}-bit on the wire`,
        location: d.event.loc,
      }));
  },
};
