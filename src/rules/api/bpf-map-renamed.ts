import type { Rule } from '../types.js';
import { bpfRenames, foundByName } from './bpf-renames.js';

export const bpfMapRenamed: Rule = {
  id: 'bpf-map-renamed',
  title: 'A legacy-probe bpf map was renamed in place (same definition, same declaration order)',
  governs: 'api',
  bump: 'none',
  kind: 'note',
  rationale:
    "libscap's legacy eBPF loader finds the probe's maps by declaration order, not by name (driver/bpf/types.h, enum scap_map_types: \"This enum must follow the order in which BPF maps are defined\"), so a map renamed with the same type, sizes and index is found and used as before. The modern probe's maps and globals are another matter: libpman finds them by name through the skeleton, so renaming one is bpf-map-changed.",
  example:
    '- struct bpf_map_def __bpf_section("maps") syscall_code_routing_table = {...};\n+ struct bpf_map_def __bpf_section("maps") syscall_table = {...};',
  check(base, head) {
    return bpfRenames(base, head)
      .filter((r) => !foundByName(r))
      .map((r) => ({
        symbol: r.to,
        message: `${r.probe} probe ${r.what} ${r.from} is now ${r.to}, at the same index with the same definition: libscap finds legacy maps by declaration order`,
        location: r.head.loc,
      }));
  },
};
