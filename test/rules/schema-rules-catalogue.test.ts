/** The catalogue itself: well-formed entries, and a rule-test table for every entry. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findRule, RULES, runRules } from '../../src/rules/catalogue.js';
import { eventFlagCases } from './cases/event-flags.js';
import { eventCases } from './cases/events.js';
import { paramCases } from './cases/params.js';
import { tableCases } from './cases/tables.js';
import { apiCases } from './cases/api.js';
import { invariantCases } from './cases/invariants.js';
import { codeCases } from './cases/code.js';
import { productionCases } from './cases/production.js';
import { constantCases } from './cases/constants.js';
import { demoFiles, surface } from './tester.js';

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

describe('rule catalogue', () => {
  it('has entries', () => {
    expect(RULES.length).toBeGreaterThan(0);
  });

  it('ids are unique', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('has a kebab-case id that findRule resolves', () => {
      expect(id).toMatch(KEBAB);
      expect(findRule(id)).toBe(rule);
    });
    it('has a one-line title, a rationale and an example', () => {
      expect(rule.title.trim()).not.toBe('');
      expect(rule.title).not.toMatch(/\n/);
      expect(rule.rationale.trim()).not.toBe('');
      expect(rule.example.trim()).not.toBe('');
    });
  });

  it('findRule returns undefined for an unknown id', () => {
    expect(findRule('no-such-rule')).toBeUndefined();
  });

  it('every rule has a table of valid and invalid cases, exactly once', () => {
    const tables = [
      ...eventCases,
      ...paramCases,
      ...eventFlagCases,
      ...tableCases,
      ...apiCases,
      ...invariantCases,
      ...codeCases,
      ...productionCases,
      ...constantCases,
    ];
    const tested = tables.map((t) => t.rule);
    expect(
      tested.filter((id, i) => tested.indexOf(id) !== i),
      'rules with two tables',
    ).toEqual([]);
    // The code rules compare token hashes of function bodies; their before/after cases live in
    // code-rules.test.ts, which must name each of them.
    const elsewhere = readFileSync(fileURLToPath(new URL('./code-rules.test.ts', import.meta.url)), 'utf8');
    const codeRules = ['filler-code-changed', 'filler-code-kernel-compat'];
    for (const id of codeRules) expect(elsewhere).toContain(`'${id}'`);
    expect([...tested, ...codeRules].sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const t of tables) {
      expect(t.valid.length, `${t.rule} valid cases`).toBeGreaterThan(0);
      expect(t.invalid.length, `${t.rule} invalid cases`).toBeGreaterThan(0);
    }
  });

  it('the same surface on both sides gives no findings', async () => {
    const s = await surface(demoFiles());
    expect(s.warnings).toEqual([]);
    expect(runRules(s, s)).toEqual([]);
    // And two builds of the same tree (distinct objects) agree too.
    expect(runRules(s, await surface(demoFiles(), 'again'))).toEqual([]);
  });

  it('runRules with an explicit rule list runs only those rules', async () => {
    const s = await surface(demoFiles());
    const empty = { ...s, events: {}, eventCodes: {} };
    const only = RULES.filter((r) => r.id === 'event-removed');
    const findings = runRules(s, empty, only);
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['event-removed']));
  });
});
