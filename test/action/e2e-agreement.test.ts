/**
 * The bundled action: the three-way agreement between the PR body's /version lines, the
 * version file and the detected changes (reported everywhere; fails only per fail-on).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  annotationLines,
  buildFixture,
  MODE_PARAM_ANNOTATION,
  pullRequestPayload,
  runAction,
  schemaVersion,
  SCHEMA_FILE,
  startFakeGitHub,
  type FakeGitHub,
  type Fixture,
} from './harness.js';

let fx: Fixture;
let gh: FakeGitHub;

beforeAll(async () => {
  fx = buildFixture({ missing: {}, fixed: { [SCHEMA_FILE]: schemaVersion('2.5.0') } });
  gh = await startFakeGitHub();
});
afterAll(() => gh?.close());
beforeEach(() => {
  gh.issueComments.length = 0;
  gh.requests.length = 0;
});

/** libs' PR template, with the author's choice uncommented (backticks and stray whitespace included). */
const TEMPLATE_BODY = [
  '**What type of PR is this?**',
  '',
  '/kind feature',
  '',
  '**Does this PR require a change in the driver versions?**',
  '',
  '> /version driver-API-version-major',
  '',
  '> /version driver-API-version-minor',
  '',
  '> /version driver-SCHEMA-version-minor',
  '',
  '  `/version driver-schema-version-PATCH`  ',
  '',
  '<!--',
  '/version driver-SCHEMA-version-major',
  '-->',
].join('\r\n');

describe('three-way agreement', () => {
  it('a PR body that declares patch while the file and the changes say minor: reported in comment, summary, annotations and outputs; passes by default', async () => {
    const r = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base: fx.base, head: fx.heads.fixed!, body: TEMPLATE_BODY }),
      api: gh,
    });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      verdict: 'pass',
      failed: 'false',
      'schema-status': 'ok',
      'schema-pr-body': 'patch',
      'api-pr-body': 'none',
      agreement: 'disagree',
      comment: 'created',
    });
    const ann = annotationLines(r.stdout);
    expect(ann).toContain(
      '::warning title=PR body /version declaration::the PR body declares a patch SCHEMA_VERSION bump, but the changes need a minor bump',
    );
    expect(ann).toContain(
      '::warning title=PR body /version declaration::the PR body declares a patch SCHEMA_VERSION bump, but driver/SCHEMA_VERSION changed 2.4.0 → 2.5.0 (minor)',
    );
    expect(ann.filter((l) => l.startsWith('::error'))).toEqual([]);
    for (const md of [r.summary, gh.issueComments[0]!.body]) {
      expect(md).toContain('| SCHEMA_VERSION | patch | minor | minor | ⚠️ |');
      expect(md).toContain(
        'In the PR body, declare `/version driver-SCHEMA-version-minor` instead of `/version driver-SCHEMA-version-patch`.',
      );
    }
    expect(r.stdout).toMatch(/^driver-semver: verdict pass$/m);
  });

  it('with fail-on including disagreement the same PR fails, with error annotations', async () => {
    const r = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base: fx.base, head: fx.heads.fixed!, body: TEMPLATE_BODY }),
      api: gh,
      inputs: { 'fail-on': 'fail, disagreement' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ failed: 'true', agreement: 'disagree' });
    expect(r.stdout).toMatch(
      /^::error::driver-semver: PR body: the PR body declares a patch SCHEMA_VERSION bump, but the changes need a minor bump \(and 1 more\)$/m,
    );
    expect(annotationLines(r.stdout)).toContain(
      '::error title=PR body /version declaration::the PR body declares a patch SCHEMA_VERSION bump, but the changes need a minor bump',
    );
    expect(gh.issueComments[0]!.body).toContain('### ❌ driver-semver: the PR body disagrees with the changes');
  });
});

describe('runtime', () => {
  it('the bundle runs under the node that runs the tests (CI runs them on Node 22 and 24) with the same result', async () => {
    const r = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base: fx.base, head: fx.heads.missing! }),
      api: gh,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({
      verdict: 'fail',
      'schema-status': 'missing',
      'schema-suggested': '2.5.0',
      comment: 'created',
    });
    expect(annotationLines(r.stdout)).toContain(MODE_PARAM_ANNOTATION);
    expect(gh.issueComments).toHaveLength(1);
  });
});
