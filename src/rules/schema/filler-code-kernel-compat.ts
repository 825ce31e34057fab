import type { Rule } from '../types.js';
import { isKernelSpecific } from '../../surface/extract/code-bodies.js';
import { codeDelta, codePairs, describePair, lonePairs, PROBE_LABEL, where } from './code-pairs.js';

const README = "libs' README.VERSION.md: do not increment these versions for patches that solely address build issues on specific kernels";

export const fillerCodeKernelCompat: Rule = {
  id: 'filler-code-kernel-compat',
  title: 'Filler or program code changed only inside kernel-version conditionals',
  governs: 'schema',
  bump: 'none',
  kind: 'note',
  rationale:
    "libs' driver/README.VERSION.md: \"Please, do not increment these versions for patches that solely address build issues on specific kernels (for example, newly supported kernels) without impacting others.\" A function whose tokens differ only inside #if groups on LINUX_VERSION_CODE, KERNEL_VERSION, RHEL_RELEASE_*, HAS_* (driver/configure probes), non-architecture CONFIG_* options, __has_include or kernel UAPI feature macros (IORING_FEAT_*: the headers of the kernels that have the feature define them), or inside CO-RE feature checks (if (bpf_core_*(...)) ... else ...), or that only wraps existing code into such a conditional, is reported as a note: no bump is needed. So is a helper added or removed that exists only under such conditionals.",
  example:
    ' #if LINUX_VERSION_CODE < KERNEL_VERSION(5, 0, 0)\n \tval = old_helper(task);\n+#elif LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)\n+\tval = renamed_helper(task);\n #else\n \tval = new_helper(task);\n #endif',
  check(base, head) {
    const pairs = codePairs(base, head);
    const changed = pairs
      .filter((p) => p.base && p.head && codeDelta(p.base.fn, p.head.fn) === 'compat')
      .map((p) => ({ symbol: p.name, message: `${describePair(p)} changed only inside kernel-version conditionals; ${README}`, location: where(p.head!) }));
    const added = lonePairs(pairs, 'head')
      .filter((p) => isKernelSpecific(p.head!.fn))
      .map((p) => ({
        symbol: p.name, message: `new kernel-specific function ${p.name} in ${p.head!.path} (${PROBE_LABEL[p.probe]}), defined only under kernel-version conditionals; ${README}`,
        location: where(p.head!),
      }));
    const removed = lonePairs(pairs, 'base')
      .filter((p) => isKernelSpecific(p.base!.fn))
      .map((p) => ({
        symbol: p.name, message: `kernel-specific function ${p.name} was removed from ${p.base!.path} (${PROBE_LABEL[p.probe]}); ${README}`,
        location: where(p.base!),
      }));
    return [...changed, ...added, ...removed];
  },
};
