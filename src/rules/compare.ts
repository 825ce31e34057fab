import type { Constant, EventInfo, ParamInfo, Surface } from '../surface/model.js';
import { record } from '../record.js';

/** Keys present in both records, in head order. */
export function common<T>(base: Record<string, T>, head: Record<string, T>): Array<[string, T, T]> {
  return Object.keys(head)
    .filter((k) => Object.hasOwn(base, k))
    .map((k) => [k, base[k]!, head[k]!]);
}

export function added<T>(base: Record<string, T>, head: Record<string, T>): Array<[string, T]> {
  return Object.keys(head)
    .filter((k) => !Object.hasOwn(base, k))
    .map((k) => [k, head[k]!]);
}

export function removed<T>(base: Record<string, T>, head: Record<string, T>): Array<[string, T]> {
  return added(head, base);
}

export function setDiff(a: string[], b: string[]): string[] {
  const s = new Set(b);
  return a.filter((x) => !s.has(x));
}

/** `PPME_SYSCALL_OPEN_X` → `PPME_SYSCALL_OPEN`: enter and exit events come in pairs. */
export function pairName(symbol: string): string {
  return symbol.replace(/_[EX]$/, '');
}

/**
 * The params the drivers send: the kmod writes `nparams` into the header and fills that many,
 * so an entry that lists more than its nparams sends only the first nparams (libs' SECCOMP_E
 * listed two with nparams 1 until it was corrected: that correction appends a param).
 */
export function sentParams(e: EventInfo): ParamInfo[] {
  return e.nparams !== null && e.nparams < e.params.length ? e.params.slice(0, e.nparams) : e.params;
}

/** How one param position changed between two revisions of the same event. */
export type ParamChange =
  | { kind: 'appended'; index: number; head: ParamInfo }
  | { kind: 'removed'; index: number; base: ParamInfo }
  | { kind: 'reordered'; index: number; base: ParamInfo; head: ParamInfo }
  | { kind: 'renamed'; index: number; base: ParamInfo; head: ParamInfo }
  | { kind: 'type'; index: number; base: ParamInfo; head: ParamInfo }
  | { kind: 'format'; index: number; base: ParamInfo; head: ParamInfo }
  | { kind: 'info'; index: number; base: ParamInfo; head: ParamInfo };

/**
 * Position-by-position comparison of an event's params: the wire is positional, so param i of
 * the base must stay param i. A different name at i is a reorder when the old name still
 * exists elsewhere in the head list, else a rename.
 */
export function paramChanges(base: EventInfo, head: EventInfo): ParamChange[] {
  const out: ParamChange[] = [];
  const bp = sentParams(base);
  // An nparams this change left behind (event-nparams-mismatch reports it): the listed params
  // are what the change means to send, so the bump they need stays visible beside the error.
  const newMismatch =
    head.nparams !== null &&
    head.nparams < head.params.length &&
    (base.nparams !== head.nparams || base.params.length !== head.params.length);
  const hp = newMismatch ? head.params : sentParams(head);
  const headNames = hp.map((p) => p.name);
  const n = Math.max(bp.length, hp.length);
  for (let i = 0; i < n; i++) {
    const b = bp[i];
    const h = hp[i];
    if (!b) out.push({ kind: 'appended', index: i, head: h! });
    else if (!h) out.push({ kind: 'removed', index: i, base: b });
    else {
      if (b.name !== h.name) {
        const moved = headNames.indexOf(b.name);
        out.push({ kind: moved >= 0 && moved !== i ? 'reordered' : 'renamed', index: i, base: b, head: h });
      }
      if (b.type !== h.type) out.push({ kind: 'type', index: i, base: b, head: h });
      if (b.format !== h.format) out.push({ kind: 'format', index: i, base: b, head: h });
      if (b.info !== h.info || b.ninfo !== h.ninfo) out.push({ kind: 'info', index: i, base: b, head: h });
    }
  }
  return out;
}

