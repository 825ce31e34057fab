import { added } from '../compare.js';
import type { Rule } from '../types.js';

export const ioctlAdded: Rule = {
  id: 'ioctl-added',
  title: 'A new PPM_IOCTL_* number was added',
  governs: 'api',
  bump: 'minor',
  rationale:
    'A new ioctl is a new feature: old userspace never calls it, new userspace must know whether the driver has it. README.VERSION.md: API minor.',
  example: '+ #define PPM_IOCTL_ENABLE_DROPFAILED _IO(PPM_IOCTL_MAGIC, 33)',
  check(base, head) {
    return added(base.ioctls, head.ioctls)
      .filter(([name, io]) => !taken(base, io.number, name))
      .map(([name, io]) => ({ symbol: name, message: `new ${name} = ${io.expr} (nr ${io.nr})`, location: io.loc }));
  },
};

/** The number is in use or reserved at the base under another name (see ioctl-renumbered). */
export function taken(
  base: { ioctls: Record<string, { number: number | null }>; retiredIoctls: Record<string, { number: number | null }> },
  n: number | null,
  name: string,
): string | null {
  if (n === null) return null;
  for (const [other, io] of [...Object.entries(base.ioctls), ...Object.entries(base.retiredIoctls)]) {
    if (other !== name && io.number === n) return other;
  }
  return null;
}
