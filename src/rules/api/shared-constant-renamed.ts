import type { Rule } from '../types.js';
import { constantChanges } from './shared-constants.js';

export const sharedConstantRenamed: Rule = {
  id: 'shared-constant-renamed',
  title: 'A shared constant was renamed at the same value',
  governs: 'api',
  bump: 'none',
  kind: 'note',
  rationale:
    'A driver and a userspace built from different revisions agree on values, not on macro names: a shared constant removed while another appears with its value (libs 05f441523 moved RW_SNAPLEN and RW_MAX_SNAPLEN to capture_macro.h as SNAPLEN and SNAPLEN_MAX) changes nothing they exchange. Userspace sources that use the old name stop compiling, which the same change has to fix. Reported as a note.',
  example: '- #define RW_MAX_SNAPLEN PPM_MAX_ARG_SIZE\n+ #define SNAPLEN_MAX 65000',
  check(base, head) {
    return constantChanges(base, head)
      .filter((c) => c.kind === 'renamed')
      .map((c) => ({
        symbol: c.to!,
        message: `shared constant ${c.name} is now ${c.to} (value ${c.head!.value} kept)`,
        location: c.head!.loc,
      }));
  },
};
