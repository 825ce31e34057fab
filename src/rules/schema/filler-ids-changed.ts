import type { Hit, Rule } from '../types.js';

export const fillerIdsChanged: Rule = {
  id: 'filler-ids-changed',
  title: 'FILLER_LIST_MAPPER changed (filler ids of the legacy eBPF probe)',
  governs: 'schema',
  bump: 'minor',
  rationale:
    'While the legacy probe exists, a filler id is a tail-call index shared by the probe and libscap. libscap accepts a legacy probe only at the exact SCHEMA minor it was built for (scap_bpf.c check_schema_version_compatibility, "the legacy ebpf SCHEMA_VERSION is not semver compliant"), so a SCHEMA minor bump is what keeps a probe with other filler ids from loading.',
  example: '  FN(sys_mkdir_x) \\\n+ FN(sys_mknod_x) \\\n  FN(terminate_filler)',
  check(base, head) {
    const b = base.codeLists.FILLER_LIST_MAPPER;
    const h = head.codeLists.FILLER_LIST_MAPPER;
    if (!b || !h) return [];
    const hits: Hit[] = [];
    const bNames = b.entries.map((e) => e.name);
    const hNames = h.entries.map((e) => e.name);
    const added = hNames.filter((n) => !bNames.includes(n));
    const gone = bNames.filter((n) => !hNames.includes(n));
    const moved = bNames.filter((n, i) => hNames.includes(n) && hNames.indexOf(n) !== i);
    if (!added.length && !gone.length && !moved.length) return [];
    const parts = [
      added.length
        ? `adds ${added.slice(0, 5).join(', ')}${added.length > 5 ? ` and ${added.length - 5} more` : ''}`
        : '',
      gone.length
        ? `removes ${gone.slice(0, 5).join(', ')}${gone.length > 5 ? ` and ${gone.length - 5} more` : ''}`
        : '',
      moved.length
        ? `moves ${moved.length} existing filler id${moved.length > 1 ? 's' : ''} (e.g. ${moved[0]} ${bNames.indexOf(moved[0]!)} → ${hNames.indexOf(moved[0]!)})`
        : '',
    ].filter(Boolean);
    hits.push({
      symbol: 'FILLER_LIST_MAPPER',
      message: `FILLER_LIST_MAPPER ${parts.join('; ')}`,
      location: h.entries.find((e) => added.includes(e.name))?.loc ?? h.loc,
    });
    return hits;
  },
};
