import { added } from '../compare.js';
import type { Rule } from '../types.js';

export const moduleParamAdded: Rule = {
  id: 'module-param-added',
  title: 'A kernel module parameter was added',
  governs: 'api',
  bump: 'minor',
  rationale:
    'Userspace reads and writes module parameters under /sys/module/<name>/parameters/; a new one is a compatible feature, API minor.',
  example: '+ module_param(max_consumers, uint, 0444);',
  check(base, head) {
    return added(base.moduleParams, head.moduleParams).map(([name, p]) => ({
      symbol: name,
      message: `new module parameter ${name} (${p.type}, ${p.perm})`,
      location: p.loc,
    }));
  },
};
