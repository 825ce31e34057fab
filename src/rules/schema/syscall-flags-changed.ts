import { common, setDiff } from '../compare.js';
import type { Rule } from '../types.js';

export const syscallFlagsChanged: Rule = {
  id: 'syscall-flags-changed',
  title: 'The UF_* flags of a syscall changed (sampling and drop behaviour)',
  governs: 'schema',
  bump: 'patch',
  rationale:
    'UF_NEVER_DROP, UF_ALWAYS_DROP and UF_USED tune which events survive dropping mode; the events themselves are unchanged, so nothing userspace decodes breaks: README.VERSION.md SCHEMA patch, "when code changes don\'t break compatibility" (docs/driver-surface.md, Syscall routing).',
  example:
    '- [__NR_brk - SYSCALL_TABLE_ID0] = {UF_USED, PPME_SYSCALL_BRK_4_E, PPME_SYSCALL_BRK_4_X, PPM_SC_BRK},\n+ [__NR_brk - SYSCALL_TABLE_ID0] = {UF_USED | UF_ALWAYS_DROP, PPME_SYSCALL_BRK_4_E, PPME_SYSCALL_BRK_4_X, PPM_SC_BRK},',
  check(base, head) {
    return common(base.syscalls, head.syscalls)
      .filter(([, b, h]) => setDiff(b.flags, h.flags).length || setDiff(h.flags, b.flags).length)
      .map(([nr, b, h]) => ({
        symbol: nr,
        message: `${nr} flags ${b.flags.join(' | ') || 'none'} → ${h.flags.join(' | ') || 'none'}`,
        location: h.loc,
      }));
  },
};
