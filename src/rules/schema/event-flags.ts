import { commonEvents, perPair } from '../compare.js';
import type { EventInfo, Surface } from '../../surface/model.js';

/**
 * An event's EF_* flags keyed by bit value, so that renaming a flag (EF_TMP_CONVERTER_MANAGED
 * became EF_CONVERTER_MANAGED at the same bit) is no change. Unknown values key by name.
 */
function bits(surface: Surface, flags: string[]): Map<string, string> {
  const values = surface.enums.ppm_event_flags ?? {};
  return new Map(flags.map((f) => [values[f]?.value != null ? `bit:${values[f]!.value}` : `name:${f}`, f]));
}

export interface FlagDelta {
  symbol: string;
  event: EventInfo;
  added: string[];
  removed: string[];
}

/**
 * Per event present on both sides: flags added and removed (head names for added, base names for
 * removed). Once per pair of surfaces: four rules read it.
 */
export const flagDeltas = perPair((base: Surface, head: Surface): FlagDelta[] => {
  const out: FlagDelta[] = [];
  for (const [symbol, b, h] of commonEvents(base, head)) {
    const bb = bits(base, b.flags);
    const hb = bits(head, h.flags);
    const addedFlags = [...hb].filter(([k]) => !bb.has(k)).map(([, n]) => n);
    const removedFlags = [...bb].filter(([k]) => !hb.has(k)).map(([, n]) => n);
    if (addedFlags.length || removedFlags.length)
      out.push({ symbol, event: h, added: addedFlags, removed: removedFlags });
  }
  return out;
});

/** Flags with rules of their own. */
export const SPECIAL_FLAGS = ['EF_OLD_VERSION', 'EF_LARGE_PAYLOAD'];
