import { describeParam } from '../compare.js';
import { paramRule } from './param-rule.js';

export const eventParamAppended = paramRule(
  'appended',
  {
    id: 'event-param-appended',
    title: 'A parameter was appended to an existing event',
    governs: 'schema',
    bump: 'minor',
    rationale:
      'The event_table.c header: "The only kind of change permitted for pre-existent events is adding parameters." README.VERSION.md names "new event fields" as the SCHEMA minor example; libscap reads min(nparams) so old userspace ignores the tail.',
    example: '  {"res", PT_ERRNO, PF_DEC},\n+ {"filename", PT_FSPATH, PF_NA}},',
  },
  (symbol, c) => `${symbol} gains param ${c.index + 1} ${describeParam(c.head)}`,
);
