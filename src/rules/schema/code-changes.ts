import { counterFields, isCounterField, isKernelSpecific, PROBE_LABEL } from '../../surface/model.js';
import type { CodeFunction, CodeRole, Loc, Surface } from '../../surface/model.js';
import { API_INTERFACE_RULES } from '../api/interface-rules.js';
import { appendedFields, layoutDifferences } from '../api/structs.js';
import { common, perPair } from '../compare.js';
import type { Hit } from '../types.js';
import { codeDelta, codePairs, describePair, where, type CodePair } from './code-pairs.js';

/**
 * Every function whose code changed between two revisions, with its role (surface/code-roles.ts)
 * and what kind of change it is; shared by the code rules (filler-code-changed,
 * dispatch-code-changed, transport-code-changed, stats-code-changed, code-follows-api-change).
 */
export interface CodeChange {
  pair: CodePair;
  /**
   * `statistics`: only counter updates differ. `glue`: only tail calls differ (and counters), the
   * dispatch glue between programs. `added`/`removed`: the function is new or gone.
   */
  kind: 'logic' | 'statistics' | 'glue' | 'added' | 'removed';
  /** The role of the change: the function's (pairRole), or statistics / dispatch for a change confined to counters / tail calls. */
  role: CodeRole;
  /** Plumbing code that writes the event header differently: the header is part of every event, so it is a filler change. */
  header?: true;
}

/**
 * The role of a function on the sides it exists on: the first of filler (also when a side has
 * no role: a surface built without them), dispatch, transport, statistics that either side has.
 */
export function pairRole(p: CodePair): CodeRole {
  const roles = [p.base, p.head].filter((s) => s !== null).map((s) => s.fn.role);
  if (roles.some((r) => r === undefined || r === 'filler')) return 'filler';
  return (['dispatch', 'transport', 'statistics'] as const).find((r) => roles.includes(r))!;
}

/** Counters userspace reads at either revision. */
const knownCounters = perPair(
  (base: Surface, head: Surface) => new Set([...counterFields(base.structs), ...counterFields(head.structs)]),
);

/** Only the counter updates differ: equal once they are left out, and every one is a counter userspace reads. */
function onlyCountersDiffer(b: CodeFunction, h: CodeFunction, known: Set<string>): boolean {
  const counters = [...(b.counters ?? []), ...(h.counters ?? [])];
  return (
    counters.length > 0 &&
    counters.every((c) => known.has(c)) &&
    (b.statsFreeHash ?? b.hash) === (h.statsFreeHash ?? h.hash)
  );
}

/** Only tail calls (and counters) differ: the glue to the next program, not what it computes. */
function onlyTailCallsDiffer(b: CodeFunction, h: CodeFunction): boolean {
  const glueFree = (f: CodeFunction) => f.glueFreeHash ?? f.statsFreeHash ?? f.hash;
  return Boolean(b.glueFreeHash || h.glueFreeHash) && glueFree(b) === glueFree(h);
}

export const codeChanges = perPair((base: Surface, head: Surface): CodeChange[] => {
  const known = knownCounters(base, head);
  const out: CodeChange[] = [];
  for (const pair of codePairs(base, head)) {
    const role = pairRole(pair);
    if (pair.base && pair.head) {
      const [b, h] = [pair.base.fn, pair.head.fn];
      if (codeDelta(b, h, pair.oldestMoved) !== 'logic') continue;
      if (onlyCountersDiffer(b, h, known)) out.push({ pair, role: 'statistics', kind: 'statistics' });
      else if (onlyTailCallsDiffer(b, h)) out.push({ pair, role: 'dispatch', kind: 'glue' });
      else if (role !== 'filler' && b.headerHash !== h.headerHash)
        out.push({ pair, role: 'filler', kind: 'logic', header: true });
      else out.push({ pair, role, kind: 'logic' });
    } else {
      const side = (pair.head ?? pair.base)!;
      if (isKernelSpecific(side.fn)) continue;
      out.push({ pair, role, kind: pair.head ? 'added' : 'removed' });
    }
  }
  return out;
});

/** Changes of the API's interface in this comparison (struct layouts, ioctls, maps, code lists, module params). */
export const apiInterfaceChanges = perPair((base: Surface, head: Surface): Hit[] =>
  API_INTERFACE_RULES.flatMap((r) => r.check(base, head)),
);

/** Shared structs holding counters whose layout changed, was appended to, appeared or went away. */
export const changedCounterStructs = perPair((base: Surface, head: Surface): string[] => {
  const hasCounters = (s: Surface['structs'][string]) => s.fields.some((f) => isCounterField(f.name));
  const out: string[] = [];
  for (const [name, b, h] of common(base.structs, head.structs)) {
    if ((hasCounters(b) || hasCounters(h)) && (layoutDifferences(b, h).length || appendedFields(b, h))) out.push(name);
  }
  for (const [name, s] of Object.entries(head.structs))
    if (!Object.hasOwn(base.structs, name) && hasCounters(s)) out.push(name);
  for (const [name, s] of Object.entries(base.structs))
    if (!Object.hasOwn(head.structs, name) && hasCounters(s)) out.push(name);
  return out;
});

/** A statistics change: only counters differ, or a function that only counts changed. */
export function isStatisticsChange(c: CodeChange): boolean {
  return c.role === 'statistics';
}

/** A plumbing change: dispatch or transport code, or only the tail-call glue of a program. */
export function isPlumbingChange(c: CodeChange): boolean {
  return c.role === 'dispatch' || c.role === 'transport';
}

/** One line naming a change: `the code of f (path, probe) changed`, `new function f in path (probe)`. */
export function describeChange(c: CodeChange): string {
  const p = c.pair;
  if (c.kind === 'added') return `new function ${p.name} in ${p.head!.path} (${PROBE_LABEL[p.probe]})`;
  if (c.kind === 'removed') return `function ${p.name} was removed from ${p.base!.path} (${PROBE_LABEL[p.probe]})`;
  if (c.kind === 'glue') return `the tail calls of ${describePair(p)} changed`;
  return `the code of ${describePair(p)} changed`;
}

/** Where a change is: the head definition, or the base one for a removal. */
export function changeLocation(c: CodeChange): Loc {
  return where((c.pair.head ?? c.pair.base)!);
}

/** The counters a change touches, for messages. */
export function changedCounters(c: CodeChange): string[] {
  return [...new Set([...(c.pair.base?.fn.counters ?? []), ...(c.pair.head?.fn.counters ?? [])])].sort();
}
