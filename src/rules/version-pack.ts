import type { Governs, Hit, Rule } from './types.js';
import type { Surface } from '../surface/model.js';
import { VERSION_LABEL } from '../vocabulary.js';

/**
 * driver/ppm_api_version.h packs a version into one uint64_t: major in bits 44-62 (19 bits),
 * minor in bits 24-43 (20 bits), patch in bits 0-23 (24 bits). PPM_VERSION_PACK masks each
 * component, so a larger one silently becomes another version.
 */
export const VERSION_BITS = { major: 19, minor: 20, patch: 24 } as const;

/** The components of the head's version file that PPM_API_VERSION cannot pack. */
export function unpackable(head: Surface, governs: Governs): Hit[] {
  const v = head.versions[governs];
  if (!v?.version) return [];
  const [major, minor, patch] = v.version.split('.').map(Number) as [number, number, number];
  const parts = (
    [
      ['major', major],
      ['minor', minor],
      ['patch', patch],
    ] as const
  ).filter(([k, n]) => n >= 2 ** VERSION_BITS[k]);
  if (!parts.length) return [];
  const what = parts
    .map(([k, n]) => `${k} ${n} needs more than ${VERSION_BITS[k]} bits (at most ${2 ** VERSION_BITS[k] - 1})`)
    .join('; ');
  return [
    {
      symbol: v.path,
      message: `${v.path} is ${v.version}: PPM_API_VERSION cannot pack it (${what}; driver/ppm_api_version.h)`,
      location: { path: v.path, line: 1 },
    },
  ];
}

/** The rule for one version file (api-version-unpackable, schema-version-unpackable). */
export function versionUnpackableRule(governs: Governs): Rule {
  const file = VERSION_LABEL[governs];
  return {
    id: `${governs}-version-unpackable`,
    title: `${file} has a component PPM_API_VERSION cannot pack`,
    governs,
    bump: 'none',
    kind: 'invalid',
    rationale: `driver/ppm_api_version.h packs the version into one uint64_t (major ${VERSION_BITS.major} bits, minor ${VERSION_BITS.minor}, patch ${VERSION_BITS.patch}) and masks each component: a larger one becomes another version, and libscap's check compares the wrong numbers.`,
    example: '- 2.4.0\n+ 2.1048576.0   // minor has 20 bits: at most 1048575',
    check: (_base, head) => unpackable(head, governs),
  };
}
