import { paramRule } from './param-rule.js';

export const eventParamRenamed = paramRule(
  'renamed',
  {
    id: 'event-param-renamed',
    title: 'A parameter of an existing event was renamed',
    governs: 'schema',
    bump: 'minor',
    rationale:
      'The wire is unchanged, but userspace looks params up by name (filter fields, evt.arg.<name>): a rename changes what existing consumers see without breaking the decoding.',
    example: '- {"name", PT_FSPATH, PF_NA}\n+ {"path", PT_FSPATH, PF_NA}',
  },
  (symbol, c) => `${symbol} param ${c.index + 1} renamed from '${c.base.name}' to '${c.head.name}'`,
);
