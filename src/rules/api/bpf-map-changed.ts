import { common, removed } from '../compare.js';
import type { Hit, Rule } from '../types.js';
import type { BpfMap, Loc } from '../../surface/model.js';
import { bpfRenames, foundByName } from './bpf-renames.js';

const FIELDS: Array<[keyof BpfMap, string]> = [
  ['type', 'type'],
  ['keySize', 'key size'],
  ['valueSize', 'value size'],
  ['maxEntriesExpr', 'max_entries'],
  ['index', 'index (declaration order)'],
];

function isSharedStruct(type: string | null, structs: Record<string, unknown>): boolean {
  const m = type ? /^struct\s+(\w+)$/.exec(type) : null;
  return Boolean(m && structs[m[1]!]);
}

export const bpfMapChanged: Rule = {
  id: 'bpf-map-changed',
  title: 'A bpf map or probe global was removed, renamed, retyped, resized, or (legacy) reordered',
  governs: 'api',
  bump: 'major',
  rationale:
    'Userspace finds modern-probe maps and globals by skeleton field name and writes values with its own struct sizes; the legacy loader indexes maps by declaration order (enum scap_map_types: "This enum must follow the order in which BPF maps are defined"). Any such change breaks userspace built against the base. max_entries is compared as written: a map sized by a count that grows (PPM_EVENT_MAX, SYS_EXIT_EXTRA_CODE_MAX) follows the change that grew it.',
  example:
    '  struct bpf_map_def __bpf_section("maps") tail_map = {...};\n- struct bpf_map_def __bpf_section("maps") syscall_table = {...};\n+ struct bpf_map_def __bpf_section("maps") event_info_table = {...};',
  check(base, head) {
    const hits: Hit[] = [];
    const scope = (probe: string) => (probe === 'modern' ? { scope: 'modern-probe' as const } : {});
    const renames = new Map(bpfRenames(base, head).map((r) => [`${r.what}\u0000${r.from}`, r]));
    const gone = (what: 'map' | 'global', name: string, probe: string, loc: Loc) => {
      const r = renames.get(`${what}\u0000${name}`);
      // A legacy map renamed in place keeps its index, which is how libscap finds it: bpf-map-renamed.
      if (r && !foundByName(r)) return;
      const message = r
        ? `${probe} probe ${what} ${name} was renamed ${r.to}: libpman finds ${what}s by their name (the skeleton's fields), so userspace built against the base no longer finds it`
        : `${probe} probe ${what} ${name} was removed`;
      hits.push({ symbol: name, message, location: r ? r.head.loc : loc, ...scope(probe) });
    };
    for (const [name, m] of removed(base.bpfMaps, head.bpfMaps)) gone('map', name, m.probe, m.loc);
    for (const [name, b, h] of common(base.bpfMaps, head.bpfMaps)) {
      // A value struct that is itself shared is judged by the struct rules (an appended field is minor).
      const judgedAsStruct = (k: keyof BpfMap) =>
        (k === 'valueSize' && b.valueType === h.valueType && isSharedStruct(h.valueType, head.structs)) ||
        (k === 'keySize' && b.keyType === h.keyType && isSharedStruct(h.keyType, head.structs));
      const diffs = FIELDS.filter(([k]) => b[k] !== null && h[k] !== null && b[k] !== h[k] && !judgedAsStruct(k)).map(
        ([k, label]) => `${label} ${b[k]} → ${h[k]}`,
      );
      if (diffs.length)
        hits.push({
          symbol: name,
          message: `${h.probe} probe map ${name}: ${diffs.join(', ')}`,
          location: h.loc,
          ...scope(h.probe),
        });
    }
    for (const [name, g] of removed(base.bpfGlobals, head.bpfGlobals)) gone('global', name, g.probe, g.loc);
    for (const [name, b, h] of common(base.bpfGlobals, head.bpfGlobals)) {
      if (b.type !== h.type || b.section !== h.section)
        hits.push({
          symbol: name,
          message: `${h.probe} probe global ${name}: ${b.section} ${b.type} → ${h.section} ${h.type}`,
          location: h.loc,
          ...scope(h.probe),
        });
    }
    return hits;
  },
};
