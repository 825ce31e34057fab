import { describeParam } from '../compare.js';
import { paramRule } from './param-rule.js';

export const eventParamRemoved = paramRule(
  'removed',
  {
    id: 'event-param-removed',
    title: 'A parameter was removed from an existing event',
    governs: 'schema',
    bump: 'major',
    rationale:
      'The event_table.c header: to modify or remove existing parameters "you must create a new event pair". Userspace built against the base reads a param the driver no longer sends.',
    example: '- {"dev", PT_UINT32, PF_HEX}',
  },
  (symbol, c) => `${symbol} loses param ${c.index + 1} ${describeParam(c.base)}`,
);
