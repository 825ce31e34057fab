import { describe, expect, it } from 'vitest';
import { agreement, bodyBump, parseDeclarations } from '../../src/action/declarations.js';
import { finding, missingReport, report } from './reports.js';

/** The section of libs' PR template, untouched: every line quoted (commented out). */
const TEMPLATE = `**Does this PR require a change in the driver versions?**

> /version driver-API-version-major

> /version driver-API-version-minor

> /version driver-API-version-patch

> /version driver-SCHEMA-version-major

> /version driver-SCHEMA-version-minor

> /version driver-SCHEMA-version-patch

<!--
Please remove the leading whitespace before the \`/version <>\` you uncommented.
-->`;

describe('parseDeclarations', () => {
  it('the untouched template states "no version change"', () => {
    expect(parseDeclarations(TEMPLATE)).toEqual({ stated: true, declared: { api: [], schema: [] } });
  });

  it('reads the uncommented lines, case-insensitively, with backticks and whitespace around them', () => {
    const body = TEMPLATE.replace(
      '> /version driver-SCHEMA-version-minor',
      '   `/version driver-schema-VERSION-Minor`  \t',
    ).replace('> /version driver-API-version-patch', '/version   driver-API-version-patch\r');
    expect(parseDeclarations(body).declared).toEqual({ api: ['patch'], schema: ['minor'] });
  });

  it('ignores quoted lines, HTML comments (closed or not) and mentions inside prose', () => {
    const body = [
      '> /version driver-SCHEMA-version-major',
      '<!-- /version driver-API-version-major -->',
      'please add /version driver-SCHEMA-version-patch',
      '<!-- unclosed',
      '/version driver-API-version-minor',
    ].join('\n');
    expect(parseDeclarations(body)).toEqual({ stated: false, declared: { api: [], schema: [] } });
  });

  it("accepts the line inside a code fence (the template's backticks)", () => {
    expect(parseDeclarations('```\n/version driver-SCHEMA-version-major\n```').declared.schema).toEqual(['major']);
  });

  it('an empty body, or one without the template, states nothing', () => {
    for (const b of [null, undefined, '', 'Fixes #12\n\nSome text']) expect(parseDeclarations(b).stated).toBe(false);
  });

  it('keeps every line, so conflicting ones can be reported; the largest is the declared bump', () => {
    const d = parseDeclarations(
      '/version driver-SCHEMA-version-patch\n/version driver-SCHEMA-version-major\n/version driver-SCHEMA-version-minor',
    );
    expect(d.declared.schema).toEqual(['patch', 'major', 'minor']);
    expect(bodyBump(d, 'schema')).toBe('major');
    expect(bodyBump(d, 'api')).toBe('none');
    expect(bodyBump(parseDeclarations(''), 'api')).toBeNull();
  });
});

describe('agreement', () => {
  const fixed = report({
    schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' },
    findings: [finding()],
  });

  it('all three agree', () => {
    const a = agreement(fixed, parseDeclarations('/version driver-SCHEMA-version-minor'));
    expect(a.problems).toEqual([]);
    expect(a.versions.schema).toEqual({ body: 'minor', file: 'minor', detected: 'minor', agree: true });
    expect(a.versions.api).toEqual({ body: 'none', file: 'none', detected: 'none', agree: true });
  });

  it('the body declares less than the file and the changes', () => {
    const a = agreement(fixed, parseDeclarations('/version driver-SCHEMA-version-patch'));
    expect(a.problems).toEqual([
      'the PR body declares a patch SCHEMA_VERSION bump, but the changes need a minor bump',
      'the PR body declares a patch SCHEMA_VERSION bump, but driver/SCHEMA_VERSION changed 2.4.0 → 2.5.0 (minor)',
    ]);
    expect(a.versions.schema.agree).toBe(false);
  });

  it('the body agrees with the changes but the file was not bumped', () => {
    const a = agreement(missingReport(), parseDeclarations('/version driver-SCHEMA-version-minor'));
    expect(a.problems).toEqual([
      'the PR body declares a minor SCHEMA_VERSION bump, but driver/SCHEMA_VERSION is unchanged',
    ]);
  });

  it('the template left untouched while the changes need a bump', () => {
    const a = agreement(missingReport(), parseDeclarations(TEMPLATE));
    expect(a.problems).toEqual(['the PR body declares no SCHEMA_VERSION bump, but the changes need a minor bump']);
  });

  it('an API declaration nothing needs', () => {
    const a = agreement(
      fixed,
      parseDeclarations('/version driver-SCHEMA-version-minor\n/version driver-API-version-major'),
    );
    expect(a.problems).toEqual([
      'the PR body declares a major API_VERSION bump, but the changes need none',
      'the PR body declares a major API_VERSION bump, but driver/API_VERSION is unchanged',
    ]);
  });

  it('two different declarations for one version', () => {
    const a = agreement(
      fixed,
      parseDeclarations('/version driver-SCHEMA-version-minor\n/version driver-SCHEMA-version-patch'),
    );
    expect(a.problems).toEqual([
      'the PR body declares more than one SCHEMA_VERSION bump (minor, patch): keep one line',
    ]);
    expect(a.versions.schema.agree).toBe(false);
  });

  it('a body that states nothing is not compared', () => {
    const a = agreement(missingReport(), parseDeclarations('just a fix'));
    expect(a).toMatchObject({ stated: false, problems: [] });
    expect(a.versions.schema).toEqual({ body: null, file: 'none', detected: 'minor', agree: false });
  });
});

