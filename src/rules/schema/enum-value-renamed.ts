import { renamedEventCodes, renamedPairs } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { retiredNumbers, schemaEnums } from './wire-enums.js';
import { record } from '../../record.js';

export const enumValueRenamed: Rule = {
  id: 'enum-value-renamed',
  title: 'A schema enum value or an event code was renamed, keeping its number',
  governs: 'schema',
  bump: 'none',
  kind: 'note',
  rationale:
    'Only the number travels or is compiled into tables; both sides compile their own copy of the header, so a rename at the same value (EF_TMP_CONVERTER_MANAGED → EF_CONVERTER_MANAGED) changes nothing at runtime. Reported so reviewers see it; code that names the old symbol must be updated.',
  example: '- EF_TMP_CONVERTER_MANAGED = (1 << 12),\n+ EF_CONVERTER_MANAGED = (1 << 12),',
  check(base, head) {
    const hits: Hit[] = [];
    const baseEnums = record(schemaEnums(base));
    for (const [name, values] of schemaEnums(head)) {
      const retired = retiredNumbers(base, head, name);
      for (const p of renamedPairs(baseEnums[name] ?? {}, values)) {
        if (!retired.has(p.value))
          hits.push({
            symbol: p.to,
            message: `${name}: ${p.from} renamed to ${p.to} (value ${p.value})`,
            location: values[p.to]!.loc,
          });
      }
    }
    for (const p of renamedEventCodes(base, head)) {
      hits.push({
        symbol: p.to,
        message: `ppm_event_code: ${p.from} renamed to ${p.to} (code ${p.value})`,
        location: head.eventCodes[p.to]!.loc,
      });
    }
    return hits;
  },
};
