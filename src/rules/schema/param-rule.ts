import { allParamChanges, type ParamChange } from '../compare.js';
import type { Hit, Rule } from '../types.js';

type Kind = ParamChange['kind'];
type Of<K extends Kind> = Extract<ParamChange, { kind: K }>;

/**
 * A rule over one kind of param change (appended, renamed, ...): the classification is done
 * once by allParamChanges; each rule keeps its kind and says it in words.
 */
export function paramRule<K extends Kind>(
  kind: K,
  meta: Omit<Rule, 'check'>,
  describe: (symbol: string, change: Of<K>) => string | null,
): Rule {
  return {
    ...meta,
    check(base, head) {
      const hits: Hit[] = [];
      for (const { symbol, event, change } of allParamChanges(base, head)) {
        if (change.kind !== kind) continue;
        const c = change as Of<K>;
        const message = describe(symbol, c);
        if (message === null) continue;
        const loc = 'head' in c && c.head ? c.head.loc : event.loc;
        hits.push({ symbol, message, location: loc });
      }
      return hits;
    },
  };
}
