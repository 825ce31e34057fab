import type { ProducingDriver } from '../../surface/model.js';
import type { Hit, Rule } from '../types.js';
import { comparedDrivers, listDrivers, produces } from './production.js';

export const eventFillerSwapped: Rule = {
  id: 'event-filler-swapped',
  title: 'An event is filled by another filler (or other autofill args) in fillers_table.c',
  governs: 'schema',
  bump: 'patch',
  rationale:
    "fillers_table.c says which filler computes each event's params for the kmod (and, while it existed, for the legacy probe, which received the table from libscap). Another filler, or other autofill arguments, for an event both revisions produce changes how its params are computed without changing the event's format: at least README.VERSION.md's SCHEMA patch, \"bug fixes in filler code\" (libs 7733becc9 gave PPME_SYSCALL_GETRLIMIT_X and SETRLIMIT_X fillers of their own). A new or removed entry is event-starts-being-produced or event-no-longer-produced.",
  example:
    '- [PPME_SYSCALL_GETRLIMIT_X] = {FILLER_REF(sys_getrlimit_setrlrimit_x)},\n+ [PPME_SYSCALL_GETRLIMIT_X] = {FILLER_REF(sys_getrlimit_x)},',
  check(base, head) {
    const hits: Hit[] = [];
    const drivers = comparedDrivers(base, head).filter((d): d is Exclude<ProducingDriver, 'modern'> => d !== 'modern');
    for (const [symbol, p] of Object.entries(head.production.events)) {
      const b = base.production.events[symbol];
      if (!b || !Object.hasOwn(base.production.events, symbol)) continue;
      const swapped = drivers.filter(
        (d) =>
          produces(base, symbol, d) &&
          produces(head, symbol, d) &&
          (b[d]!.filler !== p[d]!.filler || b[d]!.args !== p[d]!.args),
      );
      if (!swapped.length) continue;
      const [was, now] = [b[swapped[0]!]!, p[swapped[0]!]!];
      const what =
        was.filler !== now.filler
          ? `filler ${was.filler} → ${now.filler}`
          : `autofill args '${was.args}' → '${now.args}'`;
      hits.push({
        symbol,
        message: `${symbol} is filled differently by ${listDrivers(swapped)}: ${what}`,
        location: now.loc,
      });
    }
    return hits;
  },
};
