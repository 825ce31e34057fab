import { REPO_CONFIG_PATH } from '../config/config.js';
import { RULES } from '../rules/catalogue.js';
import type { Rule } from '../rules/types.js';
import { VERSION_FILES } from '../vocabulary.js';

/**
 * docs/rules.md, generated from the catalogue (`npm run docs:rules`; a test fails when the
 * committed file is stale): per rule its id, what it governs, the bump, why, an example, and
 * how to configure it.
 */
export function renderRulesDoc(rules: Rule[] = RULES): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from src/rules by `npm run docs:rules`: do not edit by hand. -->',
    '',
    `driver-semver maps every difference of the driver surface to a rule. Each rule governs one version file and requires one bump; \`invalid\` rules find a head that is wrong whatever the version says. \`driver-semver explain RULE\` prints the same text.`,
    '',
    `Configure a rule in \`${REPO_CONFIG_PATH}\` (read from the base revision in a pull-request check, from the work tree locally; \`--config FILE\` overrides): \`"rules": { "RULE": "none" | "patch" | "minor" | "major" | "off" }\` changes its bump for every finding; \`"ignore": [{ "rule": "RULE", "symbol": "SYMBOL", "reason": "why", "expires": "YYYY-MM-DD" }]\` accepts one finding (the symbol is the one the report names).`,
    '',
    '| Rule | Governs | Requires |',
    '| --- | --- | --- |',
    ...rules.map((r) => `| [\`${r.id}\`](#${r.id}) | \`${VERSION_FILES[r.governs]}\` | ${requires(r)} |`),
    '',
  ];
  for (const r of rules) {
    lines.push(
      `## ${r.id}`,
      '',
      r.title,
      '',
      `- Governs: \`${VERSION_FILES[r.governs]}\``,
      `- Requires: ${requires(r)}`,
      `- Configure: \`{"rules": {"${r.id}": "${r.kind === 'invalid' ? 'off' : 'patch'}"}}\`, or \`{"ignore": [{"rule": "${r.id}", "symbol": "…", "reason": "…"}]}\``,
      '',
      r.rationale,
      '',
      '```c',
      r.example,
      '```',
      '',
    );
  }
  return lines.join('\n');
}

function requires(r: Rule): string {
  return r.kind === 'invalid'
    ? 'a fix (invalid whatever the version)'
    : r.kind === 'note'
      ? 'nothing (a note)'
      : `${r.bump} bump`;
}
