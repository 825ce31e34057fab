/**
 * The bundled action when the GitHub API is not on its side: a read-only token (403), transient
 * errors (5xx, secondary rate limits), no token, comments turned off. The verdict always stays
 * in the outputs, the annotations, the job summary and the exit status.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  annotationLines,
  buildFixture,
  MODE_PARAM_ANNOTATION,
  OWNER,
  pullRequestPayload,
  REPO,
  runAction,
  startFakeGitHub,
  type FakeGitHub,
  type Fixture,
} from './harness.js';

let fx: Fixture;
let gh: FakeGitHub;

beforeAll(async () => {
  fx = buildFixture({ missing: {} });
  gh = await startFakeGitHub();
});
afterAll(() => gh?.close());
beforeEach(() => {
  gh.requests.length = 0;
  gh.faults.length = 0;
  gh.issueComments.length = 0;
});

const COMMENTS = new RegExp(`^/repos/${OWNER}/${REPO}/issues/7/comments$`);
const payload = () => pullRequestPayload({ base: fx.base, head: fx.heads.missing! });

function expectVerdictIntact(r: Awaited<ReturnType<typeof runAction>>) {
  expect(r.code).toBe(1);
  expect(r.outputs).toMatchObject({
    verdict: 'fail',
    failed: 'true',
    'schema-status': 'missing',
    'schema-suggested': '2.5.0',
  });
  expect(annotationLines(r.stdout)).toContain(MODE_PARAM_ANNOTATION);
  expect(r.summary).toContain(
    '| `driver/SCHEMA_VERSION` | `2.4.0` (unchanged) | none | **minor** | `2.5.0` | ❌ missing |',
  );
  expect(r.stdout).toMatch(/^::error::driver-semver: SCHEMA_VERSION missing/m);
  expect(r.stderr).toBe('');
}

describe('degrades, never loses the verdict', () => {
  it("a 403 on commenting (a fork PR's read-only token) is a warning; outputs, annotations and summary carry the verdict", async () => {
    gh.faults.push({
      method: 'POST',
      path: COMMENTS,
      status: 403,
      message: 'Resource not accessible by integration',
      times: 10,
    });
    const r = await runAction({ workdir: fx.dir, eventName: 'pull_request', payload: payload(), api: gh });
    expectVerdictIntact(r);
    expect(r.outputs.comment).toBe('failed');
    expect(r.stdout).toMatch(
      /^::warning::driver-semver: could not update the PR comment: 403 Resource not accessible by integration \(the token cannot write to this PR[^\n]*The verdict is in the job summary, the annotations and the outputs\.$/m,
    );
    // A plain 403 is final: no retry.
    expect(gh.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
    expect(gh.issueComments).toHaveLength(0);
  });

  it('retries 5xx and secondary rate limits, then posts the comment once', async () => {
    gh.faults.push({ method: 'GET', path: COMMENTS, status: 502, message: 'Bad Gateway', times: 2 });
    gh.faults.push({
      method: 'POST',
      path: COMMENTS,
      status: 403,
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      headers: { 'retry-after': '0' },
    });
    const r = await runAction({ workdir: fx.dir, eventName: 'pull_request', payload: payload(), api: gh });
    expectVerdictIntact(r);
    expect(r.outputs.comment).toBe('created');
    expect(gh.requests.map((q) => `${q.method} ${q.status}`)).toEqual([
      'GET 502',
      'GET 502',
      'GET 200',
      'POST 403',
      'POST 201',
      'GET 200',
    ]);
    expect(r.stdout.match(/GitHub API GET \S+ answered 502$/gm)).toHaveLength(2);
    expect(r.stdout).toMatch(/hit a secondary rate limit; retry 1\/3/);
    expect(gh.issueComments).toHaveLength(1);
  });

  it('gives up after a bounded number of retries and warns', async () => {
    gh.faults.push({ method: 'GET', path: COMMENTS, status: 503, message: 'Service Unavailable', times: 50 });
    const r = await runAction({ workdir: fx.dir, eventName: 'pull_request', payload: payload(), api: gh });
    expectVerdictIntact(r);
    expect(gh.requests.filter((q) => q.method === 'GET' && COMMENTS.test(q.path))).toHaveLength(4);
    expect(r.stdout).toMatch(
      /^::warning::driver-semver: could not update the PR comment: 503 Service Unavailable\. The verdict/m,
    );
  });

  it('comment: never makes no API request at all', async () => {
    const r = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: payload(),
      api: gh,
      inputs: { comment: 'never' },
    });
    expectVerdictIntact(r);
    expect(r.outputs.comment).toBe('skipped');
    expect(gh.requests).toEqual([]);
  });

  it('without a token, warns and keeps the verdict', async () => {
    const r = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: payload(),
      api: gh,
      inputs: { token: '' },
    });
    expectVerdictIntact(r);
    expect(r.stdout).toMatch(/^::warning::driver-semver: no token, so no PR comment/m);
    expect(gh.requests).toEqual([]);
  });
});
