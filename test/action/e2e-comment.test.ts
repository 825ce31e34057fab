/**
 * The bundled action end to end on a pull_request: the sticky comment's life cycle (created,
 * edited in place on the next push, updated once clean), outputs, annotations, the job summary,
 * the exit status, and the one-click version suggestion.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER, SUGGESTION_MARKER } from '../../src/report/markdown.js';
import { lineOf } from '../helpers/lines.js';
import { demoTree, edit } from '../helpers/surface.js';
import {
  actionYml,
  annotationLines,
  buildFixture,
  commitOn,
  MODE_PARAM,
  MODE_PARAM_ANNOTATION,
  OWNER,
  pullRequestPayload,
  REPO,
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
  fx = buildFixture({
    missing: {},
    fixed: { [SCHEMA_FILE]: schemaVersion('2.5.0') },
    skipped: { [SCHEMA_FILE]: schemaVersion('2.6.0') },
  });
  gh = await startFakeGitHub();
});
afterAll(() => gh?.close());

const COMMENTS = `/repos/${OWNER}/${REPO}/issues/7/comments`;
const calls = (method: string, re: RegExp) => gh.requests.filter((r) => r.method === method && re.test(r.path));

describe('pull_request: the sticky comment', () => {
  it('creates one comment, edits it in place on the next push, and says so once the PR is clean', async () => {
    // Someone pasted our marker into their own comment: it must never be edited.
    gh.issueComments.push({
      id: 1,
      body: `${COMMENT_MARKER}\nI am not the bot`,
      user: { login: 'mallory', type: 'User' },
      html_url: 'x',
    });

    const first = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base: fx.base, head: fx.heads.missing! }),
      api: gh,
    });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(
      /^::error::driver-semver: SCHEMA_VERSION missing, needs a minor bump \(set the first line of driver\/SCHEMA_VERSION to 2\.5\.0\)$/m,
    );
    expect(calls('POST', new RegExp(`^${COMMENTS}$`))).toHaveLength(1);
    expect(gh.requests.every((r) => r.auth === 'token test-token')).toBe(true);
    const ours = () => gh.issueComments.filter((c) => c.user.type === 'Bot');
    expect(ours()).toHaveLength(1);
    const comment = ours()[0]!;
    expect(comment.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(comment.body).toContain(
      `https://github.com/${OWNER}/${REPO}/blob/${fx.heads.missing}/${MODE_PARAM.path}#L${MODE_PARAM.line}`,
    );
    expect(comment.body).toContain('**SCHEMA_VERSION: minor bump** (1)');
    expect(comment.body).toMatch(/Set `driver\/SCHEMA_VERSION` to `2\.5\.0`[^\n]*\n\n {2}```\n {2}2\.5\.0\n {2}```/);
    expect(comment.body).toContain('Declare it in the PR body: `/version driver-SCHEMA-version-minor`');
    expect(gh.issueComments.find((c) => c.id === 1)!.body).toBe(`${COMMENT_MARKER}\nI am not the bot`);

    // Outputs: every one action.yml declares, and no other.
    expect(Object.keys(first.outputs).sort()).toEqual([...actionYml().outputs].sort());
    expect(first.outputs).toMatchObject({
      mode: 'check',
      verdict: 'fail',
      failed: 'true',
      'schema-status': 'missing',
      'schema-required': 'minor',
      'schema-declared': 'none',
      'schema-suggested': '2.5.0',
      'schema-base': '2.4.0',
      'schema-head': '2.4.0',
      'api-status': 'ok',
      'api-required': 'none',
      'api-declared': 'none',
      'api-suggested': '3.1.0',
      head: fx.heads.missing,
      base: fx.base,
      agreement: 'not-declared',
      comment: 'created',
    });
    expect(first.outputs['comment-url']).toMatch(/#issuecomment-/);
    const report = JSON.parse(readFileSync(first.outputs.report!, 'utf8'));
    expect(report).toMatchObject({
      reportVersion: 1,
      verdict: 'fail',
      versions: { schema: { status: 'missing', suggested: '2.5.0' } },
    });
    expect(report.findings[0]).toMatchObject({ rule: 'event-param-appended', location: MODE_PARAM });

    // Annotations on the changed line and on the version file, as workflow commands.
    const ann = annotationLines(first.stdout);
    expect(ann).toContain(MODE_PARAM_ANNOTATION);
    expect(
      ann.some((l) =>
        l.startsWith(
          '::error title=driver/SCHEMA_VERSION%3A missing (needs a minor bump),file=driver/SCHEMA_VERSION,line=1::',
        ),
      ),
    ).toBe(true);
    // The text report went to the log with workflow commands disabled around it.
    expect(first.stdout).toMatch(/^::stop-commands::([0-9a-f]{32})\n[\s\S]*verdict: FAIL\n::\1::$/m);

    // Job summary: the same markdown, without the hidden marker.
    expect(first.summary).toContain('### ❌ driver-semver: SCHEMA_VERSION needs attention');
    expect(first.summary).toContain(
      '| `driver/SCHEMA_VERSION` | `2.4.0` (unchanged) | none | **minor** | `2.5.0` | ❌ missing |',
    );
    expect(first.summary).not.toContain(COMMENT_MARKER);

    // The next push (a new head, still wrong): the same comment is edited, no new one.
    const next = commitOn(fx, fx.heads.missing!, 'missing-2', { 'README.md': 'more\n' });
    const second = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base: fx.base, head: next }),
      api: gh,
    });
    expect(second.code).toBe(1);
    expect(second.outputs.comment).toBe('updated');
    expect(calls('POST', new RegExp(`^${COMMENTS}$`))).toHaveLength(1);
    expect(calls('PATCH', /\/issues\/comments\/\d+$/)).toHaveLength(1);
    expect(calls('PATCH', /\/issues\/comments\/\d+$/)[0]!.path).toBe(
      `/repos/${OWNER}/${REPO}/issues/comments/${comment.id}`,
    );
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toContain(`/blob/${next}/${MODE_PARAM.path}#L${MODE_PARAM.line}`);

    // The author fixes the version and declares it: the comment now says the PR is clean.
    const clean = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({
        base: fx.base,
        head: fx.heads.fixed!,
        body: 'Fixes #1\n\n/version driver-SCHEMA-version-minor\n',
      }),
      api: gh,
    });
    expect(clean.code).toBe(0);
    expect(clean.outputs).toMatchObject({
      verdict: 'pass',
      failed: 'false',
      'schema-status': 'ok',
      'schema-pr-body': 'minor',
      agreement: 'agree',
      comment: 'updated',
    });
    expect(annotationLines(clean.stdout).filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.id).toBe(comment.id);
    expect(ours()[0]!.body).toContain('### ✅ driver-semver: the driver versions match the changes');
    expect(calls('POST', new RegExp(`^${COMMENTS}$`))).toHaveLength(1);
  });

  it('deletes the comment once the PR is clean when on-clean is delete', async () => {
    const before = gh.issueComments.filter((c) => c.user.type === 'Bot');
    expect(before).toHaveLength(1);
    const r = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({
        base: fx.base,
        head: fx.heads.fixed!,
        body: '/version driver-SCHEMA-version-minor',
      }),
      api: gh,
      inputs: { 'on-clean': 'delete' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.comment).toBe('deleted');
    expect(gh.issueComments.filter((c) => c.user.type === 'Bot')).toHaveLength(0);
    expect(gh.issueComments.map((c) => c.id)).toEqual([1]);
  });
});

describe('pull_request: the one-click suggestion on the version file', () => {
  it('posts one review suggestion on line 1 of the wrong version file, and not again on a re-run', async () => {
    gh.requests.length = 0;
    const payload = pullRequestPayload({
      base: fx.base,
      head: fx.heads.skipped!,
      body: '/version driver-SCHEMA-version-minor',
    });
    // suggest: false posts the sticky comment only.
    const off = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload,
      api: gh,
      inputs: { suggest: 'false' },
    });
    expect(off.outputs.comment).toBe('created');
    expect(gh.requests.filter((r) => r.path.includes('/pulls/'))).toEqual([]);

    const first = await runAction({ workdir: fx.dir, eventName: 'pull_request', payload, api: gh });
    expect(first.code).toBe(1);
    expect(first.outputs).toMatchObject({
      'schema-status': 'not-one-step',
      'schema-head': '2.6.0',
      'schema-suggested': '2.5.0',
    });
    const posted = calls('POST', /\/pulls\/7\/comments$/);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatchObject({ path: SCHEMA_FILE, line: 1, side: 'RIGHT', commit_id: fx.heads.skipped });
    const body = (posted[0]!.body as { body: string }).body;
    expect(body.startsWith(SUGGESTION_MARKER)).toBe(true);
    expect(body).toContain('```suggestion\n2.5.0\n```');

    const again = await runAction({ workdir: fx.dir, eventName: 'pull_request', payload, api: gh });
    expect(again.code).toBe(1);
    expect(calls('POST', /\/pulls\/7\/comments$/)).toHaveLength(1);
    expect(gh.reviewComments).toHaveLength(1);
    // The sticky comment was edited, not duplicated, on the re-run as well.
    expect(gh.issueComments.filter((c) => c.user.type === 'Bot')).toHaveLength(1);

    // Once the file is right, the stale suggestion goes away.
    const ok = await runAction({
      workdir: fx.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({
        base: fx.base,
        head: fx.heads.fixed!,
        body: '/version driver-SCHEMA-version-minor',
      }),
      api: gh,
    });
    expect(ok.code).toBe(0);
    expect(gh.reviewComments).toHaveLength(0);
    expect(calls('DELETE', /\/pulls\/comments\/\d+$/)).toHaveLength(1);
  });
});

describe('pull_request: a major covers both files in the one-click suggestions', () => {
  it('suggests the version file and the SCAP_MINIMUM_DRIVER_SCHEMA_VERSION line when both are in the PR diff', async () => {
    const flags = '{"flags", PT_FLAGS32, PF_HEX, file_flags}';
    const table = edit(
      demoTree(),
      'driver/event_table.c',
      [`,\n                                  ${flags}}},`, '}},'],
      [
        '                                 3,\n                                 {{"fd"',
        '                                 2,\n                                 {{"fd"',
      ],
    )['driver/event_table.c']!;
    const scap = `${demoTree()['userspace/libscap/scap.h']!}/* the minimums follow the version files */\n`;
    const f = buildFixture({
      major: { 'driver/event_table.c': table, [SCHEMA_FILE]: schemaVersion('2.5.0'), 'userspace/libscap/scap.h': scap },
    });
    gh.reviewComments.length = 0;
    const r = await runAction({
      workdir: f.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base: f.base, head: f.heads.major!, number: 8 }),
      api: gh,
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({
      'schema-status': 'too-small',
      'schema-required': 'major',
      'schema-suggested': '3.0.0',
    });
    expect(gh.reviewComments.map((c) => [c.path, c.line])).toEqual([
      [SCHEMA_FILE, 1],
      ['userspace/libscap/scap.h', lineOf(scap, '#define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION')],
    ]);
    expect(gh.reviewComments[1]!.body).toContain(
      '```suggestion\n#define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(3, 0, 0)\n```',
    );
  });
});
