import { PROBE_LABEL, type Surface } from '../../surface/model.js';
import type { Hit, Rule } from '../types.js';
import { codeChanges } from './code-changes.js';
import { describePair, where, type CodePair } from './code-pairs.js';

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
function addedOrRemoved(lone: CodePair[], side: 'base' | 'head', other: Surface): Hit[] {
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
          symbol: path,
          message: `new file ${path} (${probe}) defines ${list.length} functions: ${names(list)}; new filler or program code changes what the driver sends`,
          location: where(list[0]!.head!),
        });
      } else {
        for (const p of list) {
          hits.push({
            symbol: p.name,
            message: `new function ${p.name} in ${path} (${probe}); a new filler or helper changes what the driver sends`,
            location: where(p.head!),
          });
        }
      }
    } else if (wholeFile) {
      hits.push({
        symbol: path,
        message: `${path} (${probe}) is gone with its ${list.length} functions: ${names(list)}`,
        location: where(list[0]!.base!),
      });
    } else {
      for (const p of list) {
        hits.push({
          symbol: p.name,
          message: `function ${p.name} was removed from ${path} (${probe})`,
          location: where(p.base!),
        });
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
    "libs' driver/README.VERSION.md, SCHEMA_VERSION: \"patch version: increment when code changes don't break compatibility (e.g. bug fixes in filler code)\". Filler code is what computes the params of events: the functions that write a param or start an event (the kmod's f_* fillers over val_to_ring, the legacy probe's FILLER()s, the modern probe's programs for an event) and everything they call that is not plumbing (dispatch-code-changed, transport-code-changed) or statistics (stats-code-changed); roles come from the call graph at each revision. Plumbing that writes the event header differently (ts, tid, len, type, nparams: a field no longer set, or set from another value, the locals it is computed from followed) is filler code too: the header is part of every event. Function bodies of ppm_fillers.c, ppm_events.c, the modern probe's programs and helpers and the legacy probe's fillers are compared as token streams, with the #defines of those files that a function expands folded in (a changed #define is a change of every function that uses it; surface/code-defines.ts) (comments, whitespace and formatting ignored, and build-only edits: storage classes and qualifiers, #pragma hints, debug output compiled out of release builds, declarations hoisted or given a zero nobody reads, unused locals, casts to the type the operand already has, static on the function but not on a local; changes confined to kernel-compatibility code the oldest supported kernel does not build are filler-code-kernel-compat). Functions are matched by probe and name, so moving a file is not a change.",
  example:
    '  int f_sys_example_x(struct event_filler_arguments *args) {\n-\tlen = min(ret, (int64_t)args->snaplen);\n+\tlen = ret > 0 ? min(ret, (int64_t)args->snaplen) : 0;',
  check(base, head) {
    const mine = codeChanges(base, head).filter((c) => c.role === 'filler');
    const header =
      '; it writes the event header differently (a field set or not, or another value), and the header is part of every event';
    const changed = mine
      .filter((c) => c.kind === 'logic')
      .map((c) => ({
        symbol: c.pair.name,
        message: `the code of ${describePair(c.pair)} changed${c.header ? header : ''}`,
        location: where(c.pair.head!),
      }));
    const lone = (kind: 'added' | 'removed') => mine.filter((c) => c.kind === kind).map((c) => c.pair);
    return [
      ...changed,
      ...addedOrRemoved(lone('added'), 'head', base),
      ...addedOrRemoved(lone('removed'), 'base', head),
    ];
  },
};
