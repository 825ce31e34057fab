import { common } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { MODERN_PROBE_STRUCTS, renamedFields } from './structs.js';

export const structFieldRenamed: Rule = {
  id: 'struct-field-renamed',
  title: 'A field of a struct shared with userspace was renamed at the same offset, size and type',
  governs: 'api',
  bump: 'none',
  kind: 'note',
  rationale:
    "Userspace reads the shared structs by offset (the mmapped ppm_ring_buffer_info, bpf map values, ioctl buffers): a field renamed in place, with the same type and size at the same offset, is read as before by userspace built against the base, so it is neither a removal nor an insertion. Userspace sources that use the old name stop compiling, which the same change fixes; if the field's meaning changed with its name, the code that fills it says so (the code rules). Reported as a note.",
  example: ' struct capture_settings {\n-\tint32_t scap_pid;\n+\tint32_t scap_tid;\n };',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, b, h] of common(base.structs, head.structs)) {
      for (const r of renamedFields(b, h)) {
        hits.push({
          symbol: `${name}.${r.to.name}`,
          message: `struct ${name}: field ${r.from.name} is now ${r.to.name} (${r.to.type} at offset ${r.to.offset}, size ${r.to.size}, unchanged)`,
          location: { path: h.loc.path, line: r.to.line },
          ...(MODERN_PROBE_STRUCTS.has(name) ? { scope: 'modern-probe' as const } : {}),
        });
      }
    }
    return hits;
  },
};
