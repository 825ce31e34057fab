import type { BpfGlobal, BpfMap, Surface } from '../../surface/model.js';
import { added, perPair, removed } from '../compare.js';

/**
 * bpf maps and probe globals renamed between two revisions: one gone and one new of the same
 * probe with the same definition (map type, key and value sizes, max_entries, legacy index;
 * a global's section and type). Shared by bpf-map-changed, bpf-map-added and bpf-map-renamed.
 */
export interface BpfRename {
  what: 'map' | 'global';
  probe: 'modern' | 'legacy';
  from: string;
  to: string;
  head: BpfMap | BpfGlobal;
}

function sameMap(a: BpfMap, b: BpfMap): boolean {
  return (
    a.probe === b.probe &&
    a.type === b.type &&
    a.keySize === b.keySize &&
    a.valueSize === b.valueSize &&
    a.maxEntriesExpr === b.maxEntriesExpr &&
    a.index === b.index
  );
}

function sameGlobal(a: BpfGlobal, b: BpfGlobal): boolean {
  return a.probe === b.probe && a.section === b.section && a.type === b.type;
}

/** Items gone from `base` paired with new items of `head` that `same` says match, in order. */
function pairRenames<T>(
  base: Record<string, T>,
  head: Record<string, T>,
  same: (a: T, b: T) => boolean,
): Array<[string, string, T]> {
  const fresh = added(base, head);
  const out: Array<[string, string, T]> = [];
  for (const [from, b] of removed(base, head)) {
    const i = fresh.findIndex(([, h]) => same(b, h));
    if (i >= 0) {
      const [to, h] = fresh.splice(i, 1)[0]!;
      out.push([from, to, h]);
    }
  }
  return out;
}

export const bpfRenames = perPair((base: Surface, head: Surface): BpfRename[] => [
  ...pairRenames(base.bpfMaps, head.bpfMaps, sameMap).map(
    ([from, to, h]): BpfRename => ({ what: 'map', probe: h.probe, from, to, head: h }),
  ),
  ...pairRenames(base.bpfGlobals, head.bpfGlobals, sameGlobal).map(
    ([from, to, h]): BpfRename => ({ what: 'global', probe: h.probe, from, to, head: h }),
  ),
]);

/** Whether the loader finds this item by name: libpman does (skeleton fields); libscap's legacy loader goes by declaration order. */
export function foundByName(r: BpfRename): boolean {
  return r.probe === 'modern' || r.what === 'global';
}
