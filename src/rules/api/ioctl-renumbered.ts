import { added, common } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { taken } from './ioctl-added.js';

export const ioctlRenumbered: Rule = {
  id: 'ioctl-renumbered',
  title: 'An ioctl changed its number, or a new one reuses a number in use or retired',
  governs: 'api',
  bump: 'major',
  rationale:
    'The ioctl number is the whole contract (libs uses _IO only, so neither size nor direction is checked): a renumbered or reused number makes the driver do something else for userspace built against the base.',
  example: '// #define PPM_IOCTL_ENABLE_CAPTURE _IO(PPM_IOCTL_MAGIC, 1) Support dropped\n+ #define PPM_IOCTL_NEW_THING _IO(PPM_IOCTL_MAGIC, 1)',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, b, h] of common(base.ioctls, head.ioctls)) {
      if (b.number !== null && h.number !== null && b.number !== h.number) hits.push({ symbol: name, message: `${name} changed from ${b.expr} to ${h.expr}`, location: h.loc });
    }
    for (const [name, io] of added(base.ioctls, head.ioctls)) {
      const owner = taken(base, io.number, name);
      if (owner) hits.push({ symbol: name, message: `new ${name} reuses nr ${io.nr}, the number of ${base.retiredIoctls[owner] ? 'retired ' : ''}${owner}`, location: io.loc });
    }
    return hits;
  },
};
