import type { EventProduction, ProducingDriver, Surface } from '../../surface/model.js';
import { perPair } from '../compare.js';

/**
 * The event production matrix compared across two revisions (surface/production.ts), shared by
 * event-no-longer-produced, event-starts-being-produced and event-filler-swapped.
 */

export const DRIVER_LABEL: Record<ProducingDriver, string> = {
  kmod: 'the kernel module',
  legacy: 'the legacy eBPF probe',
  modern: 'the modern eBPF probe',
};

/** The sources each driver's column is read from (a warning about one leaves the driver out). */
const SOURCES: Record<ProducingDriver, RegExp> = {
  kmod: /^driver\/fillers_table\.c$/,
  legacy: /^driver\/(fillers_table\.c|bpf\/)/,
  modern: /^driver\/modern_bpf\//,
};

/**
 * Drivers present at both revisions whose sources could be read at both: a driver added or
 * dropped as a whole is not a change of its events (dropping one is an API change).
 */
export const comparedDrivers = perPair((base: Surface, head: Surface): ProducingDriver[] => {
  const unreadable = [...base.warnings, ...head.warnings].map((w) => w.path);
  return base.production.drivers.filter(
    (d) => head.production.drivers.includes(d) && !unreadable.some((p) => SOURCES[d].test(p)),
  );
});

export function produces(s: Surface, symbol: string, d: ProducingDriver): boolean {
  return Boolean(Object.hasOwn(s.production.events, symbol) && s.production.events[symbol]![d]);
}

/** Enter or exit: the low bit of the event code (PPME_DIRECTION_FLAG), else the symbol's suffix. */
function direction(s: Surface, symbol: string): string {
  const v = s.eventCodes[symbol]?.value;
  return v !== null && v !== undefined ? String(v & 1) : symbol.endsWith('_X') ? '1' : '0';
}

/**
 * A newer version of `symbol` that `d` produces at head: another event with the same name and
 * direction (the event_table.c header: "All the versions of the same event must have the same
 * name"), or null.
 */
export function newerVersion(head: Surface, symbol: string, d: ProducingDriver): string | null {
  const name = head.events[symbol]?.name;
  if (!name) return null;
  const dir = direction(head, symbol);
  for (const [other, e] of Object.entries(head.events)) {
    if (other !== symbol && e.name === name && direction(head, other) === dir && produces(head, other, d)) return other;
  }
  return null;
}

/** `the kernel module and the legacy eBPF probe`. */
export function listDrivers(ds: ProducingDriver[]): string {
  const labels = ds.map((d) => DRIVER_LABEL[d]);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}` : labels[0]!;
}

/** What a driver produces an event with, for messages. */
export function producedWith(p: EventProduction, d: ProducingDriver): string {
  if (d === 'modern') return `program${p.modern!.programs.length > 1 ? 's' : ''} ${p.modern!.programs.join(', ')}`;
  return `filler ${p[d]!.filler}`;
}
