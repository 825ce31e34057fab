import { describe, expect, it } from 'vitest';
import type { Bump, Finding } from '../../src/rules/types.js';
import { emptySurface, type Surface } from '../../src/surface/model.js';
import { bumpBetween, nextVersion, versionVerdict } from '../../src/verdict/verdict.js';

function surface(schema: string | null, minSchema: string | null = null, raw = schema ?? ''): Surface {
  return {
    ...emptySurface('r'),
    versions: { api: null, schema: { path: 'driver/SCHEMA_VERSION', raw, version: schema } },
    scapMinimum: {
      api: null,
      schema: minSchema
        ? {
            macro: 'SCAP_MINIMUM_DRIVER_SCHEMA_VERSION',
            version: minSchema,
            expr: 'PPM_API_VERSION(...)',
            loc: { path: 'userspace/libscap/scap.h', line: 3 },
          }
        : null,
    },
  };
}

function finding(bump: Bump, kind: Finding['kind'] = 'change'): Finding {
  return { rule: 'x', symbol: 'X', governs: 'schema', bump, kind, message: `a ${bump} change`, location: null };
}

function verdict(
  base: string | null,
  head: string | null,
  required: Bump | null,
  opts: { min?: string; tip?: string; raw?: string } = {},
) {
  return versionVerdict({
    governs: 'schema',
    base: surface(base),
    head: surface(head, opts.min ?? null, opts.raw),
    findings: required ? [finding(required)] : [],
    baseTipVersion: opts.tip ?? null,
  });
}

describe('semver arithmetic', () => {
  it.each([
    ['1.2.3', '1.2.3', 'none'],
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '2.0.0', 'major'],
    ['1.2.3', '1.2.2', 'decreased'],
    ['1.2.3', '1.4.7', 'minor'],
  ])('%s → %s is %s', (a, b, bump) => expect(bumpBetween(a, b)).toBe(bump));

  it('steps one bump and resets lower components', () => {
    expect(nextVersion('4.5.1', 'minor')).toBe('4.6.0');
    expect(nextVersion('4.5.1', 'major')).toBe('5.0.0');
    expect(nextVersion('4.5.1', 'patch')).toBe('4.5.2');
    expect(nextVersion('4.5.1', 'none')).toBe('4.5.1');
  });
});

describe('status per version file', () => {
  it.each<[string, string, Bump | null, string, Bump, string]>([
    ['4.5.1', '4.5.1', null, 'ok', 'none', '4.5.1'],
    ['4.5.1', '4.6.0', 'minor', 'ok', 'minor', '4.6.0'],
    ['4.5.1', '4.5.1', 'minor', 'missing', 'none', '4.6.0'],
    ['4.5.1', '4.5.2', 'minor', 'too-small', 'patch', '4.6.0'],
    ['4.5.1', '5.0.0', 'minor', 'too-large', 'major', '4.6.0'],
    ['4.5.1', '4.7.0', 'minor', 'not-one-step', 'minor', '4.6.0'],
    ['4.5.1', '4.6.1', 'minor', 'not-one-step', 'minor', '4.6.0'],
    ['4.5.1', '4.5.0', null, 'decreased', 'none', '4.5.1'],
    ['4.5.1', '4.5.2', null, 'unexplained', 'patch', '4.5.1'],
  ])('%s → %s with a %s change: %s', (base, head, required, status, declared, suggested) => {
    const v = verdict(base, head, required);
    expect(v.status).toBe(status);
    expect(v.declared).toBe(declared);
    expect(v.required).toBe(required ?? 'none');
    expect(v.suggested).toBe(suggested);
    if (status !== 'ok') expect(v.reasons.length).toBeGreaterThan(0);
  });

  it('counts the largest bump over findings, ignoring notes', () => {
    const v = versionVerdict({
      governs: 'schema',
      base: surface('1.0.0'),
      head: surface('1.1.0'),
      findings: [finding('patch'), finding('minor'), finding('major', 'note')],
    });
    expect(v.required).toBe('minor');
    expect(v.status).toBe('ok');
  });

  it('is invalid when the table is invalid, whatever the bump', () => {
    const v = versionVerdict({
      governs: 'schema',
      base: surface('1.0.0'),
      head: surface('1.1.0'),
      findings: [finding('minor'), { ...finding('none', 'invalid'), message: 'nparams disagrees' }],
    });
    expect(v.status).toBe('invalid');
    expect(v.reasons).toContain('nparams disagrees');
  });

  it('is invalid when a version file is missing or not a version', () => {
    expect(verdict('1.0.0', null, null, { raw: 'one' })).toMatchObject({
      status: 'invalid',
      reasons: [expect.stringContaining("first line 'one'")],
    });
    expect(verdict(null, '1.0.0', null).status).toBe('invalid');
  });

  it('suggests from the base branch tip when it moved, and says to rebase', () => {
    const v = verdict('4.5.1', '4.6.0', 'minor', { tip: '4.6.0' });
    expect(v.suggested).toBe('4.7.0');
    expect(v.baseTip).toBe('4.6.0');
    expect(v.reasons.join(' ')).toMatch(/rebase and declare 4\.7\.0/);
    // Both branches declared 4.6.0: merged, one of the two minor changes has no bump.
    expect(v.status).toBe('missing');
    expect(verdict('4.5.1', '4.7.0', 'minor', { tip: '4.6.0' }).status).toBe('ok');
  });
});

