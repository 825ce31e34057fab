import { compatVariants, isKernelSpecific } from '../../surface/extract/code-bodies.js';
import type { CodeFile, CodeFunction, Loc, Surface } from '../../surface/model.js';
import type { Hit, Rule } from '../types.js';

type Probe = CodeFile['probe'];

export const PROBE_LABEL: Record<Probe, string> = {
  kmod: 'kernel module',
  modern: 'modern eBPF probe',
  legacy: 'legacy eBPF probe',
  shared: 'shared by the drivers',
};

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

const memo = new WeakMap<Surface, WeakMap<Surface, CodePair[]>>();

/**
 * Functions of both revisions, matched by (probe, name) rather than by path, so that a file
 * that is only renamed or moved produces no difference. When a probe has the same name in
 * several files (static helpers repeated per program file), definitions in the same path pair
 * first, then the rest pair in path order. Computed once per pair of surfaces.
 */
export function codePairs(base: Surface, head: Surface): CodePair[] {
  let inner = memo.get(base);
  if (!inner) memo.set(base, (inner = new WeakMap()));
  let result = inner.get(head);
  if (result) return result;
  result = [];
  // A file that could not be read on either side is left out on both: its functions would
  // otherwise look removed or added (the warning already makes the check incomplete).
  const unreadable = new Set([...base.warnings, ...head.warnings].map((w) => w.path));
  const b = sites(base, unreadable);
  const h = sites(head, unreadable);
  for (const key of new Set([...b.keys(), ...h.keys()])) {
    const [probe, name] = key.split('\u0000') as [Probe, string];
    const bs = [...(b.get(key) ?? [])];
    const hs = [...(h.get(key) ?? [])];
    for (let i = 0; i < hs.length; i++) {
      const j = bs.findIndex((s) => s.path === hs[i]!.path);
      if (j < 0) continue;
      result.push({ probe, name, base: bs[j]!, head: hs[i]! });
      bs.splice(j, 1);
      hs.splice(i--, 1);
    }
    while (bs.length && hs.length) result.push({ probe, name, base: bs.shift()!, head: hs.shift()! });
    for (const s of bs) result.push({ probe, name, base: s, head: null });
    for (const s of hs) result.push({ probe, name, base: null, head: s });
  }
  result.sort((x, y) => {
    const a = x.head ?? x.base!;
    const c = y.head ?? y.base!;
    return a.path < c.path ? -1 : a.path > c.path ? 1 : a.fn.line - c.fn.line || (x.name < y.name ? -1 : 1);
  });
  inner.set(head, result);
  return result;
}

/**
 * How the code of a function present on both sides differs: `none`, `compat` (only inside
 * kernel-compatibility regions: equal once they are dropped, or once every region is resolved
 * to its first, or to its last, alternative — code wrapped into a new kernel conditional), or
 * `logic`.
 */
export function codeDelta(base: CodeFunction, head: CodeFunction): 'none' | 'compat' | 'logic' {
  if (base.hash === head.hash) return 'none';
  if (base.coreHash === head.coreHash) return 'compat';
  const [bf, bl] = compatVariants(base);
  const [hf, hl] = compatVariants(head);
  return bf === hf || bl === hl ? 'compat' : 'logic';
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

/**
 * Drop accounting, not payload: these functions only count dropped events into the stats
 * counters (counter_map, scap_bpf_per_cpu_state), whose layout the API struct rules judge.
 * Their edits follow counter changes (libs 90f862e71, 7b46dcb8d) and send nothing new.
 */
export const STATS_ACCOUNTING = new Set(['compute_event_types_stats', 'terminate_filler']);

/** Name lists in messages stop after this many. */
const MAX_NAMES = 8;

function names(list: CodePair[]): string {
  const shown = list.slice(0, MAX_NAMES).map((p) => p.name);
  return list.length > MAX_NAMES ? `${shown.join(', ')} and ${list.length - MAX_NAMES} more` : shown.join(', ');
}

/**
 * Added or removed functions. A file that is new (or gone) as a whole gives one hit naming its
 * functions, not one per function: dropping the legacy probe is one change per file.
 */
function addedOrRemoved(pairs: CodePair[], side: 'base' | 'head', other: Surface): Hit[] {
  const lone = lonePairs(pairs, side).filter((p) => !isKernelSpecific(p[side]!.fn));
  const byPath = new Map<string, CodePair[]>();
  for (const p of lone) {
    const path = p[side]!.path;
    const list = byPath.get(path);
    if (list) list.push(p);
    else byPath.set(path, [p]);
  }
  const hits: Hit[] = [];
  for (const [path, list] of byPath) {
    const probe = PROBE_LABEL[list[0]!.probe];
    const wholeFile = !Object.hasOwn(other.code, path) && list.length > 1;
    if (side === 'head') {
      if (wholeFile) {
        hits.push({
          message: `new file ${path} (${probe}) defines ${list.length} functions: ${names(list)}; new filler or program code changes what the driver sends`,
          location: where(list[0]!.head!),
        });
      } else {
        for (const p of list) {
          hits.push({
            message: `new function ${p.name} in ${path} (${probe}); a new filler or helper changes what the driver sends`,
            location: where(p.head!),
          });
        }
      }
    } else if (wholeFile) {
      hits.push({
        message: `${path} (${probe}) is gone with its ${list.length} functions: ${names(list)}`,
        location: where(list[0]!.base!),
      });
    } else {
      for (const p of list) {
        hits.push({ message: `function ${p.name} was removed from ${path} (${probe})`, location: where(p.base!) });
      }
    }
  }
  return hits;
}

export const fillerCodeChanged: Rule = {
  id: 'filler-code-changed',
  title: 'The code of a filler, eBPF program or payload helper changed, or one was added or removed',
  governs: 'schema',
  bump: 'patch',
  rationale:
    "libs' driver/README.VERSION.md, SCHEMA_VERSION: \"patch version: increment when code changes don't break compatibility (e.g. bug fixes in filler code)\". Function bodies of ppm_fillers.c, ppm_events.c, the modern probe's programs and helpers and the legacy probe's fillers are compared as token streams (comments, whitespace and formatting ignored; kernel-version conditionals ignored, see filler-code-kernel-compat). Functions are matched by probe and name, so moving a file is not a change.",
  example:
    '  int f_sys_example_x(struct event_filler_arguments *args) {\n-\tlen = min(ret, (int64_t)args->snaplen);\n+\tlen = ret > 0 ? min(ret, (int64_t)args->snaplen) : 0;',
  check(base, head) {
    const pairs = codePairs(base, head).filter((p) => !STATS_ACCOUNTING.has(p.name));
    const changed = pairs
      .filter((p) => p.base && p.head && codeDelta(p.base.fn, p.head.fn) === 'logic')
      .map((p) => ({ message: `the code of ${describePair(p)} changed`, location: where(p.head!) }));
    return [...changed, ...addedOrRemoved(pairs, 'head', base), ...addedOrRemoved(pairs, 'base', head)];
  },
};
