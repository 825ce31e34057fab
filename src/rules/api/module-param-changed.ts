import { common, removed } from '../compare.js';
import type { Hit, Rule } from '../types.js';

export const moduleParamChanged: Rule = {
  id: 'module-param-changed',
  title: 'A kernel module parameter was removed, renamed, retyped or made read-only',
  governs: 'api',
  bump: 'major',
  rationale:
    'libscap writes g_buffer_bytes_dim and reads max_consumers through /sys/module/<name>/parameters/ (scap_kmod.c): a missing, retyped or no longer writable parameter breaks userspace built against the base.',
  example: '- module_param(max_consumers, uint, 0444);',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, p] of removed(base.moduleParams, head.moduleParams)) hits.push({ symbol: name, message: `module parameter ${name} was removed`, location: p.loc });
    for (const [name, b, h] of common(base.moduleParams, head.moduleParams)) {
      if (b.type !== h.type || b.perm !== h.perm) hits.push({ symbol: name, message: `module parameter ${name}: ${b.type} ${b.perm} → ${h.type} ${h.perm}`, location: h.loc });
    }
    return hits;
  },
};
