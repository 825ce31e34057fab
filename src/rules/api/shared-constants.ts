import type { Constant, Surface } from '../../surface/model.js';
import { USERSPACE_CONSTANTS } from '../../surface/shared-constants.js';
import { perPair, renamedPairs } from '../compare.js';

/**
 * Shared constants compared across two revisions (surface/shared-constants.ts), for
 * shared-constant-changed, event-limit-changed, shared-constant-added and shared-constant-renamed.
 * A constant removed while another appears with its value is renamed: binaries built against
 * either agree on the value.
 */
export interface ConstantChange {
  name: string;
  kind: 'changed' | 'removed' | 'added' | 'renamed';
  base: Constant | null;
  head: Constant | null;
  /** For a rename, the new name. */
  to?: string;
}

export const constantChanges = perPair((base: Surface, head: Surface): ConstantChange[] => {
  const b = base.sharedConstants;
  const h = head.sharedConstants;
  const renames = renamedPairs(b, h);
  const renamedFrom = new Map(renames.map((r) => [r.from, r.to]));
  const renamedTo = new Set(renames.map((r) => r.to));
  const out: ConstantChange[] = [];
  for (const [name, c] of Object.entries(b)) {
    const now = Object.hasOwn(h, name) ? h[name]! : null;
    if (now && now.value !== c.value) out.push({ name, kind: 'changed', base: c, head: now });
    else if (!now && renamedFrom.has(name))
      out.push({ name, kind: 'renamed', base: c, head: h[renamedFrom.get(name)!]!, to: renamedFrom.get(name)! });
    else if (!now) out.push({ name, kind: 'removed', base: c, head: null });
  }
  for (const [name, c] of Object.entries(h))
    if (!Object.hasOwn(b, name) && !renamedTo.has(name)) out.push({ name, kind: 'added', base: null, head: c });
  return out;
});

/** A change of a constant userspace uses that breaks userspace built against the base, for the version `governs`. */
export function breakingChanges(base: Surface, head: Surface, governs: 'api' | 'schema'): ConstantChange[] {
  return constantChanges(base, head).filter(
    (c) => (c.kind === 'changed' || c.kind === 'removed') && USERSPACE_CONSTANTS[c.name]?.governs === governs,
  );
}

export function describeBreaking(c: ConstantChange): string {
  const used = USERSPACE_CONSTANTS[c.name]!.usedBy;
  const what =
    c.kind === 'removed'
      ? `${c.name} (${c.base!.value}) was removed from ${c.base!.loc.path}`
      : `${c.name} changed from ${c.base!.value} to ${c.head!.value}`;
  return `${what}; ${used}`;
}
