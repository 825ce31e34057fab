/**
 * What two surfaces can be compared on. A file that could not be read on one side (too large,
 * a symbolic link, a table that does not parse) would make everything it defines look removed
 * or added: its items are left out on both sides, and the warning that names it makes the
 * analysis incomplete. A value that could be computed before and cannot be now (a constant
 * expression that hit a limit, a macro we cannot resolve) is never compared as unchanged: it
 * is a warning too.
 */
import type { Constant, Loc, Surface, Warning } from './model.js';

/** The surface records whose items carry a location, keyed by symbol. */
const KEYED = [
  'eventCodes', 'events', 'ppmSc', 'defines', 'flagTables', 'dynamicParams', 'syscalls', 'structs', 'ioctls',
  'retiredIoctls', 'bpfMaps', 'bpfGlobals', 'codeLists', 'moduleParams', 'sharedConstants',
] as const satisfies ReadonlyArray<keyof Surface>;

/** Files a surface could not read, from its warnings. */
function unreadable(s: Surface): Set<string> {
  return new Set(s.warnings.filter((w) => w.unread).map((w) => w.path));
}

function without<T extends { loc: Loc }>(record: Record<string, T>, paths: Set<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => !paths.has(v.loc.path)));
}

function prune(s: Surface, paths: Set<string>): Surface {
  if (!paths.size) return s;
  const out: Surface = { ...s, code: Object.fromEntries(Object.entries(s.code).filter(([p]) => !paths.has(p))) };
  for (const k of KEYED) (out as unknown as Record<string, unknown>)[k] = without(s[k] as Record<string, { loc: Loc }>, paths);
  // An enum defined in an unread file is left out whole, not emptied (which would read as removed).
  const kept = <T extends { loc: Loc }>(r: Record<string, Record<string, T>>) =>
    Object.fromEntries(Object.entries(r).filter(([, e]) => Object.values(e).some((c) => !paths.has(c.loc.path))).map(([name, e]) => [name, without(e, paths)]));
  out.enums = kept(s.enums);
  out.retiredEnumValues = kept(s.retiredEnumValues);
  return out;
}

/** Named values of a surface: event codes, enumerators, defines, ppm_sc codes. */
function values(s: Surface): Map<string, Constant | { value: number | null; loc: Loc; expr?: string }> {
  const out = new Map<string, Constant | { value: number | null; loc: Loc }>();
  for (const [k, c] of Object.entries(s.eventCodes)) out.set(k, c);
  for (const e of Object.values(s.enums)) for (const [k, c] of Object.entries(e)) out.set(k, c);
  for (const [k, c] of Object.entries(s.defines)) out.set(k, c);
  for (const [k, c] of Object.entries(s.ppmSc)) out.set(k, c);
  return out;
}

/** The two surfaces as they can be compared, and the warnings about what cannot. */
export function comparable(base: Surface, head: Surface): { base: Surface; head: Surface; warnings: Warning[] } {
  const gone = new Set([...unreadable(base), ...unreadable(head)]);
  const b = prune(base, gone);
  const h = prune(head, gone);
  const warnings: Warning[] = [];
  const before = values(b);
  for (const [name, c] of values(h)) {
    if (c.value !== null) continue;
    const was = before.get(name);
    if (was && was.value === null) continue;
    const expr = 'expr' in c && c.expr ? ` (${c.expr.length > 80 ? `${c.expr.slice(0, 80)}…` : c.expr})` : '';
    warnings.push({ path: c.loc.path, message: `${name} at ${head.rev}: its value cannot be computed${expr}, at ${c.loc.path}:${c.loc.line}; a change to it cannot be judged`, incomplete: true });
  }
  return { base: b, head: h, warnings };
}
