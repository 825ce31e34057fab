import { common } from '../compare.js';
import type { Surface } from '../../surface/model.js';
import type { Hit, Rule } from '../types.js';
import { record } from '../../record.js';

/** sys_exit_extra_code indexes the modern probe's extra tail-call table (libpman fills it). */
export const MODERN_PROBE_LISTS = new Set(['sys_exit_extra_code']);

/** The lists that are API (FILLER_LIST_MAPPER is schema-governed, see filler-ids-changed). */
export function apiLists(s: Surface): Surface['codeLists'] {
  return record(Object.entries(s.codeLists).filter(([, l]) => l.governs === 'api'));
}

export const codeListAppended: Rule = {
  id: 'code-list-appended',
  title: 'An entry was appended to an ordered code list (KMOD_PROGS, sys_exit_extra_code)',
  governs: 'api',
  bump: 'minor',
  rationale:
    'These lists are indexes userspace passes to the driver (the ENABLE_TP argument, the extra tail-call slots). Appending keeps every existing index: a compatible feature, API minor.',
  example:
    '  X(KMOD_PROG_SCHED_PROC_FORK, "sched_process_fork") \\\n+ X(KMOD_PROG_SCHED_PROC_EXEC, "sched_process_exec")',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [name, b, h] of common(apiLists(base), apiLists(head))) {
      const prefixKept = b.entries.every((e, i) => h.entries[i]?.name === e.name);
      if (!prefixKept || h.entries.length <= b.entries.length) continue;
      const added = h.entries.slice(b.entries.length);
      hits.push({
        symbol: name,
        message: `${name} gains ${added.map((e, i) => `${e.name} (index ${b.entries.length + i})`).join(', ')}`,
        location: added[0]!.loc,
        ...(MODERN_PROBE_LISTS.has(name) ? { scope: 'modern-probe' as const } : {}),
      });
    }
    return hits;
  },
};
