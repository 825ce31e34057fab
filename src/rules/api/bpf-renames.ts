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
  return a.probe === b.probe && a.type === b.type && a.keySize === b.keySize && a.valueSize === b.valueSize && a.maxEntriesExpr === b.maxEntriesExpr && a.index === b.index;
}

function sameGlobal(a: BpfGlobal, b: BpfGlobal): boolean {
  return a.probe === b.probe && a.section === b.section && a.type === b.type;
}

export const bpfRenames = perPair((base: Surface, head: Surface): BpfRename[] => {
  const out: BpfRename[] = [];
  const fresh = added(base.bpfMaps, head.bpfMaps);
  for (const [from, m] of removed(base.bpfMaps, head.bpfMaps)) {
    const i = fresh.findIndex(([, n]) => sameMap(m, n));
    if (i >= 0) {
      const [to, n] = fresh.splice(i, 1)[0]!;
      out.push({ what: 'map', probe: m.probe, from, to, head: n });
    }
  }
  const freshGlobals = added(base.bpfGlobals, head.bpfGlobals);
  for (const [from, g] of removed(base.bpfGlobals, head.bpfGlobals)) {
    const i = freshGlobals.findIndex(([, n]) => sameGlobal(g, n));
    if (i >= 0) {
      const [to, n] = freshGlobals.splice(i, 1)[0]!;
      out.push({ what: 'global', probe: g.probe, from, to, head: n });
    }
  }
  return out;
});

/** Whether the loader finds this item by name: libpman does (skeleton fields); libscap's legacy loader goes by declaration order. */
export function foundByName(r: BpfRename): boolean {
  return r.probe === 'modern' || r.what === 'global';
}
