import type { Rule } from '../types.js';
import { unpackable, VERSION_BITS } from '../version-pack.js';

export const apiVersionUnpackable: Rule = {
  id: 'api-version-unpackable',
  title: 'API_VERSION has a component PPM_API_VERSION cannot pack',
  governs: 'api',
  bump: 'none',
  kind: 'invalid',
  rationale: `driver/ppm_api_version.h packs the version into one uint64_t (major ${VERSION_BITS.major} bits, minor ${VERSION_BITS.minor}, patch ${VERSION_BITS.patch}) and masks each component: a larger one becomes another version, and libscap's check compares the wrong numbers.`,
  example: '- 2.4.0\n+ 2.1048576.0   // minor has 20 bits: at most 1048575',
  check(_base, head) {
    return unpackable(head, 'api');
  },
};
