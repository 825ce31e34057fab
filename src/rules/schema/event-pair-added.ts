import { added, pairName, renamedEventCodes } from '../compare.js';
import type { Rule } from '../types.js';

export const eventPairAdded: Rule = {
  id: 'event-pair-added',
  title: 'A new event (enter/exit pair) was added to ppm_event_code and g_event_info',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'README.VERSION.md: SCHEMA minor "when new features are added but existing features remain compatible (e.g. new event fields or new events)". Old userspace skips event types it does not know.',
  example: '+ PPME_SYSCALL_KEYCTL_E = 452, PPME_SYSCALL_KEYCTL_X = 453 (and their g_event_info entries)',
  check(base, head) {
    const pairs = new Map<string, string[]>();
    const renamed = new Set(renamedEventCodes(base, head).map((r) => r.to));
    for (const [symbol] of added(base.eventCodes, head.eventCodes)) {
      if (symbol === 'PPM_EVENT_MAX' || renamed.has(symbol)) continue;
      const key = pairName(symbol);
      pairs.set(key, [...(pairs.get(key) ?? []), symbol]);
    }
    return [...pairs.values()].map((symbols) => {
      const first = head.eventCodes[symbols[0]!]!;
      const values = symbols.map((s) => `${s} = ${head.eventCodes[s]!.value}`).join(', ');
      return {
        symbol: symbols[0]!,
        message: `new event ${symbols.length > 1 ? 'pair ' : ''}${values}`,
        location: head.events[symbols[0]!]?.loc ?? first.loc,
      };
    });
  },
};
