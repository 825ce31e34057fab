import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../src/report/rules-doc.js';
import { RULES } from '../../src/rules/catalogue.js';

const DOC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules.md');

describe('docs/rules.md', () => {
  it('is what `npm run docs:rules` generates from the catalogue (run it after changing a rule)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(renderRulesDoc());
  });

  it('has a section per rule with its bump, rationale and example', () => {
    const doc = renderRulesDoc();
    for (const r of RULES) {
      expect(doc).toContain(`## ${r.id}\n`);
      expect(doc).toContain(r.rationale);
    }
    expect(doc).toContain('| [`event-param-appended`](#event-param-appended) | `driver/SCHEMA_VERSION` | minor bump |');
  });
});