/** Param changes of every event present in both surfaces (computed once per pair of surfaces). */
export const allParamChanges = perPair((base, head) => {
  const result: Array<{ symbol: string; event: EventInfo; change: ParamChange }> = [];
  for (const [symbol, b, h] of commonEvents(base, head)) {
    for (const change of paramChanges(b, h)) result.push({ symbol, event: h, change });
  }
  return result;
});

export function describeParam(p: ParamInfo): string {
  return `'${p.name}' (${p.type})`;
}

/** A changed constant: both values known and different. */
export function renumbered(
  base: Record<string, Constant>,
  head: Record<string, Constant>,
): Array<[string, Constant, Constant]> {
  return common(base, head).filter(([, b, h]) => b.value !== null && h.value !== null && b.value !== h.value);
}

/** Memoises a comparison of two surfaces (every rule of one check asks with the same pair). */
export function perPair<T>(fn: (base: Surface, head: Surface) => T): (base: Surface, head: Surface) => T {
  const cache = new WeakMap<Surface, WeakMap<Surface, T>>();
  return (base, head) => {
    let inner = cache.get(base);
    if (!inner) cache.set(base, (inner = new WeakMap()));
    if (!inner.has(head)) inner.set(head, fn(base, head));
    return inner.get(head)!;
  };
}

/** Memoises a derived view of a surface (rules of one comparison ask for it many times). */
export function perSurface<T>(fn: (s: Surface) => T): (s: Surface) => T {
  const cache = new WeakMap<Surface, T>();
  return (s) => {
    if (!cache.has(s)) cache.set(s, fn(s));
    return cache.get(s)!;
  };
}

/**
 * Event codes renamed at their number (libs renamed PPME_SYSDIGEVENT_E/X to PPME_SCAPEVENT_E/X
 * at 196/197): the number is what travels, so they are the same events.
 */
export const renamedEventCodes = perPair(
  (base: Surface, head: Surface): Array<{ from: string; to: string; value: number }> => {
    const codes = (s: Surface) => record(Object.entries(s.eventCodes).filter(([sym]) => sym !== 'PPM_EVENT_MAX'));
    return renamedPairs(codes(base), codes(head));
  },
);

/** g_event_info entries present on both sides, by symbol or by a code renamed at its number (head symbol). */
export const commonEvents = perPair((base: Surface, head: Surface): Array<[string, EventInfo, EventInfo]> => {
  const pairs = common(base.events, head.events);
  for (const r of renamedEventCodes(base, head)) {
    const b = base.events[r.from];
    const h = head.events[r.to];
    if (b && h) pairs.push([r.to, b, h]);
  }
  return pairs;
});

/**
 * Symbols removed and added at the same value in one change: a rename (libs renamed
 * EF_TMP_CONVERTER_MANAGED to EF_CONVERTER_MANAGED, PPM_SC_SIGRETURN_RT... to
 * PPM_SC_RT_SIGRETURN), not a removal plus an addition.
 */
export function renamedPairs(
  base: Record<string, { value: number | null }>,
  head: Record<string, { value: number | null }>,
): Array<{ from: string; to: string; value: number }> {
  const gone = Object.entries(base).filter(([sym, c]) => !head[sym] && c.value !== null);
  const fresh = Object.entries(head).filter(([sym, c]) => !base[sym] && c.value !== null);
  const pairs: Array<{ from: string; to: string; value: number }> = [];
  for (const [from, c] of gone) {
    const i = fresh.findIndex(([, h]) => h.value === c.value);
    if (i >= 0) pairs.push({ from, to: fresh.splice(i, 1)[0]![0], value: c.value! });
  }
  return pairs;
}

/** Event codes new at head: not in the base, not PPM_EVENT_MAX, not a code renamed at its number. */
export function newEventCodes(base: Surface, head: Surface): Array<[string, Constant]> {
  const renamed = new Set(renamedEventCodes(base, head).map((r) => r.to));
  return added(base.eventCodes, head.eventCodes).filter(
    ([symbol]) => symbol !== 'PPM_EVENT_MAX' && !renamed.has(symbol),
  );
}

/** The event_table.c header's rules, quoted by the invariant rules that check new events. */
export const EVENT_TABLE_HEADER = 'the rules at the top of driver/event_table.c';
