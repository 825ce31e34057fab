import type { ProducingDriver } from '../../surface/model.js';
import type { Hit, Rule } from '../types.js';
import { comparedDrivers, listDrivers, newerVersion, produces } from './production.js';

/** Flags with which the event table already tells userspace an event is not sent. */
const NOT_SENT = ['EF_OLD_VERSION', 'EF_UNUSED'];

export const eventNoLongerProduced: Rule = {
  id: 'event-no-longer-produced',
  title: 'A driver stopped producing an event, with no newer version of it in its place',
  governs: 'schema',
  bump: 'major',
  rationale:
    "Userspace built against the base parses the events the drivers send; an event a driver stops producing is gone for it, which README.VERSION.md calls incompatible (\"major version: increment when the schema becomes incompatible with previous userspace versions\"); libs declared SCHEMA 4.0.0 when the drivers stopped generating enter events (b43d0f957). Production is read per driver (the event production matrix of `driver-semver surface`: the kmod's fillers_table.c, the legacy probe's filler programs, the modern probe's programs). When a newer version of the event takes its place (an event with the same name and direction that the driver produces at the head: the event_table.c header's new event pair, the old one marked EF_OLD_VERSION) userspace keeps what it needs and event-old-version-added's minor stands. Events the base already marked EF_OLD_VERSION or EF_UNUSED were not promised, and dropping a whole driver is an API change, not one per event.",
  example:
    '- [PPME_SYSCALL_SETPGID_E] = {FILLER_REF(sys_setpgid_e)},\n  [PPME_SYSCALL_SETPGID_X] = {FILLER_REF(sys_setpgid_x)},',
  check(base, head) {
    const hits: Hit[] = [];
    const drivers = comparedDrivers(base, head);
    for (const symbol of Object.keys(base.production.events)) {
      const event = head.events[symbol];
      const was = base.events[symbol];
      if (!event || !was || was.flags.some((f) => NOT_SENT.includes(f))) continue;
      const stopped: ProducingDriver[] = drivers.filter(
        (d) => produces(base, symbol, d) && !produces(head, symbol, d) && !newerVersion(head, symbol, d),
      );
      if (!stopped.length) continue;
      hits.push({
        symbol,
        message: `${symbol} is no longer produced by ${listDrivers(stopped)}, and no newer version of it is (an event named '${event.name}' in the same direction)`,
        location: event.loc,
      });
    }
    return hits;
  },
};
