import type { Rule } from '../types.js';
import { breakingChanges, describeBreaking } from './shared-constants.js';

export const sharedConstantChanged: Rule = {
  id: 'shared-constant-changed',
  title: 'A constant userspace uses from the shared headers changed value or was removed',
  governs: 'api',
  bump: 'major',
  rationale:
    "libscap and libpman compile the driver's shared headers (ppm_events_public.h, ppm_ringbuffer.h, capture_macro.h, the modern probe's struct_definitions.h, the legacy probe's types.h) and size or set up what they exchange with the driver from their constants: SYSCALL_TABLE_SIZE sizes the syscall tables and masks, SNAPLEN_MAX bounds the snaplen the legacy engine sets, MAX_ITER_EVENT_SIZE the buffer libpman reads iterator events into. Userspace built against the base keeps the old value: README.VERSION.md API major, \"the driver API becomes incompatible with previous userspace versions\". Which constants userspace uses was found by searching libscap and libpman (USERSPACE_CONSTANTS in surface/shared-constants.ts, each with where); a constant renamed at its value is shared-constant-renamed.",
  example: '- #define SYSCALL_TABLE_SIZE 512\n+ #define SYSCALL_TABLE_SIZE 1024',
  check(base, head) {
    return breakingChanges(base, head, 'api').map((c) => ({
      symbol: c.name,
      message: describeBreaking(c),
      location: (c.head ?? c.base)!.loc,
    }));
  },
};
