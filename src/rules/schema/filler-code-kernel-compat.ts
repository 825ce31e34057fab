import type { Rule } from '../types.js';
import { isKernelSpecific, PROBE_LABEL } from '../../surface/model.js';
import { codeDelta, codePairs, describePair, lonePairs, where } from './code-pairs.js';

const README =
  "libs' README.VERSION.md: do not increment these versions for patches that solely address build issues on specific kernels";

export const fillerCodeKernelCompat: Rule = {
  id: 'filler-code-kernel-compat',
  title: 'Filler or program code changed only inside kernel-version conditionals',
  governs: 'schema',
  bump: 'none',
  kind: 'note',
  rationale:
    'libs\' driver/README.VERSION.md: "Please, do not increment these versions for patches that solely address build issues on specific kernels (for example, newly supported kernels) without impacting others." Kernel-compatibility code is code under #if groups on the kernel version (LINUX_VERSION_CODE, KERNEL_VERSION, RHEL_RELEASE_*) or on a kernel API probe (HAS_* from driver/configure, __has_include, kernel UAPI feature macros such as IORING_FEAT_*, defined(kernel_function)), and CO-RE feature checks (if (bpf_core_*(...)) ... else ..., when the condition checks nothing but kernel features). A change confined to it is this note only when one end of the supported kernel range still builds the same code: the oldest supported kernel, with or without its configuration options, for one outcome of the API probes (a probe may mark older or newer kernels): wrapping existing code into a new conditional for newer kernels, a new branch for them, a helper that exists only under such conditionals; or the newest kernel: a build fix for old kernels. Code changed in every branch alike, new code under a condition every kernel meets (LINUX_VERSION_CODE >= 0) or under a configuration option (#ifdef CONFIG_MMU) changes what the driver sends: filler-code-changed. Configuration options (CONFIG_* that select no architecture) are not kernel-specific: libs compiles payload code under them (the cgroups param under CONFIG_CGROUPS, memfd detection under CONFIG_MEMFD_CREATE) while its HAS_* probes only choose between spellings of a kernel API (cb3e5cf11, 9f7599816), and every distro kernel sets the common options, so the code under an option is code of the builds that have it. When the minimum kernel moves, the newest kernel\'s build decides instead.',
  example:
    ' #if LINUX_VERSION_CODE < KERNEL_VERSION(5, 0, 0)\n \tval = old_helper(task);\n+#elif LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)\n+\tval = renamed_helper(task);\n #else\n \tval = new_helper(task);\n #endif',
  check(base, head) {
    const pairs = codePairs(base, head);
    const changed = pairs
      .filter((p) => p.base && p.head && codeDelta(p.base.fn, p.head.fn, p.oldestMoved) === 'compat')
      .map((p) => ({
        symbol: p.name,
        message: `${describePair(p)} changed only inside kernel-version conditionals; ${README}`,
        location: where(p.head!),
      }));
    const added = lonePairs(pairs, 'head')
      .filter((p) => isKernelSpecific(p.head!.fn))
      .map((p) => ({
        symbol: p.name,
        message: `new kernel-specific function ${p.name} in ${p.head!.path} (${PROBE_LABEL[p.probe]}), defined only under kernel-version conditionals; ${README}`,
        location: where(p.head!),
      }));
    const removed = lonePairs(pairs, 'base')
      .filter((p) => isKernelSpecific(p.base!.fn))
      .map((p) => ({
        symbol: p.name,
        message: `kernel-specific function ${p.name} was removed from ${p.base!.path} (${PROBE_LABEL[p.probe]}); ${README}`,
        location: where(p.base!),
      }));
    return [...changed, ...added, ...removed];
  },
};
