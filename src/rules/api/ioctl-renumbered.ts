import { added, common } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import type { Surface } from '../../surface/model.js';
import { taken } from './ioctl-added.js';

/** One past every ioctl nr in use or retired at base or head: the compatible number for a new ioctl. */
export function nextFreeNr(base: Surface, head: Surface): number | null {
  const nrs = [base.ioctls, base.retiredIoctls, head.ioctls, head.retiredIoctls]
    .flatMap((r) => Object.values(r).map((io) => io.nr))
    .filter((n): n is number => n !== null);
  return nrs.length ? Math.max(...nrs) + 1 : null;
}

export const ioctlRenumbered: Rule = {
  id: 'ioctl-renumbered',
  title: 'An ioctl changed its number, or a new one reuses a number in use or retired',
  governs: 'api',
  bump: 'major',
  rationale:
    'The ioctl number is the whole contract (libs uses _IO only, so neither size nor direction is checked): a renumbered or reused number makes the driver do something else for userspace built against the base.',
  example:
    '// #define PPM_IOCTL_ENABLE_CAPTURE _IO(PPM_IOCTL_MAGIC, 1) Support dropped\n+ #define PPM_IOCTL_NEW_THING _IO(PPM_IOCTL_MAGIC, 1)',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, b, h] of common(base.ioctls, head.ioctls)) {
      if (b.number !== null && h.number !== null && b.number !== h.number)
        hits.push({ symbol: name, message: `${name} changed from ${b.expr} to ${h.expr}`, location: h.loc });
    }
    for (const [name, io] of added(base.ioctls, head.ioctls)) {
      const owner = taken(base, io.number, name);
      if (owner) {
        const free = nextFreeNr(base, head);
        hits.push({
          symbol: name,
          message: `new ${name} reuses nr ${io.nr}, the number of ${base.retiredIoctls[owner] ? 'retired ' : ''}${owner}${free !== null ? `: use the next free number, ${free}` : ''}`,
          location: io.loc,
        });
      }
    }
    return hits;
  },
};
