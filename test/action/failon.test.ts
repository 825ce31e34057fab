import { describe, expect, it } from 'vitest';
import { evaluateFailOn, parseFailOn } from '../../src/action/failon.js';
import { InputError } from '../../src/errors.js';
import type { AgreementView } from '../../src/report/markdown.js';
import { missingReport, report } from './reports.js';

const sorted = (s: Set<string>) => [...s].sort();

describe('parseFailOn', () => {
  it('defaults to what fails `driver-semver check`: the failing statuses and an incomplete analysis', () => {
    expect(sorted(parseFailOn(''))).toEqual([
      'decreased',
      'incomplete',
      'invalid',
      'missing',
      'not-one-step',
      'too-large',
      'too-small',
    ]);
    expect(sorted(parseFailOn('fail'))).toEqual(sorted(parseFailOn('')));
  });

  it('expands groups and accepts single tokens, separated by commas, spaces or newlines, in any case', () => {
    expect(sorted(parseFailOn('warn'))).toEqual([
      'decreased',
      'incomplete',
      'invalid',
      'missing',
      'not-one-step',
      'too-large',
      'too-small',
      'unexplained',
    ]);
    expect(parseFailOn('any').has('disagreement')).toBe(true);
    expect(sorted(parseFailOn('Missing,\n too-small  DISAGREEMENT'))).toEqual(['disagreement', 'missing', 'too-small']);
    expect(parseFailOn('never').size).toBe(0);
  });

  it('rejects unknown values and never-with-others in one line', () => {
    expect(() => parseFailOn('missing,nope')).toThrow(InputError);
    expect(() => parseFailOn('missing,nope')).toThrow(
      /^fail-on: unknown value 'nope'; use a comma-separated list of fail, warn, any, never, or of /,
    );
    expect(() => parseFailOn('never, missing')).toThrow("fail-on: 'never' cannot be combined with other values");
  });
});

describe('evaluateFailOn', () => {
  const disagreement: AgreementView = {
    stated: true,
    versions: {
      schema: { body: 'patch', file: 'none', detected: 'minor', agree: false },
      api: { body: 'none', file: 'none', detected: 'none', agree: true },
    },
    problems: ['first problem', 'second problem'],
  };

  it('fails on a version status in the set, with the fix', () => {
    const o = evaluateFailOn(missingReport(), undefined, parseFailOn('fail'));
    expect(o).toEqual({
      failing: { api: false, schema: true },
      disagreementFails: false,
      reasons: ['SCHEMA_VERSION missing, needs a minor bump (set the first line of driver/SCHEMA_VERSION to 2.5.0)'],
    });
    expect(evaluateFailOn(missingReport(), undefined, parseFailOn('too-large')).reasons).toEqual([]);
    expect(evaluateFailOn(missingReport(), undefined, parseFailOn('never')).failing.schema).toBe(false);
  });

  it('a PR-body disagreement fails only when asked', () => {
    expect(evaluateFailOn(report(), disagreement, parseFailOn('fail')).reasons).toEqual([]);
    const o = evaluateFailOn(report(), disagreement, parseFailOn('fail,disagreement'));
    expect(o.disagreementFails).toBe(true);
    expect(o.reasons).toEqual(['PR body: first problem (and 1 more)']);
  });

  it('an unexplained bump fails only when asked; an incomplete analysis fails by default', () => {
    const r = report({
      schema: { status: 'unexplained', declared: 'minor', head: '2.5.0' },
      warnings: [{ path: 'driver/a.h', message: 'x', incomplete: true }],
      verdict: 'fail',
    });
    expect(evaluateFailOn(r, undefined, parseFailOn('fail')).reasons).toEqual(['1 file could not be analysed']);
    expect(evaluateFailOn(r, undefined, parseFailOn('missing')).reasons).toEqual([]);
    expect(evaluateFailOn(r, undefined, parseFailOn('warn')).reasons).toEqual([
      'SCHEMA_VERSION unexplained',
      '1 file could not be analysed',
    ]);
  });

  it('an incomplete analysis only warns when the repository configuration says `incomplete: warn`', () => {
    const r = report({ warnings: [{ path: 'driver/a.h', message: 'x', incomplete: true }], verdict: 'warn' });
    expect(evaluateFailOn({ ...r, onIncomplete: 'warn' }, undefined, parseFailOn('fail')).reasons).toEqual([]);
    expect(evaluateFailOn({ ...r, onIncomplete: 'fail' }, undefined, parseFailOn('fail')).reasons).toEqual([
      '1 file could not be analysed',
    ]);
  });
});

