import { common, removed } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import type { ModuleParam } from '../../surface/model.js';

export const moduleParamChanged: Rule = {
  id: 'module-param-changed',
  title: 'A kernel module parameter was removed, renamed, retyped, or its permission or get/set operations changed',
  governs: 'api',
  bump: 'major',
  rationale:
    'libscap writes g_buffer_bytes_dim and reads max_consumers through /sys/module/<name>/parameters/ (scap_kmod.c): a missing, retyped or no longer writable parameter breaks userspace built against the base. Permissions are compared as bits (`S_IRUGO` is `0444`); a parameter whose kernel_param_ops lose `.set` (or `.get`) can no longer be written (or read), whatever its permission says.',
  example: '- module_param(max_consumers, uint, 0444);',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, p] of removed(base.moduleParams, head.moduleParams))
      hits.push({ symbol: name, message: `module parameter ${name} was removed`, location: p.loc });
    for (const [name, b, h] of common(base.moduleParams, head.moduleParams)) {
      if (describe(b) !== describe(h))
        hits.push({
          symbol: name,
          message: `module parameter ${name}: ${describe(b)} → ${describe(h)}`,
          location: h.loc,
        });
    }
    return hits;
  },
};

/** `callback 0644`, and the operations it lacks (`callback 0644 without .set`). */
function describe(p: ModuleParam): string {
  return `${p.type} ${p.perm}${p.lacks?.length ? ` without ${p.lacks.map((o) => `.${o}`).join(' and ')}` : ''}`;
}
