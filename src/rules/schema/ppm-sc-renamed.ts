import type { Surface } from '../../surface/model.js';
import type { Hit, Rule } from '../types.js';
import { renamedPairs } from './wire-enums.js';

/** The live codes (not the retired comments). */
export function liveCodes(s: Surface): Surface['ppmSc'] {
  return Object.fromEntries(Object.entries(s.ppmSc).filter(([, c]) => !c.retired));
}

export const ppmScRenamed: Rule = {
  id: 'ppm-sc-renamed',
  title: 'A PPM_SC_* code was renamed, keeping its number',
  governs: 'schema',
  bump: 'none',
  kind: 'note',
  rationale:
    'Only the number travels (param "ID" of PPME_GENERIC_X) and the syscall it maps to is unchanged; libs renamed codes to the kernel syscall name this way (09a74c1fb). Code that names the old symbol must be updated.',
  example: '- PPM_SC_X(SIGRETURN_RT, 298) \\\n+ PPM_SC_X(RT_SIGRETURN, 298) \\',
  check(base, head) {
    const hits: Hit[] = [];
    for (const p of renamedPairs(liveCodes(base), liveCodes(head))) {
      hits.push({ message: `${p.from} renamed to ${p.to} (code ${p.value})`, location: head.ppmSc[p.to]!.loc });
    }
    return hits;
  },
};
