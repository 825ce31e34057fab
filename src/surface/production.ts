/**
 * The event production matrix: which driver produces which event at one revision.
 *
 * - kernel module: the events `g_ppm_events` (driver/fillers_table.c) gives a filler; main.c
 *   calls that filler for every event it records, and reports an event without one as a bug.
 * - legacy eBPF probe (while driver/bpf/ exists): the same table, which libscap pushed into the
 *   probe, for the fillers the probe defines (`FILLER(name, ...)` programs): it tail-calls the
 *   entry's filler id, and an id with no program sends nothing.
 * - modern eBPF probe: the events its programs start (an event code passed to
 *   `ringbuf__reserve_space`, `auxmap__preload_event_header` and the like: CodeFunction.events).
 *
 * A driver whose sources are missing at a revision has no column (dropping a whole driver is an
 * API matter, not one of its events); `drivers` lists the columns present.
 */
import { normExpr, type Init } from './extract/syntax.js';
import type { TableFact } from './extract/tables.js';
import { listed } from './code-roles.js';
import { loc, type CodeFile, type EventProduction, type ProducingDriver, type Surface } from './model.js';
import { record } from '../record.js';

/** The entries of `g_ppm_events` the build compiles (build.ts), and the conditions around a line. */
export interface FillerTable {
  path: string;
  items: TableFact['items'];
  guard(line: number): string[] | undefined;
}

/** `FILLER_REF(sys_open_x)` (since 2021) → `sys_open_x`; the rest of the entry (autofill args) as written. */
function fillerOf(entry: string[]): { filler: string; args: string } | null {
  const m = /^FILLER_REF\s*\(\s*(\w+)\s*\)$/.exec(entry[0] ?? '');
  if (!m) return null;
  return { filler: m[1]!, args: entry.slice(1).join(', ') };
}

/** An initializer as written, whitespace normalised: `{{AF_ID_RETVAL}, {0}}`. */
function initText(init: Init): string {
  if (init.kind === 'list')
    return `{${init.items.map((i) => (i.designator ? `${i.designator} = ` : '') + initText(i.value)).join(', ')}}`;
  return normExpr(init.text);
}

/** The production matrix of one revision (code: the surface's code files, for the probes). */
export function resolveProduction(
  table: FillerTable | null,
  code: Record<string, CodeFile>,
  legacy: boolean,
): Surface['production'] {
  const events = record<EventProduction>();
  const drivers: ProducingDriver[] = [];
  const entry = (symbol: string) => (events[symbol] ??= {});
  if (table) {
    drivers.push('kmod');
    const legacyFillers = new Set<string>();
    for (const file of Object.values(code))
      if (file.probe === 'legacy') for (const name of Object.keys(file.functions)) legacyFillers.add(name);
    if (legacy) drivers.push('legacy');
    for (const item of table.items) {
      if (!item.designator || item.value.kind !== 'list') continue;
      const parts = item.value.items.map((i) => initText(i.value));
      const filler = fillerOf(parts);
      if (!filler) continue;
      const e = entry(item.designator);
      const path = item.path ?? table.path;
      const at = loc(path, item.value.line);
      const guard = item.path ? undefined : table.guard(item.line);
      e.kmod = { filler: filler.filler, args: filler.args, loc: at, ...(guard ? { guard } : {}) };
      if (legacy && legacyFillers.has(filler.filler))
        e.legacy = { filler: filler.filler, args: filler.args, loc: at, ...(guard ? { guard } : {}) };
    }
  }
  const modernFiles = Object.entries(code).filter(([, f]) => f.probe === 'modern');
  if (modernFiles.length) {
    drivers.push('modern');
    for (const [path, file] of modernFiles.sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const [name, fn] of Object.entries(file.functions)) {
        for (const symbol of listed(fn.events)) {
          const e = entry(symbol);
          e.modern ??= { programs: [], loc: loc(path, fn.line) };
          e.modern.programs.push(name);
        }
      }
    }
  }
  return { drivers, events };
}