describe('libscap minimum consistency', () => {
  it('a major bump must carry SCAP_MINIMUM_DRIVER_*_VERSION to the same major', () => {
    const v = verdict('4.5.1', '5.0.0', 'major', { min: '4.3.0' });
    expect(v.status).toBe('invalid');
    expect(v.reasons.join(' ')).toMatch(/SCAP_MINIMUM_DRIVER_SCHEMA_VERSION is 4\.3\.0 but SCHEMA_VERSION is 5\.0\.0/);
    expect(verdict('4.5.1', '5.0.0', 'major', { min: '5.0.0' }).status).toBe('ok');
  });

  it('a minimum above the version the commit declares is refused', () => {
    const v = verdict('4.5.1', '4.6.0', 'minor', { min: '4.7.0' });
    expect(v.status).toBe('invalid');
    expect(v.reasons.join(' ')).toMatch(/above SCHEMA_VERSION 4\.6\.0/);
    expect(verdict('4.5.1', '4.6.0', 'minor', { min: '4.6.0' }).status).toBe('ok');
  });
});

describe('every status that applies, and the fixes that lead to ok', () => {
  it('invalid never hides the bump status: an invalid head that also bumped too much is both', () => {
    const v = versionVerdict({
      governs: 'schema',
      base: surface('1.0.0'),
      head: surface('2.0.0', '2.0.0'),
      findings: [finding('minor'), { ...finding('none', 'invalid'), message: 'nparams disagrees' }],
    });
    expect(v.status).toBe('invalid');
    expect(v.statuses).toEqual(['invalid', 'too-large']);
    expect(v.required).toBe('minor');
    // The fix writes the suggestion and brings the minimum back within the new major.
    expect(v.fixes).toEqual([
      { file: 'driver/SCHEMA_VERSION', line: 1, text: '1.1.0' },
      {
        file: 'userspace/libscap/scap.h',
        line: 3,
        text: '#define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(1, 0, 0)',
      },
    ]);
  });

  it('a missing major says both edits: the version file and SCAP_MINIMUM_DRIVER_*_VERSION', () => {
    const v = verdict('4.5.1', '4.5.1', 'major', { min: '4.3.0' });
    expect(v.statuses).toEqual(['missing']);
    expect(v.fixes).toEqual([
      { file: 'driver/SCHEMA_VERSION', line: 1, text: '5.0.0' },
      {
        file: 'userspace/libscap/scap.h',
        line: 3,
        text: '#define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(5, 0, 0)',
      },
    ]);
    // A minor leaves the minimum alone.
    expect(verdict('4.5.1', '4.5.1', 'minor', { min: '4.3.0' }).fixes).toEqual([
      { file: 'driver/SCHEMA_VERSION', line: 1, text: '4.6.0' },
    ]);
  });

  it('a minimum above the version is lowered to it; a right bump with a stale minimum fixes only the minimum', () => {
    expect(verdict('4.5.1', '4.6.0', 'minor', { min: '4.7.0' }).fixes).toEqual([
      {
        file: 'userspace/libscap/scap.h',
        line: 3,
        text: '#define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(4, 6, 0)',
      },
    ]);
    const v = verdict('4.5.1', '5.0.0', 'major', { min: '4.3.0' });
    expect(v.statuses).toEqual(['invalid']);
    expect(v.fixes).toEqual([
      {
        file: 'userspace/libscap/scap.h',
        line: 3,
        text: '#define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(5, 0, 0)',
      },
    ]);
  });

  it('an unreadable version file is fixed by writing the suggested version', () => {
    expect(verdict('1.0.0', null, 'minor', { raw: 'one' })).toMatchObject({
      statuses: ['invalid'],
      fixes: [{ file: 'driver/SCHEMA_VERSION', line: 1, text: '1.1.0' }],
    });
    expect(verdict('1.0.0', '1.1.0', 'minor').fixes).toEqual([]);
  });
});

