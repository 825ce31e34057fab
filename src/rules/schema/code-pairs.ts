import {
  compatVariants,
  keepsOldestBuild,
  PROBE_LABEL,
  type CodeFile,
  type CodeFunction,
  type Loc,
  type Surface,
} from '../../surface/model.js';
import { perPair } from '../compare.js';

/**
 * Functions of fillers and probe programs matched across two revisions, shared by
 * filler-code-changed and filler-code-kernel-compat.
 */

type Probe = CodeFile['probe'];

interface Site {
  path: string;
  fn: CodeFunction;
}

/** One function matched across the two revisions by (probe, name); a side is missing when it was added or removed. */
export interface CodePair {
  probe: Probe;
  name: string;
  base: Site | null;
  head: Site | null;
  /** The oldest kernel its driver supports differs between the revisions. */
  oldestMoved: boolean;
}

/** The minimum kernels a probe's code is built for (the shared helpers: both drivers'). */
function oldestKernels(s: Surface, probe: Probe): string {
  const k = s.kernels ?? {};
  if (probe === 'kmod') return k.kmod ?? '';
  if (probe === 'legacy') return k.legacy ?? '';
  return probe === 'shared' ? `${k.kmod ?? ''}/${k.legacy ?? ''}` : '';
}

/** Functions by (probe, name), leaving out files that could not be read (a warning names them). */
function sites(s: Surface, unreadable: Set<string>): Map<string, Site[]> {
  const out = new Map<string, Site[]>();
  for (const path of Object.keys(s.code).sort()) {
    if (unreadable.has(path)) continue;
    const file = s.code[path]!;
    for (const [name, fn] of Object.entries(file.functions)) {
      const key = `${file.probe}\u0000${name}`;
      const list = out.get(key);
      if (list) list.push({ path, fn });
      else out.set(key, [{ path, fn }]);
    }
  }
  return out;
}

/**
 * Functions of both revisions, matched by (probe, name) rather than by path, so that a file
 * that is only renamed or moved produces no difference. When a probe has the same name in
 * several files (static helpers repeated per program file), definitions in the same path pair
 * first, then the rest pair in path order. Computed once per pair of surfaces.
 */
export const codePairs = perPair((base: Surface, head: Surface): CodePair[] => {
  const result: CodePair[] = [];
  // A file that could not be read on either side is left out on both: its functions would
  // otherwise look removed or added (the warning already makes the check incomplete).
  const unreadable = new Set([...base.warnings, ...head.warnings].map((w) => w.path));
  const b = sites(base, unreadable);
  const h = sites(head, unreadable);
  for (const key of new Set([...b.keys(), ...h.keys()])) {
    const [probe, name] = key.split('\u0000') as [Probe, string];
    const oldestMoved = oldestKernels(base, probe) !== oldestKernels(head, probe);
    const bs = [...(b.get(key) ?? [])];
    const hs = [...(h.get(key) ?? [])];
    for (let i = 0; i < hs.length; i++) {
      const j = bs.findIndex((s) => s.path === hs[i]!.path);
      if (j < 0) continue;
      result.push({ probe, name, base: bs[j]!, head: hs[i]!, oldestMoved });
      bs.splice(j, 1);
      hs.splice(i--, 1);
    }
    while (bs.length && hs.length) result.push({ probe, name, base: bs.shift()!, head: hs.shift()!, oldestMoved });
    for (const s of bs) result.push({ probe, name, base: s, head: null, oldestMoved });
    for (const s of hs) result.push({ probe, name, base: null, head: s, oldestMoved });
  }
  result.sort((x, y) => {
    const a = x.head ?? x.base!;
    const c = y.head ?? y.base!;
    return a.path < c.path ? -1 : a.path > c.path ? 1 : a.fn.line - c.fn.line || (x.name < y.name ? -1 : 1);
  });
  return result;
});

/**
 * How the code of a function present on both sides differs: `none`, `compat` (a kernel build
 * matter), or `logic`. A change is a kernel build matter when one end of the supported kernel
 * range still builds the same code: the oldest supported kernel (kernel-compat.ts:
 * keepsOldestBuild; new code for newer kernels), or the newest (a build fix for old kernels).
 * A change both ends build (the same edit in every branch, new code in all of them) is logic.
 * When the revisions support different oldest kernels (the minimum was raised, and the code
 * only the dropped kernels built removed), the oldest builds are not comparable and the newest
 * kernel's build decides.
 */
export function codeDelta(base: CodeFunction, head: CodeFunction, oldestMoved = false): 'none' | 'compat' | 'logic' {
  if (base.hash === head.hash) return 'none';
  const [b, h] = [compatVariants(base), compatVariants(head)];
  if (b.newest === h.newest) return 'compat';
  return !oldestMoved && keepsOldestBuild(b.oldest, h.oldest) ? 'compat' : 'logic';
}

export function where(site: Site): Loc {
  return { path: site.path, line: site.fn.line };
}

/** `f (driver/a.c)` or `f (moved from driver/a.c to driver/b.c)`. */
export function describePair(p: CodePair): string {
  const b = p.base!.path;
  const h = p.head!.path;
  return `${p.name} (${b === h ? h : `moved from ${b} to ${h}`}, ${PROBE_LABEL[p.probe]})`;
}

/** Functions only on `side` (added when `head`, removed when `base`). */
export function lonePairs(pairs: CodePair[], side: 'base' | 'head'): CodePair[] {
  return pairs.filter((p) => (side === 'head' ? p.base === null : p.head === null));
}
