import { added, renamedPairs } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { isSentinel, retiredNumbers, schemaEnums } from './wire-enums.js';
import { record } from '../../record.js';

export const enumValueAdded: Rule = {
  id: 'enum-value-added',
  title: 'A new value was added to a schema enum (PT_*, PF_*, EC_*, EF_*, ...)',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'A new param type, category or flag is a compatible feature: existing values keep their meaning. README.VERSION.md: SCHEMA minor "when new features are added but existing features remain compatible".',
  example: '  PT_PID32 = 48,\n+ PT_NEWTYPE = 49,\n- PT_MAX = 49\n+ PT_MAX = 50',
  check(base, head) {
    const hits: Hit[] = [];
    const baseEnums = record(schemaEnums(base));
    for (const [name, values] of schemaEnums(head)) {
      const renamed = new Set(renamedPairs(baseEnums[name] ?? {}, values).map((p) => p.to));
      const retired = retiredNumbers(base, head, name);
      for (const [sym, c] of added(baseEnums[name] ?? {}, values)) {
        // A rename is enum-value-renamed; taking a retired number is enum-value-renumbered.
        if (renamed.has(sym) || retired.has(c.value)) continue;
        if (!isSentinel(sym))
          hits.push({ symbol: sym, message: `${name}: new value ${sym} = ${c.value ?? c.expr}`, location: c.loc });
      }
    }
    return hits;
  },
};
