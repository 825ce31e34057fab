import { describeWire, sameWire } from '../wire.js';
import { paramRule } from './param-rule.js';

export const eventParamTypeRefined = paramRule(
  'type',
  {
    id: 'event-param-type-refined',
    title: 'A parameter changed to a type with the same wire width and encoding',
    governs: 'schema',
    bump: 'minor',
    rationale:
      'The bytes on the wire are unchanged (e.g. PT_INT32 to PT_FLAGS32), so old userspace still decodes them, but new userspace renders or interprets them differently: a compatible feature, SCHEMA minor.',
    example: '- {"flags", PT_INT32, PF_HEX}\n+ {"flags", PT_FLAGS32, PF_HEX, file_flags}',
  },
  (symbol, c) =>
    sameWire(c.base.type, c.head.type) === true
      ? `${symbol} param ${c.index + 1} '${c.head.name}' refined from ${c.base.type} to ${c.head.type} (both ${describeWire(c.head.type)})`
      : null,
);
