import { common, removed } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import { apiLists, MODERN_PROBE_LISTS } from './code-list-appended.js';

export const codeListChanged: Rule = {
  id: 'code-list-changed',
  title: 'An ordered code list lost an entry or changed order',
  governs: 'api',
  bump: 'major',
  rationale:
    'Positions in KMOD_PROGS (the ENABLE_TP/DISABLE_TP argument) and sys_exit_extra_code (the extra tail-call slots libpman fills) are numbers userspace and the driver exchange; removing or reordering an entry gives an existing number another meaning.',
  example: '- X(KMOD_PROG_SYS_ENTER, "sys_enter") \\\n  X(KMOD_PROG_SYS_EXIT, "sys_exit") \\',
  check(base, head) {
    const hits: Hit[] = [];
    const scope = (name: string) => (MODERN_PROBE_LISTS.has(name) ? { scope: 'modern-probe' as const } : {});
    for (const [name, l] of removed(apiLists(base), apiLists(head)))
      hits.push({ symbol: name, message: `${name} is gone`, location: l.loc, ...scope(name) });
    for (const [name, b, h] of common(apiLists(base), apiLists(head))) {
      const moved = b.entries
        .map((e, i) => ({ name: e.name, from: i, to: h.entries.findIndex((x) => x.name === e.name) }))
        .filter((x) => x.from !== x.to);
      if (!moved.length) continue;
      const words = moved
        .slice(0, 6)
        .map((x) => (x.to < 0 ? `${x.name} (index ${x.from}) removed` : `${x.name} index ${x.from} → ${x.to}`));
      hits.push({
        symbol: name,
        message: `${name}: ${words.join(', ')}${moved.length > 6 ? `, and ${moved.length - 6} more` : ''}`,
        location: h.loc,
        ...scope(name),
      });
    }
    return hits;
  },
};
