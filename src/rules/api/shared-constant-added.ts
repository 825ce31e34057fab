import type { Rule } from '../types.js';
import { sharedWithUserspace } from '../../surface/shared-constants.js';
import { constantChanges } from './shared-constants.js';

export const sharedConstantAdded: Rule = {
  id: 'shared-constant-added',
  title: 'A constant userspace uses was added to the shared headers',
  governs: 'api',
  bump: 'minor',
  rationale:
    "A constant the shared headers gain (ppm_events_public.h, ppm_ringbuffer.h, capture_macro.h, the probes' shared definitions: the headers libscap and libpman compile) is part of what the two sides can now agree on, as MAX_ITER_EVENT_SIZE was for BPF iterators (30a8910c1); userspace built against the base simply does not use it. README.VERSION.md API minor, \"new features are added but existing features remain compatible\". Counted when userspace uses the constant (USERSPACE_CONSTANTS in surface/shared-constants.ts, found by searching libscap and libpman) or the header exists only to be shared (ppm_ringbuffer.h, the modern probe's shared_definitions); the other shared headers also hold driver-internal values (capture_macro.h's snaplen heuristics, compat defines) that userspace never reads. Flag values that travel in payloads are flag-value-added.",
  example: '+ #define MAX_ITER_EVENT_SIZE 64 * 1024',
  check(base, head) {
    return constantChanges(base, head)
      .filter((c) => c.kind === 'added' && sharedWithUserspace(c.name, c.head!))
      .map((c) => ({
        symbol: c.name,
        message: `new shared constant ${c.name} = ${c.head!.expr} (${c.head!.value}) in ${c.head!.loc.path}`,
        location: c.head!.loc,
      }));
  },
};
