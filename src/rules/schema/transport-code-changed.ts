import type { Rule } from '../types.js';
import { apiInterfaceChanges, changeLocation, codeChanges, describeChange, isPlumbingChange } from './code-changes.js';

export const transportCodeChanged: Rule = {
  id: 'transport-code-changed',
  title: 'Transport code changed (ring-buffer reservation and submission, the event header)',
  governs: 'schema',
  bump: 'none',
  kind: 'note',
  rationale:
    'Transport is the plumbing that carries events to userspace without deciding which are sent or computing their params: ring-buffer reservation and submission and the writing of the event header. Roles come from the call graph at each revision: a function that writes struct ppm_evt_hdr or reserves or submits ring-buffer space, and what only such code calls, is transport, unless it writes params or calls code that does (filler code). What transport exchanges with userspace is the API\'s interface (the header layout, the ring-buffer and map structs), which the API rules compare; README.VERSION.md\'s SCHEMA patch is for "bug fixes in filler code". So a transport change on its own (libs d64d9ef59 rebuilt the header in a local to save verifier instructions, writing the same fields from the same values) is reported as this note, unless it writes the header differently (filler-code-changed: the header is part of every event); with an API change it is part of that change (code-follows-api-change).',
  example:
    '- hdr->ts = maps__get_boot_time() + bpf_ktime_get_boot_ns();\n+ struct ppm_evt_hdr h = {0};\n+ h.ts = maps__get_boot_time() + bpf_ktime_get_boot_ns();\n+ __builtin_memcpy(&auxmap->data[0], &h, sizeof(h));',
  check(base, head) {
    const mine = codeChanges(base, head).filter((c) => isPlumbingChange(c) && c.role === 'transport');
    if (!mine.length || apiInterfaceChanges(base, head).length) return [];
    return mine.map((c) => ({
      symbol: c.pair.name,
      message: `${describeChange(c)}; it carries events without deciding which are sent or computing their params, through the interface the API rules compare`,
      location: changeLocation(c),
    }));
  },
};
