import { removed } from '../compare.js';
import type { Rule } from '../types.js';

export const ioctlRemoved: Rule = {
  id: 'ioctl-removed',
  title: 'A PPM_IOCTL_* number was removed',
  governs: 'api',
  bump: 'major',
  rationale:
    'Userspace built against the base still issues the ioctl and now gets -ENOTTY: the API became incompatible with previous userspace, API major. libs keeps the number as a comment ("Support dropped") so it is never reused.',
  example:
    '- #define PPM_IOCTL_SET_TRACERS_CAPTURE _IO(PPM_IOCTL_MAGIC, 17)\n+ // #define PPM_IOCTL_SET_TRACERS_CAPTURE _IO(PPM_IOCTL_MAGIC, 17) Support dropped',
  check(base, head) {
    return removed(base.ioctls, head.ioctls).map(([name, io]) => ({
      symbol: name,
      message: `${name} (nr ${io.nr}) was removed${head.retiredIoctls[name] ? ' (kept as a comment: the number stays reserved)' : ''}`,
      location: head.retiredIoctls[name]?.loc ?? io.loc,
    }));
  },
};
