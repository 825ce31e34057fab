import { added, common, removed } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import type { SyscallRoute } from '../../surface/model.js';

const isGeneric = (r: SyscallRoute) => r.enter === 'PPME_GENERIC_E' && r.exit === 'PPME_GENERIC_X';

export const syscallRoutingChanged: Rule = {
  id: 'syscall-routing-changed',
  title: 'A syscall is routed to other events or another ppm_sc code, or gains or loses dedicated events',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'g_syscall_table decides which events the drivers emit for a syscall. Routing it to other or new dedicated events is a feature that leaves existing events compatible: README.VERSION.md SCHEMA minor, "when new features are added but existing features remain compatible" (docs/driver-surface.md, Syscall routing). Userspace built against the base keeps decoding what it knows, but sees the syscall through other events from now on.',
  example:
    '- [__NR_mknod - SYSCALL_TABLE_ID0] = {.ppm_sc = PPM_SC_MKNOD},\n+ [__NR_mknod - SYSCALL_TABLE_ID0] = {UF_USED, PPME_SYSCALL_MKNOD_E, PPME_SYSCALL_MKNOD_X, PPM_SC_MKNOD},',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [nr, b, h] of common(base.syscalls, head.syscalls)) {
      const parts: string[] = [];
      if (b.enter !== h.enter || b.exit !== h.exit) parts.push(`events ${b.enter}/${b.exit} → ${h.enter}/${h.exit}`);
      // By number: a ppm_sc renamed at its number (ppm-sc-renamed) routes the syscall the same way.
      const bv = b.ppmSc ? base.ppmSc[b.ppmSc]?.value : undefined;
      const hv = h.ppmSc ? head.ppmSc[h.ppmSc]?.value : undefined;
      const sameCode = bv !== undefined && bv !== null && bv === hv;
      if (b.ppmSc && h.ppmSc && b.ppmSc !== h.ppmSc && !sameCode) parts.push(`ppm_sc ${b.ppmSc} → ${h.ppmSc}`);
      if (parts.length) hits.push({ symbol: nr, message: `${nr}: ${parts.join(', ')}`, location: h.loc });
    }
    // A new syscall with only a ppm_sc code is the bumper's generic routing: ppm-sc-appended covers it.
    for (const [nr, r] of added(base.syscalls, head.syscalls)) {
      if (!isGeneric(r))
        hits.push({ symbol: nr, message: `${nr} is now routed to ${r.enter}/${r.exit}`, location: r.loc });
    }
    for (const [nr, r] of removed(base.syscalls, head.syscalls)) {
      hits.push({
        symbol: nr,
        message: `${nr} is no longer in g_syscall_table (was ${r.enter}/${r.exit})`,
        location: r.loc,
      });
    }
    return hits;
  },
};
