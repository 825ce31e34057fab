import { RULES } from '../rules/catalogue.js';
import type { Finding } from '../rules/types.js';
import type { CheckReport } from '../verdict/types.js';

/**
 * SARIF 2.1.0 for code-scanning uploads: one result per finding, at its file and line. A
 * finding is an error when the version file it governs fails the check, a warning when its
 * version is only unexplained or the finding needs a bump that was made, a note for notes.
 */
export function renderSarif(report: CheckReport): string {
  const failing = (f: Finding) => !['ok', 'unexplained'].includes(report.versions[f.governs].status);
  const level = (f: Finding) => (f.kind === 'note' ? 'note' : f.kind === 'invalid' || failing(f) ? 'error' : 'warning');
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'driver-semver',
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.rationale },
              properties: { governs: r.governs, bump: r.bump },
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          level: level(f),
          message: { text: `${f.message} (${f.governs === 'api' ? 'API' : 'SCHEMA'}_VERSION ${f.bump === 'none' ? 'no bump' : f.bump})` },
          ...(f.location
            ? { locations: [{ physicalLocation: { artifactLocation: { uri: f.location.path }, region: { startLine: Math.max(1, f.location.line) } } }] }
            : {}),
        })),
        properties: { verdict: report.verdict, versions: report.versions },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
