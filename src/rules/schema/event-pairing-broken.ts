import { EVENT_TABLE_HEADER, newEventCodes } from '../compare.js';
import type { Hit, Rule } from '../types.js';

export const eventPairingBroken: Rule = {
  id: 'event-pairing-broken',
  title: 'A new event code breaks the enter/exit pairing',
  governs: 'schema',
  bump: 'none',
  kind: 'invalid',
  rationale:
    'Events come in pairs: PPME_X_E at an even code and PPME_X_X right after it, with one name (libsinsp finds the exit of an enter by code + 1, and both by name); an EC_UNKNOWN entry is named "NA" (the event_table.c header). A new code that breaks this is a table libsinsp misreads, whatever the version says.',
  example: '+ PPME_SYSCALL_WRITE_E = 11,   // enter codes are even: 10\n+ PPME_SYSCALL_WRITE_X = 12,',
  check(base, head) {
    const hits: Hit[] = [];
    for (const [symbol, c] of newEventCodes(base, head)) {
      const enter = /_E$/.test(symbol);
      if (!enter && !/_X$/.test(symbol)) {
        hits.push({
          symbol,
          message: `new ${symbol} ends in neither _E nor _X: every event is half of an enter/exit pair`,
          location: c.loc,
        });
        continue;
      }
      const other = symbol.replace(/_[EX]$/, enter ? '_X' : '_E');
      const o = head.eventCodes[other];
      if (!o)
        hits.push({ symbol, message: `new ${symbol} has no ${other}: add the pair's other half`, location: c.loc });
      else if (enter && c.value !== null && o.value !== null && (c.value % 2 !== 0 || o.value !== c.value + 1)) {
        hits.push({
          symbol,
          message: `new ${symbol} = ${c.value} and ${other} = ${o.value}: the enter code is even and the exit code follows it`,
          location: c.loc,
        });
      }
      const e = head.events[symbol];
      if (e?.category.includes('EC_UNKNOWN') && e.name !== 'NA') {
        hits.push({
          symbol,
          message: `new ${symbol} is EC_UNKNOWN but named '${e.name}': such events are named "NA" (${EVENT_TABLE_HEADER})`,
          location: e.loc,
        });
      }
      const oe = head.events[other];
      const known = (x: typeof e) => x && !x.category.includes('EC_UNKNOWN');
      if (enter && known(e) && known(oe) && e!.name !== oe!.name) {
        hits.push({
          symbol,
          message: `new pair ${symbol} and ${other} are named '${e!.name}' and '${oe!.name}': both halves carry one name`,
          location: e!.loc,
        });
      }
    }
    return hits;
  },
};
