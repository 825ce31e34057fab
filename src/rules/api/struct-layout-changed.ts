import { common } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { firstChangedField, layoutDifferences, MODERN_PROBE_STRUCTS } from './structs.js';

export const structLayoutChanged: Rule = {
  id: 'struct-layout-changed',
  title: 'A struct shared with userspace changed layout (field inserted, removed, moved, retyped or resized)',
  governs: 'api',
  bump: 'major',
  rationale:
    'Userspace reads these structs by offset (the mmapped ppm_ring_buffer_info, bpf map values, ioctl buffers): any field that moves, shrinks or disappears is read wrong by userspace built against the base. README.VERSION.md: API major "when the driver API becomes incompatible with previous userspace versions".',
  example:
    'struct ppm_ring_buffer_info {\n  volatile uint64_t n_evts;\n- volatile uint64_t n_drops_buffer_clone_fork_enter;\n  volatile uint64_t n_drops_pf;\n};',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, b, h] of common(base.structs, head.structs)) {
      const diffs = layoutDifferences(b, h);
      if (!diffs.length) continue;
      const shown = diffs.slice(0, 6).join('; ') + (diffs.length > 6 ? `; and ${diffs.length - 6} more` : '');
      hits.push({
        symbol: name,
        message: `struct ${name} layout changed (size ${b.size} → ${h.size}): ${shown}`,
        // At the changed field, not the struct's first line.
        location: (() => {
          const f = firstChangedField(b, h);
          return f ? { path: h.loc.path, line: f.line } : h.loc;
        })(),
        ...(MODERN_PROBE_STRUCTS.has(name) ? { scope: 'modern-probe' as const } : {}),
      });
    }
    return hits;
  },
};
