import { EVENT_TABLE_HEADER, newEventCodes } from '../compare.js';
import type { Hit, Rule } from '../types.js';

const sent = (flags: string[], category: string[]) =>
  !flags.includes('EF_OLD_VERSION') && !category.includes('EC_UNKNOWN');

export const eventFlagsBroken: Rule = {
  id: 'event-flags-broken',
  title: 'A new g_event_info entry breaks the EF_* rules of the event_table.c header',
  governs: 'schema',
  bump: 'none',
  kind: 'invalid',
  rationale:
    'The event_table.c header: an event flagged EF_USES_FD must return a file descriptor among its params (libsinsp reads it; with no params it fails at run time), and when an exit event has EF_USES_FD the enter event must have it too, or libsinsp does not manage the descriptor the exit returns. Checked on new events only, as libs applies it: the params rule on exit events, and the pair rule only when both halves are still sent (not EF_OLD_VERSION) and the enter carries params.',
  example: '[PPME_SYSCALL_WRITE_X] = {"write", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD, 0}   // EF_USES_FD with no params',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [symbol] of newEventCodes(base, head)) {
      const e = head.events[symbol];
      if (!e?.flags.includes('EF_USES_FD')) continue;
      // Exit events: since libs stopped sending enter events, an enter's EF_USES_FD reads nothing (libs added such enters, e.g. io_uring_enter).
      if (/_X$/.test(symbol) && (e.nparams === 0 || (e.nparams === null && !e.params.length))) {
        hits.push({
          symbol,
          message: `new ${symbol} has EF_USES_FD but no params: libsinsp would fail reading its file descriptor (${EVENT_TABLE_HEADER})`,
          location: e.loc,
        });
      }
      const enter = symbol.replace(/_X$/, '_E');
      const en = enter !== symbol ? head.events[enter] : undefined;
      // Only an enter that still carries params is one libsinsp handles (libs pairs an EF_USES_FD exit with an empty enter).
      if (
        en &&
        sent(e.flags, e.category) &&
        sent(en.flags, en.category) &&
        en.params.length > 0 &&
        !en.flags.includes('EF_USES_FD')
      ) {
        hits.push({
          symbol,
          message: `new ${symbol} has EF_USES_FD but ${enter} does not: give the enter event EF_USES_FD too (${EVENT_TABLE_HEADER})`,
          location: e.loc,
        });
      }
    }
    return hits;
  },
};
