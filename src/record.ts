/**
 * Records keyed by names from the sources (C symbols, tables, structs, macros, functions). A C
 * name may be any identifier, `__proto__`, `constructor` or `toString` included: on a plain
 * object, assigning `__proto__` replaces its prototype instead of adding a key, and a lookup or
 * an `in` test of `constructor` finds Object.prototype's. A record without a prototype has
 * neither, so every name is an ordinary key: build every such record, and every table looked
 * up by such a name, with `record`.
 */
export function record<T>(
  entries: Iterable<readonly [string, T]> | Readonly<Record<string, T>> = [],
): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  const list =
    Symbol.iterator in entries
      ? (entries as Iterable<readonly [string, T]>)
      : Object.entries(entries as Record<string, T>);
  for (const [k, v] of list) out[k] = v;
  return out;
}
