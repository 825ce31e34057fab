import { commonEvents, setDiff } from '../compare.js';
import type { Rule } from '../types.js';

export const eventCategoryChanged: Rule = {
  id: 'event-category-changed',
  title: 'The EC_* category of an existing event changed',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'Categories decide how userspace classifies and filters the event (evt.category, syscall vs tracepoint); the wire is unchanged, so the change is compatible but visible: SCHEMA minor.',
  example: '- EC_FILE | EC_SYSCALL,\n+ EC_IO_OTHER | EC_SYSCALL,',
  check(base, head) {
    return (
      commonEvents(base, head)
        // An EF_UNUSED placeholder is never sent: its category carries nothing (libs 1eca49b57).
        .filter(([, b, h]) => !(b.flags.includes('EF_UNUSED') && h.flags.includes('EF_UNUSED')))
        .filter(([, b, h]) => setDiff(b.category, h.category).length || setDiff(h.category, b.category).length)
        .map(([symbol, b, h]) => ({
          symbol: symbol,
          message: `${symbol} category ${b.category.join(' | ')} → ${h.category.join(' | ')}`,
          location: h.loc,
        }))
    );
  },
};