describe('declarations, clause by clause (docs/testing.md)', () => {
  it('an API line alone states a declaration', () => {
    expect(parseDeclarations('/version driver-API-version-minor')).toEqual({
      stated: true,
      declared: { api: ['minor'], schema: [] },
    });
  });

  it('an HTML comment is removed, not the line it ends on', () => {
    expect(parseDeclarations('<!-- pick one -->/version driver-SCHEMA-version-minor').declared.schema).toEqual([
      'minor',
    ]);
  });

  it('reads at most 256 KiB of a body', () => {
    const filler = 'x'.repeat(256 * 1024);
    expect(parseDeclarations(`${filler}\n/version driver-SCHEMA-version-major`)).toEqual({
      stated: false,
      declared: { api: [], schema: [] },
    });
    expect(parseDeclarations(`${filler.slice(100)}\n/version driver-SCHEMA-version-major`).declared.schema).toEqual([
      'major',
    ]);
  });

  it('conflicting lines are listed largest first, once each', () => {
    const fixed = report({
      schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' },
      findings: [finding()],
    });
    const a = agreement(
      fixed,
      parseDeclarations(
        '/version driver-SCHEMA-version-patch\n/version driver-SCHEMA-version-major\n/version driver-SCHEMA-version-minor\n/version driver-SCHEMA-version-patch',
      ),
    );
    expect(a.problems[0]).toBe(
      'the PR body declares more than one SCHEMA_VERSION bump (major, minor, patch): keep one line',
    );
  });

  it('a body that states nothing agrees when the file already matches the changes', () => {
    const fixed = report({
      schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' },
      findings: [finding()],
    });
    const a = agreement(fixed, parseDeclarations('just a fix'));
    expect(a.versions.schema).toEqual({ body: null, file: 'minor', detected: 'minor', agree: true });
    expect(a.versions.api).toEqual({ body: null, file: 'none', detected: 'none', agree: true });
  });

  it('two lines whose largest matches the file and the changes still do not agree', () => {
    const fixed = report({
      schema: { declared: 'minor', required: 'minor', head: '2.5.0', suggested: '2.5.0' },
      findings: [finding()],
    });
    const a = agreement(
      fixed,
      parseDeclarations('/version driver-SCHEMA-version-minor\n/version driver-SCHEMA-version-patch'),
    );
    expect(a.versions.schema).toEqual({ body: 'minor', file: 'minor', detected: 'minor', agree: false });
  });

  it('a version file unreadable at a revision shows as ?', () => {
    const r = report({ schema: { base: null, head: '2.5.0', declared: 'none', required: 'minor', status: 'invalid' } });
    expect(agreement(r, parseDeclarations('/version driver-SCHEMA-version-minor')).problems).toContain(
      'the PR body declares a minor SCHEMA_VERSION bump, but driver/SCHEMA_VERSION changed ? → 2.5.0 (none)',
    );
    const headless = report({
      schema: { base: '2.4.0', head: null, declared: 'none', required: 'minor', status: 'invalid' },
    });
    expect(agreement(headless, parseDeclarations('/version driver-SCHEMA-version-minor')).problems).toContain(
      'the PR body declares a minor SCHEMA_VERSION bump, but driver/SCHEMA_VERSION changed 2.4.0 → ? (none)',
    );
  });
});
