import type { StructLayout } from '../../surface/model.js';
import type { Rule } from '../types.js';
import { MODERN_PROBE_STRUCTS } from './structs.js';

/** The builds' layouts of a struct, as text to compare. */
function variants(l: StructLayout | undefined): string {
  return JSON.stringify(
    (l?.byBuild ?? []).map((v) => [v.builds, v.size, v.fields.map((f) => [f.name, f.offset, f.size])]),
  );
}

export const structLayoutDiffersBetweenBuilds: Rule = {
  id: 'struct-layout-differs-between-builds',
  title: 'A struct shared with userspace is laid out differently by the builds that share it',
  governs: 'api',
  bump: 'none',
  kind: 'invalid',
  rationale:
    'The kernel module writes ppm_ring_buffer_info and the event header that libscap reads; the probes fill maps that libscap and libpman read; each side compiles the shared headers itself. A struct whose fields or offsets differ between the kernel and the userspace build, or between the architectures libs builds (x86_64, aarch64, s390x, ppc64le, riscv64, loongarch64), or that depends on a build option driver-semver cannot know, is read wrong by one side whatever the version says: the head is invalid until the layouts agree.',
  example:
    'struct ppm_ring_buffer_info {\n\tvolatile uint64_t n_evts;\n+#ifdef __KERNEL__\n+\tvolatile uint64_t n_kernel_only;\n+#endif\n\tvolatile uint64_t n_drops_buffer;\n};',
  check(base, head) {
    return Object.entries(head.structs)
      .filter(([name, h]) => h.byBuild && variants(h) !== variants(base.structs[name]))
      .map(([name, h]) => ({
        symbol: name,
        message: `struct ${name} is laid out differently by the builds that share it: ${h.byBuild!.map((v) => `${v.builds}: size ${v.size}, fields ${v.fields.map((f) => `${f.name}@${f.offset}`).join(', ')}`).join('; ')}`,
        location: h.loc,
        ...(MODERN_PROBE_STRUCTS.has(name) ? { scope: 'modern-probe' as const } : {}),
      }));
  },
};
