import type { Hit, Rule } from '../types.js';
import { renamedNumbers } from './ppm-sc-numbers.js';

export const ppmScRenamed: Rule = {
  id: 'ppm-sc-renamed',
  title: 'A PPM_SC_* code was renamed, keeping its number',
  governs: 'schema',
  bump: 'none',
  kind: 'note',
  rationale:
    'Only the number travels (param "ID" of PPME_GENERIC_X) and the syscall it maps to is unchanged; libs renamed codes to the kernel syscall name this way (09a74c1fb, and PIDFD_GET_FD → PIDFD_GETFD at 346). Code that names the old symbol must be updated.',
  example: '- PPM_SC_X(SIGRETURN_RT, 298) \\\n+ PPM_SC_X(RT_SIGRETURN, 298) \\',
  check(base, head) {
    return renamedNumbers(base, head).map(
      (r): Hit => ({ symbol: r.to, message: `PPM_SC code ${r.value}: ${r.from} renamed to ${r.to}`, location: r.loc }),
    );
  },
};
