import type { Rule } from '../types.js';
import {
  changedCounterStructs,
  changedCounters,
  changeLocation,
  codeChanges,
  describeChange,
  isStatisticsChange,
} from '../schema/code-changes.js';

export const statsCodeChanged: Rule = {
  id: 'stats-code-changed',
  title: 'Statistics code changed: judged by the counter structs, not as event code',
  governs: 'api',
  bump: 'none',
  kind: 'note',
  rationale:
    "The drivers' statistics are counters in structs userspace reads across the boundary (ppm_ring_buffer_info, counter_map, iter_counters, scap_bpf_per_cpu_state: the n_* fields of the shared structs), not params of events: README.VERSION.md's SCHEMA patch is for \"bug fixes in filler code\". They follow the counters' struct rules (struct-layout-changed, struct-field-appended, struct-removed), which are API and judge a counter added, removed or moved. A code change that only updates counters differently (a function that does nothing but count, or a change confined to counter updates: libs 04a0aa898, 7b46dcb8d) needs nothing of its own and is reported as this note.",
  example: '  counter->n_drops_buffer++;\n+ counter->n_evts++;',
  check(base, head) {
    const structs = changedCounterStructs(base, head);
    const why = structs.length
      ? `with the counter structs (${structs.join(', ')}), which the struct rules judge`
      : 'the counter structs are unchanged';
    return codeChanges(base, head)
      .filter(isStatisticsChange)
      .map((c) => ({
        symbol: c.pair.name,
        message: `${describeChange(c)}, only in the counters it updates (${changedCounters(c).join(', ') || 'statistics code'}); ${why}`,
        location: changeLocation(c),
      }));
  },
};
