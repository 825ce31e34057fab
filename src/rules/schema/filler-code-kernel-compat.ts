import type { Rule } from '../types.js';
import { codePairs, describePair, where } from './filler-code-changed.js';

export const fillerCodeKernelCompat: Rule = {
  id: 'filler-code-kernel-compat',
  title: 'Filler or program code changed only inside kernel-version conditionals',
  governs: 'schema',
  bump: 'none',
  kind: 'note',
  rationale:
    "libs' driver/README.VERSION.md: \"Please, do not increment these versions for patches that solely address build issues on specific kernels (for example, newly supported kernels) without impacting others.\" A function whose tokens differ only inside #if groups on LINUX_VERSION_CODE, KERNEL_VERSION, RHEL_RELEASE_*, HAS_* (driver/configure probes), non-architecture CONFIG_* options or __has_include, or inside CO-RE feature checks (if (bpf_core_*(...)) ... else ...), is reported as a note: no bump is needed.",
  example:
    ' #if LINUX_VERSION_CODE < KERNEL_VERSION(5, 0, 0)\n \tval = old_helper(task);\n+#elif LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)\n+\tval = renamed_helper(task);\n #else\n \tval = new_helper(task);\n #endif',
  check(base, head) {
    return codePairs(base, head)
      .filter((p) => p.base && p.head && p.base.fn.hash !== p.head.fn.hash && p.base.fn.coreHash === p.head.fn.coreHash)
      .map((p) => ({
        message: `${describePair(p)} changed only inside kernel-version conditionals; libs' README.VERSION.md: do not increment these versions for patches that solely address build issues on specific kernels`,
        location: where(p.head!),
      }));
  },
};