describe('fail-on, clause by clause (docs/testing.md)', () => {
  it('blank input is the default; stray commas and whitespace are not tokens', () => {
    expect(sorted(parseFailOn('  \n '))).toEqual(sorted(parseFailOn('fail')));
    expect(sorted(parseFailOn('missing,'))).toEqual(['missing']);
    expect(sorted(parseFailOn(', missing ,, invalid\n'))).toEqual(['invalid', 'missing']);
  });

  it('the error names the value, cut to 40 characters, and every accepted one', () => {
    const long = 'x'.repeat(60);
    expect(() => parseFailOn(long)).toThrow(
      `fail-on: unknown value '${'x'.repeat(40)}'; use a comma-separated list of fail, warn, any, never, or of missing, too-small, too-large, not-one-step, decreased, invalid, incomplete, unexplained, disagreement`,
    );
  });

  const problems = (n: number): AgreementView => ({
    stated: true,
    versions: {
      schema: { body: 'patch', file: 'none', detected: 'minor', agree: false },
      api: { body: 'none', file: 'none', detected: 'none', agree: true },
    },
    problems: Array.from({ length: n }, (_, i) => `problem ${i + 1}`),
  });

  it('one PR-body problem is quoted alone; more say how many more', () => {
    expect(evaluateFailOn(report(), problems(1), parseFailOn('disagreement')).reasons).toEqual(['PR body: problem 1']);
    expect(evaluateFailOn(report(), problems(3), parseFailOn('disagreement')).reasons).toEqual([
      'PR body: problem 1 (and 2 more)',
    ]);
    expect(evaluateFailOn(report(), problems(0), parseFailOn('disagreement')).reasons).toEqual([]);
  });

  it('counts only the warnings that left a file unanalysed, in words', () => {
    const w = (incomplete: boolean, path = 'driver/a.h') => ({ path, message: 'x', incomplete });
    const on = parseFailOn('incomplete');
    expect(evaluateFailOn(report({ warnings: [w(false)] }), undefined, on).reasons).toEqual([]);
    expect(evaluateFailOn(report({ warnings: [w(false), w(true)] }), undefined, on).reasons).toEqual([
      '1 file could not be analysed',
    ]);
    expect(
      evaluateFailOn(report({ warnings: [w(true), w(true, 'driver/b.h'), w(false)] }), undefined, on).reasons,
    ).toEqual(['2 files could not be analysed']);
  });

  it('every failing status of a version, the bump it needs and every fix, in one clause', () => {
    const r = report({
      schema: {
        status: 'invalid',
        statuses: ['invalid', 'missing'],
        required: 'major',
        fixes: [
          { file: 'driver/SCHEMA_VERSION', line: 1, text: '3.0.0' },
          {
            file: 'userspace/libscap/scap.h',
            line: 3,
            text: '#define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(3, 0, 0)',
          },
        ],
      },
    });
    expect(evaluateFailOn(r, undefined, parseFailOn('fail')).reasons).toEqual([
      'SCHEMA_VERSION invalid, missing, needs a major bump (set the first line of driver/SCHEMA_VERSION to 3.0.0; set line 3 of userspace/libscap/scap.h to: #define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(3, 0, 0))',
    ]);
    expect(evaluateFailOn(report({ api: { status: 'decreased' } }), undefined, parseFailOn('fail')).reasons).toEqual([
      'API_VERSION decreased',
    ]);
  });
});
