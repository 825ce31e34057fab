import { common } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { appendedFields, MODERN_PROBE_STRUCTS, showField } from './structs.js';

export const structFieldAppended: Rule = {
  id: 'struct-field-appended',
  title: 'A field was appended at the end of a struct shared with userspace',
  governs: 'api',
  bump: 'minor',
  rationale:
    'Every existing field keeps its offset, so userspace built against the base still reads what it knows; the struct grows, which the mmapped ring-buffer info page and the bpf maps absorb. README.VERSION.md: API minor "when new features are added but existing features remain compatible".',
  example:
    'struct counter_map {\n  uint64_t n_evts;\n  uint64_t n_drops_buffer;\n+ uint64_t n_drops_max_event_size;\n};',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, b, h] of common(base.structs, head.structs)) {
      const added = appendedFields(b, h);
      if (!added) continue;
      hits.push({
        symbol: name,
        message: `struct ${name} gains ${added.map(showField).join(', ')} at the end (size ${b.size} → ${h.size})`,
        location: { path: h.loc.path, line: added[0]!.line },
        ...(MODERN_PROBE_STRUCTS.has(name) ? { scope: 'modern-probe' as const } : {}),
      });
    }
    return hits;
  },
};
