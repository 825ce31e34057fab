import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/report/sarif.js';
import { finding, missingReport, report } from '../action/reports.js';

const SCHEMA = JSON.parse(
  readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'sarif-schema-2.1.0.json'),
    'utf8',
  ),
);
// CommonJS packages: under NodeNext their default export is the module object.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
// strict: false, as the OASIS schema uses keywords ajv's strict mode rejects (e.g. "id" with draft-04 siblings).
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);

function sarif(r: Parameters<typeof renderSarif>[0]) {
  const doc = JSON.parse(renderSarif(r));
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
  return doc.runs[0] as {
    results: Array<{ ruleId: string; level: string; locations?: unknown; partialFingerprints: Record<string, string> }>;
  };
}

describe('SARIF 2.1.0', () => {
  it('the validator rejects what the schema forbids (a run without its tool)', () => {
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });

  it('is valid against the OASIS schema, with one error per failing version file on its line 1', () => {
    const run = sarif(missingReport());
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['version-bump', 'error'],
      ['event-param-appended', 'error'],
    ]);
    expect(run.results[0]!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'driver/SCHEMA_VERSION' }, region: { startLine: 1 } } },
    ]);
  });

  it('a finding whose bump is there is a note; an invalid table is an error', () => {
    const ok = report({
      schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' },
      findings: [finding()],
    });
    expect(sarif(ok).results.map((r) => [r.ruleId, r.level])).toEqual([['event-param-appended', 'note']]);
    // Too large: the finding's minor is covered; the version file is the error.
    const large = report({
      schema: { declared: 'major', required: 'minor', head: '3.0.0', suggested: '2.5.0', status: 'too-large' },
      findings: [finding()],
      verdict: 'fail',
    });
    expect(sarif(large).results.map((r) => [r.ruleId, r.level])).toEqual([
      ['version-bump', 'error'],
      ['event-param-appended', 'note'],
    ]);
    const invalid = report({
      schema: { status: 'invalid', statuses: ['invalid'] },
      findings: [finding({ kind: 'invalid', bump: 'none', rule: 'event-nparams-mismatch' })],
      verdict: 'fail',
    });
    expect(sarif(invalid).results.map((r) => r.level)).toEqual(['error', 'error']);
  });

  it('fingerprints do not depend on the line, so code scanning keeps one alert across pushes', () => {
    const a = sarif(missingReport()).results;
    const moved = sarif(
      missingReport({ findings: [finding({ location: { path: 'driver/event_table.c', line: 99 } })] }),
    ).results;
    expect(moved.map((r) => r.partialFingerprints)).toEqual(a.map((r) => r.partialFingerprints));
    const other = sarif(
      missingReport({ findings: [finding({ symbol: 'PPME_OTHER_X', message: 'PPME_OTHER_X gains param 2' })] }),
    ).results;
    expect(other[1]!.partialFingerprints).not.toEqual(a[1]!.partialFingerprints);
  });
});
