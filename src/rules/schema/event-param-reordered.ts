import { describeParam } from '../compare.js';
import { paramRule } from './param-rule.js';

export const eventParamReordered = paramRule(
  'reordered',
  {
    id: 'event-param-reordered',
    title: 'Parameters of an existing event changed position',
    governs: 'schema',
    bump: 'major',
    rationale:
      'Params are positional on the wire; the event_table.c header allows only appending to pre-existent events ("you must create a new event pair").',
    example:
      '- {{"fd", PT_FD, PF_DEC}, {"name", PT_FSPATH, PF_NA}}\n+ {{"name", PT_FSPATH, PF_NA}, {"fd", PT_FD, PF_DEC}}',
  },
  (symbol, c) =>
    `${symbol} param ${c.index + 1} was ${describeParam(c.base)} and is now ${describeParam(c.head)} (moved)`,
);
