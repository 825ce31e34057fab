import { removed } from '../compare.js';
import type { Rule } from '../types.js';
import { MODERN_PROBE_STRUCTS } from './structs.js';

export const structRemoved: Rule = {
  id: 'struct-removed',
  title: 'A struct shared with userspace was removed',
  governs: 'api',
  bump: 'major',
  rationale:
    'Userspace built against the base still exchanges this struct with the driver; without it the interface is gone (for the legacy-probe table structs this happens when the legacy probe is dropped).',
  example: '- struct scap_bpf_settings { ... };',
  check(base, head) {
    return removed(base.structs, head.structs).map(([name, s]) => ({
      symbol: name,
      message: `struct ${name} (size ${s.size}) is gone`,
      location: s.loc,
      ...(MODERN_PROBE_STRUCTS.has(name) ? { scope: 'modern-probe' as const } : {}),
    }));
  },
};
