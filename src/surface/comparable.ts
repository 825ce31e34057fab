/**
 * What two surfaces can be compared on. A file that could not be read on one side (too large,
 * a symbolic link, a table that does not parse) would make everything it defines look removed
 * or added: its items are left out on both sides, and the warning that names it makes the
 * analysis incomplete. A value that could be computed before and cannot be now (a constant
 * expression that hit a limit, a macro we cannot resolve), or that cannot be computed on either
 * side and is written differently, is never compared as unchanged: it is a warning too.
 */
import type { Loc, Surface, Warning } from './model.js';
import { record } from '../record.js';

/** The surface records whose items carry a location, keyed by symbol. */
const KEYED = [
  'eventCodes',
  'events',
  'ppmSc',
  'defines',
  'flagTables',
  'dynamicParams',
  'syscalls',
  'structs',
  'ioctls',
  'retiredIoctls',
  'bpfMaps',
  'bpfGlobals',
  'codeLists',
  'moduleParams',
  'sharedConstants',
] as const satisfies ReadonlyArray<keyof Surface>;

/** Files a surface could not read, from its warnings. */
function unreadable(s: Surface): Set<string> {
  return new Set(s.warnings.filter((w) => w.unread).map((w) => w.path));
}

function without<T extends { loc: Loc }>(r: Record<string, T>, paths: Set<string>): Record<string, T> {
  return record(Object.entries(r).filter(([, v]) => !paths.has(v.loc.path)));
}

function prune(s: Surface, paths: Set<string>): Surface {
  if (!paths.size) return s;
  const out: Surface = { ...s, code: record(Object.entries(s.code).filter(([p]) => !paths.has(p))) };
  for (const k of KEYED)
    (out as unknown as Record<string, unknown>)[k] = without(s[k] as Record<string, { loc: Loc }>, paths);
  // An enum defined in an unread file is left out whole, not emptied (which would read as removed).
  const kept = <T extends { loc: Loc }>(r: Record<string, Record<string, T>>) =>
    record(
      Object.entries(r)
        .filter(([, e]) => Object.values(e).some((c) => !paths.has(c.loc.path)))
        .map(([name, e]) => [name, without(e, paths)] as const),
    );
  out.enums = kept(s.enums);
  out.retiredEnumValues = kept(s.retiredEnumValues);
  return out;
}

/** A value of the surface that may be unknown, and the expression it is computed from (when the surface keeps it). */
interface Valued {
  /** What a message calls it. */
  name: string;
  value: number | null;
  loc: Loc;
  expr?: string;
}

/**
 * The values of a surface that the rules compare by number, by a key unique across them: named
 * constants (event codes, enumerators, defines, ppm_sc codes, shared constants; one C namespace,
 * so a constant that moves between them keeps its key), events' nparams, ioctl numbers,
 * flag-table values, bpf map sizes.
 */
function values(s: Surface): Map<string, Valued> {
  const out = new Map<string, Valued>();
  const constants = (r: Record<string, { value: number | null; loc: Loc; expr?: string }>) => {
    for (const [k, c] of Object.entries(r))
      out.set(k, { name: k, value: c.value, loc: c.loc, ...(c.expr !== undefined ? { expr: c.expr } : {}) });
  };
  constants(s.eventCodes);
  for (const e of Object.values(s.enums)) constants(e);
  for (const e of Object.values(s.retiredEnumValues)) constants(e);
  constants(s.defines);
  constants(s.sharedConstants);
  constants(s.ppmSc);
  for (const [k, e] of Object.entries(s.events)) {
    out.set(`nparams ${k}`, {
      name: `the nparams of ${k}`,
      value: e.nparams,
      loc: e.loc,
      ...(e.nparamsExpr !== undefined ? { expr: e.nparamsExpr } : {}),
    });
  }
  for (const [k, io] of [...Object.entries(s.ioctls), ...Object.entries(s.retiredIoctls)])
    out.set(`ioctl ${k}`, { name: k, value: io.number, loc: io.loc, expr: io.expr });
  for (const [table, t] of Object.entries(s.flagTables)) {
    for (const e of t.entries)
      out.set(`flag ${table}/${e.name}`, { name: `${table}: ${e.name}`, value: e.value, loc: e.loc, expr: e.expr });
  }
  for (const [k, m] of Object.entries(s.bpfMaps)) {
    if (m.keyType !== null)
      out.set(`map key ${k}`, {
        name: `the key size of bpf map ${k}`,
        value: m.keySize,
        loc: m.loc,
        expr: `sizeof(${m.keyType})`,
      });
    if (m.valueType !== null)
      out.set(`map value ${k}`, {
        name: `the value size of bpf map ${k}`,
        value: m.valueSize,
        loc: m.loc,
        expr: `sizeof(${m.valueType})`,
      });
    if (m.maxEntriesExpr !== null)
      out.set(`map max ${k}`, {
        name: `max_entries of bpf map ${k}`,
        value: m.maxEntries,
        loc: m.loc,
        expr: m.maxEntriesExpr,
      });
  }
  return out;
}

/** An expression for a message, cut short. */
const shown = (expr: string): string => (expr.length > 80 ? `${expr.slice(0, 80)}…` : expr);

/** The two surfaces as they can be compared, and the warnings about what cannot. */
export function comparable(base: Surface, head: Surface): { base: Surface; head: Surface; warnings: Warning[] } {
  const gone = new Set([...unreadable(base), ...unreadable(head)]);
  const b = prune(base, gone);
  const h = prune(head, gone);
  const warnings: Warning[] = [];
  const before = values(b);
  for (const [key, c] of values(h)) {
    if (c.value !== null) continue;
    const was = before.get(key);
    const where = `at ${c.loc.path}:${c.loc.line}; a change to it cannot be judged`;
    if (was && was.value === null) {
      // Unknown on both sides: the same expression is the same value; another one may not be.
      if (was.expr === undefined || c.expr === undefined || was.expr === c.expr) continue;
      warnings.push({
        path: c.loc.path,
        message: `${c.name}: its value cannot be computed at ${base.rev} (${shown(was.expr)}) nor at ${head.rev} (${shown(c.expr)}), ${where}`,
        incomplete: true,
      });
      continue;
    }
    const expr = c.expr ? ` (${shown(c.expr)})` : '';
    warnings.push({
      path: c.loc.path,
      message: `${c.name} at ${head.rev}: its value cannot be computed${expr}, ${where}`,
      incomplete: true,
    });
  }
  return { base: b, head: h, warnings };
}
