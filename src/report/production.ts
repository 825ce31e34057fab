import type { ProducingDriver, Surface } from '../surface/model.js';

const HEADINGS: Record<ProducingDriver, string> = { kmod: 'kmod', legacy: 'legacy eBPF', modern: 'modern eBPF' };

/**
 * The event production matrix of a surface as a text table: one row per event code, a column
 * per driver present (its filler, or its programs), `-` where it does not produce the event.
 */
export function renderProductionTable(s: Surface): string {
  const drivers = s.production.drivers;
  const rows = Object.entries(s.eventCodes)
    .filter(([symbol, c]) => symbol !== 'PPM_EVENT_MAX' && c.value !== null)
    .sort(([, a], [, b]) => a.value! - b.value!)
    .map(([symbol, c]) => {
      const p = s.production.events[symbol] ?? {};
      const old = s.events[symbol]?.flags.some((f) => f === 'EF_OLD_VERSION' || f === 'EF_UNUSED') ? ' (old)' : '';
      return [
        `${symbol}${old}`,
        String(c.value),
        ...drivers.map((d) => (d === 'modern' ? (p.modern?.programs.join(',') ?? '-') : (p[d]?.filler ?? '-'))),
      ];
    });
  const header = ['event', 'code', ...drivers.map((d) => HEADINGS[d])];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[`event production at ${s.rev}: ${productionCounts(s)}`, line(header), ...rows.map(line)].join('\n')}\n`;
}

/** `kmod 177, modern eBPF 181`: how many events each driver present produces. */
export function productionCounts(s: Surface): string {
  return (
    s.production.drivers
      .map((d) => `${HEADINGS[d]} ${Object.values(s.production.events).filter((p) => p[d]).length}`)
      .join(', ') || 'no driver found'
  );
}
