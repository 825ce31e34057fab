import { added } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { bpfRenames } from './bpf-renames.js';

export const bpfMapAdded: Rule = {
  id: 'bpf-map-added',
  title: 'A bpf map or a probe global (rodata/data/bss) was added',
  governs: 'api',
  bump: 'minor',
  rationale:
    'Userspace (libpman, libscap for the legacy probe) sets up new maps and globals by name; old userspace ignores them. A compatible feature: API minor. A legacy map appended at the end keeps every index.',
  example:
    '+ struct {\n+   __uint(type, BPF_MAP_TYPE_ARRAY);\n+   __uint(max_entries, 1);\n+   __type(key, uint32_t);\n+   __type(value, struct iter_counters);\n+ } iter_counters_map __weak SEC(".maps");',
  check(base, head) {
    const hits: Hit[] = [];
    // A rename is judged by bpf-map-changed (found by name) or bpf-map-renamed (found by index).
    const renamed = new Set(bpfRenames(base, head).map((r) => `${r.what}\u0000${r.to}`));
    for (const [name, m] of added(base.bpfMaps, head.bpfMaps)) {
      if (renamed.has(`map\u0000${name}`)) continue;
      hits.push({
        symbol: name,
        message: `new ${m.probe} probe map ${name} (${m.type}${m.index !== null ? `, index ${m.index}` : ''})`,
        location: m.loc,
        ...(m.probe === 'modern' ? { scope: 'modern-probe' as const } : {}),
      });
    }
    for (const [name, g] of added(base.bpfGlobals, head.bpfGlobals)) {
      if (renamed.has(`global\u0000${name}`)) continue;
      hits.push({
        symbol: name,
        message: `new ${g.probe} probe global ${name} (${g.section}, ${g.type})`,
        location: g.loc,
        ...(g.probe === 'modern' ? { scope: 'modern-probe' as const } : {}),
      });
    }
    return hits;
  },
};
