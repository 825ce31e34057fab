import { createHash } from 'node:crypto';
import { RULES } from '../rules/catalogue.js';
import type { Finding } from '../rules/types.js';
import type { CheckReport, Status, VersionVerdict } from '../verdict/types.js';
import { bumpAtLeast } from '../verdict/verdict.js';
import { GOVERNS_ORDER, isFailingStatus, VERSION_LABEL } from '../vocabulary.js';
import { describeFix } from './fixes.js';

/**
 * SARIF 2.1.0 for code-scanning uploads. The failure the check exists for comes first: one
 * result per failing version file, on its line 1, level error. Each finding is a result at its
 * file and line: an error only when its bump is missing or wrong (or the table is invalid),
 * otherwise a note (the bump is there; code scanning should not raise an alert for it).
 * `partialFingerprints` name a result by what it is about, not by its line, so code scanning
 * keeps one alert across pushes.
 */

/** The rule id of a version-file result (not a catalogue rule: the verdict on the file itself). */
export const VERSION_RULE = 'version-bump';

const FINGERPRINT = 'driverSemver/v1';
const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);

/** Statuses under which a change's bump is not there (or not right) even if the declared size covers it. */
const BUMP_WRONG: Status[] = ['missing', 'not-one-step', 'decreased'];

/** Whether a finding's own bump is missing or wrong in the version file it governs. */
export function bumpMissingOrWrong(f: Finding, v: VersionVerdict): boolean {
  if (f.kind === 'invalid') return true;
  if (f.kind !== 'change') return false;
  if (v.statuses.some((s) => BUMP_WRONG.includes(s))) return true;
  return v.statuses.includes('too-small') && !bumpAtLeast(v.declared, f.bump);
}

function location(uri: string, line: number) {
  return [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: Math.max(1, line) } } }];
}

export function renderSarif(report: CheckReport): string {
  const versionResults = GOVERNS_ORDER.map((g) => report.versions[g])
    .filter((v) => v.statuses.some(isFailingStatus))
    .map((v) => ({
      ruleId: VERSION_RULE,
      level: 'error',
      message: {
        text: `${v.file}: ${v.statuses.join(', ')}. ${[...v.reasons, ...v.fixes.map((f) => `Fix: ${describeFix(f)}.`)].join(' ')}`.trim(),
      },
      locations: location(v.file, 1),
      partialFingerprints: { [FINGERPRINT]: hash(VERSION_RULE, v.file) },
    }));
  const findingResults = report.findings.map((f) => ({
    ruleId: f.rule,
    level: bumpMissingOrWrong(f, report.versions[f.governs]) ? 'error' : 'note',
    message: { text: `${f.message} (${VERSION_LABEL[f.governs]} ${f.bump === 'none' ? 'no bump' : f.bump})` },
    ...(f.location ? { locations: location(f.location.path, f.location.line) } : {}),
    partialFingerprints: { [FINGERPRINT]: hash(f.rule, f.symbol, f.message) },
  }));
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'driver-semver',
            version: __DRIVER_SEMVER_VERSION__,
            informationUri: 'https://github.com/falcosecurity/driver-semver',
            rules: [
              {
                id: VERSION_RULE,
                shortDescription: { text: 'A version file does not hold the bump the changes require' },
                fullDescription: {
                  text: "driver/API_VERSION and driver/SCHEMA_VERSION must be bumped by exactly what the changes to the driver surface require (driver/README.VERSION.md), one step, with libscap's SCAP_MINIMUM_DRIVER_*_VERSION consistent.",
                },
              },
              ...RULES.map((r) => ({
                id: r.id,
                shortDescription: { text: r.title },
                fullDescription: { text: r.rationale },
                properties: { governs: r.governs, bump: r.bump },
              })),
            ],
          },
        },
        results: [...versionResults, ...findingResults],
        properties: { verdict: report.verdict, versions: report.versions },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
