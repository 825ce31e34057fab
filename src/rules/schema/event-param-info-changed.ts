import { paramRule } from './param-rule.js';

export const eventParamInfoChanged = paramRule(
  'info',
  {
    id: 'event-param-info-changed',
    title: 'The info reference of a parameter changed (flag table, DIRFD_PARAM, dynamic table)',
    governs: 'schema',
    bump: 'patch',
    rationale:
      'The info slot tells userspace which flag table names the bits or which param holds the dirfd; the wire is unchanged. Fixing such a reference is a SCHEMA patch in libs practice.',
    example: '- {"path", PT_FSRELPATH, PF_NA, DIRFD_PARAM(0)}\n+ {"path", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)}',
  },
  (symbol, c) => {
    const show = (info: string | null, ninfo: string | null) => (info ?? 'none') + (ninfo ? `, ${ninfo}` : '');
    return `${symbol} param ${c.index + 1} '${c.head.name}' info ${show(c.base.info, c.base.ninfo)} → ${show(c.head.info, c.head.ninfo)}`;
  },
);
