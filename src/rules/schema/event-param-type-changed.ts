import { describeWire, sameWire } from '../wire.js';
import { paramRule } from './param-rule.js';

export const eventParamTypeChanged = paramRule(
  'type',
  {
    id: 'event-param-type-changed',
    title: 'A parameter changed to a type with another wire width or encoding',
    governs: 'schema',
    bump: 'major',
    rationale:
      'Userspace built against the base decodes the param with the old width or encoding (e.g. PT_FD is 8 bytes, PT_FD32 is 4). The event_table.c header requires a new event pair for such a change.',
    example: '- {"fd", PT_FD, PF_DEC}\n+ {"fd", PT_FD32, PF_DEC}',
  },
  (symbol, c) =>
    sameWire(c.base.type, c.head.type) === true
      ? null
      : `${symbol} param ${c.index + 1} '${c.head.name}' changed from ${c.base.type} (${describeWire(c.base.type)}) to ${c.head.type} (${describeWire(c.head.type)}); to stay compatible, add a new event version instead (see the event_table.c header)`,
);
