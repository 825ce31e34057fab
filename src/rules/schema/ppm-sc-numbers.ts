import type { Loc, Surface } from '../../surface/model.js';
import { perSurface } from '../compare.js';

/**
 * The ppm_sc codes by number: what travels is the number (param "ID" of PPME_GENERIC_X), so
 * the ppm-sc rules compare numbers and treat names as labels.
 */
export interface ScNumbers {
  live: Map<number, { symbol: string; loc: Loc }>;
  /** Numbers left as comments (`/*PPM_SC_X(NA_1, 382)*\/`): reserved. */
  retired: Map<number, { symbol: string; loc: Loc }>;
  /** Where each live symbol sits. */
  numberOf: Map<string, number>;
}

export const scNumbers = perSurface((s: Surface): ScNumbers => {
  const n: ScNumbers = { live: new Map(), retired: new Map(), numberOf: new Map() };
  for (const [symbol, c] of Object.entries(s.ppmSc)) {
    if (c.value === null) continue;
    if (c.retired) n.retired.set(c.value, { symbol, loc: c.loc });
    else if (!n.live.has(c.value)) {
      n.live.set(c.value, { symbol, loc: c.loc });
      n.numberOf.set(symbol, c.value);
    }
  }
  return n;
});

/**
 * Did `symbol` move to another number as a renumbering (major)? Not when it moved onto a number
 * whose own name is gone: that number is renamed, and its old number retired.
 */
export function renumbered(base: Surface, head: Surface, symbol: string): boolean {
  const b = scNumbers(base);
  const h = scNumbers(head);
  const from = b.numberOf.get(symbol);
  const to = h.numberOf.get(symbol);
  if (from === undefined || to === undefined || from === to) return false;
  const owner = b.live.get(to)?.symbol;
  return !(owner && owner !== symbol && !h.numberOf.has(owner));
}

/** A number live on both sides under another name whose old name did not move elsewhere: a rename. */
export function renamedNumbers(
  base: Surface,
  head: Surface,
): Array<{ value: number; from: string; to: string; loc: Loc }> {
  const b = scNumbers(base);
  const h = scNumbers(head);
  const out: Array<{ value: number; from: string; to: string; loc: Loc }> = [];
  for (const [value, was] of b.live) {
    const now = h.live.get(value);
    if (now && now.symbol !== was.symbol && !h.numberOf.has(was.symbol))
      out.push({ value, from: was.symbol, to: now.symbol, loc: now.loc });
  }
  return out;
}
