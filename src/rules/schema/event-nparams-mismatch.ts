import type { Rule } from '../types.js';

export const eventNparamsMismatch: Rule = {
  id: 'event-nparams-mismatch',
  title: 'An event declares an nparams that disagrees with the params it lists',
  governs: 'schema',
  bump: 'none',
  kind: 'invalid',
  rationale:
    'The kmod writes g_event_info[].nparams into every event header and libpman fills the modern probe from it; a count that disagrees with the list makes the drivers and userspace read different param layouts. The table is invalid whatever the version says.',
  example: '[PPME_X] = {"x", EC_OTHER | EC_SYSCALL, EF_NONE, 3, {{"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}}}',
  check(base, head) {
    return (
      Object.entries(head.events)
        .filter(([, e]) => e.nparams !== null && e.nparams !== e.params.length)
        // Blame a PR only for what it touched: skip an entry that was already inconsistent the same way.
        .filter(([symbol, e]) => {
          const b = base.events[symbol];
          return !b || b.nparams !== e.nparams || b.params.length !== e.params.length;
        })
        .map(([symbol, e]) => ({
          symbol: symbol,
          message: `${symbol} declares nparams ${e.nparams} but lists ${e.params.length} params`,
          location: e.loc,
        }))
    );
  },
};
