import type { Hit, Rule } from '../types.js';
import {
  apiInterfaceChanges,
  changeLocation,
  codeChanges,
  describeChange,
  isPlumbingChange,
} from '../schema/code-changes.js';

/** The first few API changes, quoted in notes. */
function summary(hits: Hit[]): string {
  const first = hits[0]!.message;
  return hits.length > 1 ? `${first}; and ${hits.length - 1} more` : first;
}

export const codeFollowsApiChange: Rule = {
  id: 'code-follows-api-change',
  title: 'Plumbing code changed along with the API interface it serves',
  governs: 'api',
  bump: 'none',
  kind: 'note',
  rationale:
    "Plumbing moves events across the boundary through the API's interface (maps and globals, settings, the ring buffer and its header, tail-call tables, ioctls). When that interface changes in the same change, the code that follows it (a new map needs its getter, moved settings need their lookups) is part of the API change, which the interface rules already require a bump for: the code needs nothing of its own (README.VERSION.md: one bump per change). A plumbing change with no interface change is dispatch-code-changed (a SCHEMA patch) or transport-code-changed (a note).",
  example:
    '- return g_settings.snaplen;\n+ struct capture_settings *s = maps__get_capture_settings();\n+ return s ? s->snaplen : 0;',
  check(base, head) {
    const mine = codeChanges(base, head).filter(isPlumbingChange);
    const api = mine.length ? apiInterfaceChanges(base, head) : [];
    if (!api.length) return [];
    return mine.map((c) => ({
      symbol: c.pair.name,
      message: `${describeChange(c)} with the API change it serves (${summary(api)}): part of that change`,
      location: changeLocation(c),
    }));
  },
};
