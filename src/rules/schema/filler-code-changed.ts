import { isKernelSpecific } from '../../surface/extract/code-bodies.js';
import type { Surface } from '../../surface/model.js';
import type { Hit, Rule } from '../types.js';
import { codeDelta, codePairs, describePair, lonePairs, PROBE_LABEL, where, type CodePair } from './code-pairs.js';

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
    "libs' driver/README.VERSION.md, SCHEMA_VERSION: \"patch version: increment when code changes don't break compatibility (e.g. bug fixes in filler code)\". Function bodies of ppm_fillers.c, ppm_events.c, the modern probe's programs and helpers and the legacy probe's fillers are compared as token streams (comments, whitespace and formatting ignored, and build-only edits: storage classes and qualifiers, #pragma hints, debug output compiled out of release builds, declarations hoisted or given a zero nobody reads, unused locals, casts to the type the operand already has; kernel-version conditionals ignored, see filler-code-kernel-compat). Functions are matched by probe and name, so moving a file is not a change.",
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
