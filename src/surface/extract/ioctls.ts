export interface RetiredIoctlFact {
  name: string;
  expr: string;
  line: number;
}

/**
 * Ioctls kept as comments (`// #define PPM_IOCTL_X _IO(PPM_IOCTL_MAGIC, 0) Support dropped`):
 * their numbers are reserved, and a new ioctl must not take one.
 */
export function retiredIoctls(source: string, lineOf: (offset: number) => number): RetiredIoctlFact[] {
  const out: RetiredIoctlFact[] = [];
  const re = /^[ \t]*(?:\/\/|\/\*)[ \t]*#[ \t]*define[ \t]+(PPM_IOCTL_\w+)[ \t]+(_IO\w*[ \t]*\([^)\n]*\))/gm;
  for (const m of source.matchAll(re)) out.push({ name: m[1]!, expr: m[2]!, line: lineOf(m.index!) });
  return out;
}