describe('the reasons, and a base branch that moved (each clause pinned: docs/testing.md)', () => {
  it('says why, in one sentence per status', () => {
    expect(verdict('4.5.1', '4.5.0', null).reasons).toEqual(['SCHEMA_VERSION went down from 4.5.1 to 4.5.0']);
    expect(verdict('4.5.1', '4.7.0', 'minor').reasons).toEqual([
      '4.5.1 → 4.7.0 is not one minor step: expected 4.6.0 (numbers are not skipped, lower components reset to 0)',
    ]);
    expect(verdict('4.5.1', '4.5.2', null).reasons).toEqual([
      'SCHEMA_VERSION was bumped (patch) but no schema change was found',
    ]);
    expect(verdict('4.5.1', '4.5.1', 'minor').reasons).toEqual([
      'the changes need a minor bump of SCHEMA_VERSION and none was made',
    ]);
    expect(verdict('4.5.1', '4.5.2', 'minor').reasons).toEqual([
      'the changes need a minor bump; 4.5.1 → 4.5.2 is only patch',
    ]);
    expect(verdict('4.5.1', '5.0.0', 'minor').reasons).toEqual([
      'the changes need only a minor bump; 4.5.1 → 5.0.0 is major',
    ]);
    expect(verdict('4.5.1', '4.6.0', 'minor').reasons).toEqual([]);
  });

  it('a version file missing at a revision is invalid and says where', () => {
    const missing: Surface = { ...surface('1.0.0'), rev: 'head-rev', versions: { api: null, schema: null } };
    const v = versionVerdict({ governs: 'schema', base: surface('1.0.0'), head: missing, findings: [] });
    expect(v).toMatchObject({
      status: 'invalid',
      file: 'driver/SCHEMA_VERSION',
      head: null,
      reasons: ['driver/SCHEMA_VERSION is missing at head-rev'],
    });
  });

  it('a libscap minimum that is not a readable PPM_API_VERSION is invalid and quoted', () => {
    const head: Surface = {
      ...surface('1.1.0'),
      scapMinimum: {
        api: null,
        schema: {
          macro: 'SCAP_MINIMUM_DRIVER_SCHEMA_VERSION',
          version: null,
          expr: 'SOMETHING(1)',
          loc: { path: 'userspace/libscap/scap.h', line: 3 },
        },
      },
    };
    const v = versionVerdict({ governs: 'schema', base: surface('1.0.0'), head, findings: [finding('minor')] });
    expect(v.status).toBe('invalid');
    expect(v.reasons).toEqual([
      "SCAP_MINIMUM_DRIVER_SCHEMA_VERSION (userspace/libscap/scap.h:3) is not a PPM_API_VERSION(major, minor, patch) we can read: 'SOMETHING(1)'",
    ]);
  });

  it('a base tip equal to the base is no move: no baseTip, no rebase reason', () => {
    const v = verdict('4.5.1', '4.5.1', null, { tip: '4.5.1' });
    expect(v.status).toBe('ok');
    expect(v.reasons).toEqual([]);
    expect('baseTip' in v).toBe(false);
  });

  it('the base branch moved and the head did not touch the file: judged from the base, with the rebase reason', () => {
    const v = verdict('4.5.1', '4.5.1', null, { tip: '4.6.0' });
    expect(v).toMatchObject({ status: 'ok', declared: 'none', baseTip: '4.6.0', suggested: '4.6.0' });
    expect(v.reasons).toEqual([
      'the base branch moved SCHEMA_VERSION from 4.5.1 to 4.6.0 since this branch forked: rebase and declare 4.6.0',
    ]);
    expect(verdict('4.5.1', '4.5.1', 'minor', { tip: '4.6.0' })).toMatchObject({
      status: 'missing',
      suggested: '4.7.0',
    });
  });

  it('both branches made the same bump: unexplained when nothing here needs it, missing when something does', () => {
    expect(verdict('4.5.1', '4.6.0', null, { tip: '4.6.0' })).toMatchObject({
      status: 'unexplained',
      declared: 'minor',
    });
    expect(verdict('4.5.1', '4.6.0', 'patch', { tip: '4.6.0' })).toMatchObject({
      status: 'missing',
      declared: 'minor',
      suggested: '4.6.1',
    });
  });

  it('a base tip below the base (the base branch reverted a bump) does not make an untouched head a bump', () => {
    const v = verdict('4.6.0', '4.6.0', null, { tip: '4.5.1' });
    expect(v).toMatchObject({ status: 'ok', declared: 'none' });
  });

  it('a head below the base is decreased even when the base branch moved meanwhile (it was unexplained: a warning, not a failure)', () => {
    const v = verdict('2.4.0', '2.3.0', null, { tip: '2.5.0' });
    expect(v).toMatchObject({
      status: 'decreased',
      statuses: ['decreased'],
      declared: 'none',
      suggested: '2.5.0',
      baseTip: '2.5.0',
    });
    expect(v.reasons).toEqual([
      'the base branch moved SCHEMA_VERSION from 2.4.0 to 2.5.0 since this branch forked: rebase and declare 2.5.0',
      'SCHEMA_VERSION went down from 2.4.0 to 2.3.0',
    ]);
    expect(v.fixes).toEqual([{ file: 'driver/SCHEMA_VERSION', line: 1, text: '2.5.0' }]);
    expect(verdict('2.4.0', '2.3.0', 'minor', { tip: '2.5.0' })).toMatchObject({
      status: 'decreased',
      declared: 'none',
      suggested: '2.6.0',
    });
  });
});
