/**
 * Which `#define PPM_*` values of ppm_events_public.h travel in payloads (flag bits, fcntl
 * commands, dynamic-param indexes): the flag-value rules judge them. Not these: ioctl numbers,
 * version macros and limits (PPM_MAX_*: shared constants), and `*_MAX` sentinels, which are
 * counts that grow when a value is appended (PPM_SOCKOPT_IDX_MAX).
 */
export function isWireDefine(name: string): boolean {
  return !/^PPM_(IOCTL_|MAX_|API_|VERSION_|SCHEMA_)/.test(name) && !/_MAX$/.test(name);
}
