import { canonicalType } from '../../parse/c-types.js';
import type { FieldLayout, StructLayout } from '../../surface/model.js';

export { MODERN_PROBE_STRUCTS } from '../../surface/shared-structs.js';

/** The same type as laid out: two spellings of one LP64 type (`uint64_t`, `unsigned long`) are the same. */
function sameType(a: FieldLayout, b: FieldLayout): boolean {
  return canonicalType(a.type) === canonicalType(b.type);
}

/** The same bytes: type, offset and size (the name aside). */
function sameSlot(a: FieldLayout, b: FieldLayout): boolean {
  return sameType(a, b) && a.offset === b.offset && a.size === b.size;
}

function sameField(a: FieldLayout, b: FieldLayout): boolean {
  return a.name === b.name && sameSlot(a, b);
}

function show(f: FieldLayout): string {
  return `${f.name} (${f.type}, offset ${f.offset}, size ${f.size})`;
}

/**
 * Fields renamed in place: a base field gone by name whose slot (type, offset, size) a new
 * head field fills. Userspace reads by offset, so nothing it reads moved.
 */
export function renamedFields(base: StructLayout, head: StructLayout): Array<{ from: FieldLayout; to: FieldLayout }> {
  const headNames = new Set(head.fields.map((f) => f.name));
  const baseNames = new Set(base.fields.map((f) => f.name));
  const fresh = head.fields.filter((f) => !baseNames.has(f.name) && f.offset >= 0);
  const out: Array<{ from: FieldLayout; to: FieldLayout }> = [];
  for (const b of base.fields) {
    if (headNames.has(b.name) || b.offset < 0) continue;
    const i = fresh.findIndex((h) => sameSlot(b, h));
    if (i >= 0) out.push({ from: b, to: fresh.splice(i, 1)[0]! });
  }
  return out;
}

/** The head's field names with renamed fields under their base names. */
function underBaseNames(base: StructLayout, head: StructLayout): FieldLayout[] {
  const renamed = new Map(renamedFields(base, head).map((r) => [r.to.name, r.from.name]));
  return head.fields.map((f) => (renamed.has(f.name) ? { ...f, name: renamed.get(f.name)! } : f));
}

/** Fields appended after every base field, which all kept type, offset, size and name (or were renamed in place). */
export function appendedFields(base: StructLayout, head: StructLayout): FieldLayout[] | null {
  if (base.unresolved?.length || head.unresolved?.length) return null;
  if (head.fields.length <= base.fields.length) return null;
  const fields = underBaseNames(base, head);
  if (!base.fields.every((f, i) => sameField(f, fields[i]!))) return null;
  return head.fields.slice(base.fields.length);
}

/** Every difference that moves or changes what userspace reads, in words with old and new offsets (renames in place are not). */
export function layoutDifferences(base: StructLayout, head: StructLayout): string[] {
  // A layout that cannot be computed is a warning (the analysis is incomplete), not a change.
  if (base.unresolved?.length || head.unresolved?.length) return [];
  if (appendedFields(base, head)) return [];
  const out: string[] = [];
  const fields = underBaseNames(base, head);
  const headByName = new Map(fields.map((f) => [f.name, f]));
  const baseByName = new Map(base.fields.map((f) => [f.name, f]));
  for (const b of base.fields) {
    const h = headByName.get(b.name);
    if (!h) out.push(`${b.name} removed (was offset ${b.offset}, size ${b.size})`);
    else if (!sameType(h, b) || h.size !== b.size)
      out.push(
        `${b.name} changed from ${b.type} (size ${b.size}) to ${h.type} (size ${h.size}), offset ${b.offset} → ${h.offset}`,
      );
    else if (h.offset !== b.offset) out.push(`${b.name} moved from offset ${b.offset} to ${h.offset}`);
  }
  fields.forEach((h, i) => {
    if (!baseByName.has(h.name))
      out.push(
        `${h.name} inserted at offset ${h.offset}${i < base.fields.length ? ' (not at the end: append it after the last field instead)' : ''}`,
      );
  });
  // Same fields in another order with equal offsets cannot happen; a size change alone (tail padding, alignment) can.
  if (!out.length && (head.size !== base.size || head.align !== base.align)) {
    out.push(`size ${base.size} → ${head.size}, alignment ${base.align} → ${head.align}`);
  }
  return out;
}

export { show as showField };

/** The first head field whose name, type, offset or size differs from the base's at its position: where a layout change is. */
export function firstChangedField(base: StructLayout, head: StructLayout): FieldLayout | null {
  return head.fields.find((h, i) => !base.fields[i] || !sameField(base.fields[i]!, h)) ?? null;
}
