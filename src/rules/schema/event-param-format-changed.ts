import { paramRule } from './param-rule.js';

export const eventParamFormatChanged = paramRule(
  'format',
  {
    id: 'event-param-format-changed',
    title: 'The print format (PF_*) of a parameter changed',
    governs: 'schema',
    bump: 'patch',
    rationale:
      'PF_* only tells userspace how to render the value; the wire is unchanged. A fix that breaks nothing: SCHEMA patch.',
    example: '- {"mode", PT_UINT32, PF_DEC}\n+ {"mode", PT_UINT32, PF_OCT}',
  },
  (symbol, c) => `${symbol} param ${c.index + 1} '${c.head.name}' print format ${c.base.format} → ${c.head.format}`,
);
