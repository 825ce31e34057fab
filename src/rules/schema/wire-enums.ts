import type { Constant, Surface } from '../../surface/model.js';

/**
 * Enums of ppm_events_public.h that belong to another rule or are not part of the event
 * schema: event codes and ppm_sc codes have their own rules, the rest are driver-internal or
 * API (tail-call indexes).
 */
const NOT_SCHEMA = new Set([
  'sys_exit_extra_code',
  'extra_syscall_codes',
  'extra_event_prog_code',
  'syscall_flags',
  'autofill_paramtype',
  'ppm_driver_event_id',
]);

/** Schema enums of one surface: enum name → enumerators. */
export function schemaEnums(s: Surface): Array<[string, Record<string, Constant>]> {
  return Object.entries(s.enums).filter(([name]) => !NOT_SCHEMA.has(name));
}

/** Sentinel enumerators (PT_MAX, ...) move whenever a value is appended. */
export function isSentinel(name: string): boolean {
  return /_MAX$/.test(name);
}

/**
 * The numbers enum `name` retired (kept as comments, "SUPPORT DROPPED") at the base or at the
 * head, with the symbol that held each (the head's when both name one).
 */
export function retiredNumbers(base: Surface, head: Surface, name: string): Map<Constant['value'], string> {
  return new Map(
    Object.entries({ ...base.retiredEnumValues[name], ...head.retiredEnumValues[name] }).map(([sym, c]) => [
      c.value,
      sym,
    ]),
  );
}
