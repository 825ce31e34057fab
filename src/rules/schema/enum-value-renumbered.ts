import { added, renumbered } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { isSentinel, retiredNumbers, schemaEnums } from './wire-enums.js';
import { record } from '../../record.js';

export const enumValueRenumbered: Rule = {
  id: 'enum-value-renumbered',
  title: 'An existing value of a schema enum changed its number (or a removed number was reused)',
  governs: 'schema',
  bump: 'major',
  rationale:
    'Enum values are compiled into both sides (param types, categories, flag bits, values carried in payloads): a renumbered value means something else to userspace built against the base.',
  example: '- EF_LARGE_PAYLOAD = (1 << 11),\n+ EF_LARGE_PAYLOAD = (1 << 10),',
  check(base, head) {
    const hits: Hit[] = [];
    const baseEnums = record(schemaEnums(base));
    for (const [name, values] of schemaEnums(head)) {
      for (const [sym, b, h] of renumbered(baseEnums[name] ?? {}, values)) {
        if (!isSentinel(sym))
          hits.push({ symbol: sym, message: `${name}: ${sym} changed from ${b.value} to ${h.value}`, location: h.loc });
      }
      // A new enumerator that takes a retired number (kept as a comment) gives it a new meaning.
      const retired = retiredNumbers(base, head, name);
      for (const [sym, c] of added(baseEnums[name] ?? {}, values)) {
        const old = c.value !== null ? retired.get(c.value) : undefined;
        if (old && old !== sym && !isSentinel(sym))
          hits.push({
            symbol: sym,
            message: `${name}: new ${sym} reuses ${c.value}, the number of retired ${old}`,
            location: c.loc,
          });
      }
    }
    return hits;
  },
};
