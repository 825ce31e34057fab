import type { ProducingDriver } from '../../surface/model.js';
import type { Hit, Rule } from '../types.js';
import { comparedDrivers, listDrivers, produces, producedWith } from './production.js';

export const eventStartsBeingProduced: Rule = {
  id: 'event-starts-being-produced',
  title: 'A driver started producing an existing event',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'A driver that starts sending an event it did not send (the modern probe gaining a program for an existing syscall event, the kmod a filler for it) gives userspace new data without changing what it already gets: README.VERSION.md SCHEMA minor, "new features are added but existing features remain compatible (e.g. new event fields or new events)". Production is read per driver from the event production matrix (`driver-semver surface`). New event codes are event-pair-added; a driver added as a whole is not counted per event.',
  example:
    '+ SEC("tp_btf/sys_exit")\n+ int BPF_PROG(mknod_x, struct pt_regs *regs, long ret) {\n+ \t... ringbuf__reserve_space(&ringbuf, MKNOD_X_SIZE, PPME_SYSCALL_MKNOD_X) ...',
  check(base, head) {
    const hits: Hit[] = [];
    const drivers = comparedDrivers(base, head);
    for (const [symbol, p] of Object.entries(head.production.events)) {
      if (!Object.hasOwn(base.events, symbol) || !head.events[symbol]) continue;
      const started: ProducingDriver[] = drivers.filter((d) => produces(head, symbol, d) && !produces(base, symbol, d));
      if (!started.length) continue;
      const first = started[0]!;
      hits.push({
        symbol,
        message: `${symbol} is now produced by ${listDrivers(started)} (${started.map((d) => producedWith(p, d)).join('; ')})`,
        location: first === 'modern' ? p.modern!.loc : p[first]!.loc,
      });
    }
    return hits;
  },
};
