import { describe, expect, it } from 'vitest';
import { stickyPolicy, suggestionsFor, syncStickyComment, syncSuggestions } from '../../src/action/comment.js';
import type { Comment, GitHubApi, ReviewComment } from '../../src/action/github.js';
import { COMMENT_MARKER, SUGGESTION_MARKER } from '../../src/report/markdown.js';
import { HEAD, report } from './reports.js';

const BOT = { login: 'github-actions[bot]', type: 'Bot' };
const USER = (login: string) => ({ login, type: 'User' });

/** An in-memory GitHubApi that records what was called. */
function fakeApi(issue: Comment[] = [], review: ReviewComment[] = [], viewer: string | null = null) {
  let id = 500;
  const log: string[] = [];
  const api: GitHubApi = {
    listIssueComments: async () => {
      log.push('list');
      return issue.map((c) => ({ ...c }));
    },
    createIssueComment: async (body) => {
      log.push('create');
      const c = { id: id++, body, user: BOT };
      issue.push(c);
      return c;
    },
    updateIssueComment: async (cid, body) => {
      log.push(`update ${cid}`);
      const c = issue.find((x) => x.id === cid)!;
      c.body = body;
      return c;
    },
    deleteIssueComment: async (cid) => {
      log.push(`delete ${cid}`);
      issue.splice(
        issue.findIndex((x) => x.id === cid),
        1,
      );
    },
    listReviewComments: async () => review.map((c) => ({ ...c })),
    createReviewComment: async ({ body, path, line, commitId }) => {
      log.push(`review ${path}:${line}@${commitId.slice(0, 4)}`);
      const c = { id: id++, body, path, user: BOT };
      review.push(c);
      return c;
    },
    deleteReviewComment: async (cid) => {
      log.push(`unreview ${cid}`);
      review.splice(
        review.findIndex((x) => x.id === cid),
        1,
      );
    },
    viewerLogin: async () => {
      log.push('viewer');
      return viewer;
    },
  };
  return { api, log, issue, review };
}

const body = (s: string) => `${COMMENT_MARKER}\n${s}`;

describe('syncStickyComment', () => {
  it('creates the comment when there is none', async () => {
    const f = fakeApi([{ id: 1, body: 'LGTM', user: USER('alice') }]);
    expect(await syncStickyComment(f.api, body('one'), 'upsert')).toEqual({ action: 'created' });
    expect(f.issue).toHaveLength(2);
  });

  it('edits ours in place; leaves it alone when the body is the same', async () => {
    const f = fakeApi([{ id: 1, body: body('old'), user: BOT }]);
    expect((await syncStickyComment(f.api, body('new'), 'upsert')).action).toBe('updated');
    expect((await syncStickyComment(f.api, body('new'), 'upsert')).action).toBe('unchanged');
    expect(f.log).toEqual(['list', 'update 1', 'list']);
  });

  it('never edits a comment where someone else pasted the marker', async () => {
    const f = fakeApi([{ id: 1, body: body('forged'), user: USER('mallory') }], [], null);
    expect((await syncStickyComment(f.api, body('real'), 'upsert')).action).toBe('created');
    expect(f.issue.find((c) => c.id === 1)!.body).toBe(body('forged'));
  });

  it("accepts a comment by the token's own user (a bot account with a PAT)", async () => {
    const f = fakeApi([{ id: 1, body: body('mine'), user: USER('poiana') }], [], 'poiana');
    expect((await syncStickyComment(f.api, body('again'), 'upsert')).action).toBe('updated');
    expect(f.log).toEqual(['list', 'viewer', 'update 1']);
  });

  it('removes duplicates of ours (a retried POST that had succeeded)', async () => {
    const f = fakeApi([
      { id: 1, body: body('a'), user: BOT },
      { id: 2, body: body('b'), user: BOT },
    ]);
    await syncStickyComment(f.api, body('c'), 'upsert');
    expect(f.issue).toEqual([{ id: 1, body: body('c'), user: BOT }]);
  });

  it('update-only never creates; delete removes ours', async () => {
    const empty = fakeApi();
    expect((await syncStickyComment(empty.api, body('clean'), 'update-only')).action).toBe('skipped');
    expect(empty.issue).toEqual([]);
    const f = fakeApi([{ id: 1, body: body('x'), user: BOT }]);
    expect((await syncStickyComment(f.api, body('clean'), 'delete')).action).toBe('deleted');
    expect(f.issue).toEqual([]);
    expect((await syncStickyComment(f.api, body('clean'), 'delete')).action).toBe('skipped');
  });
});

describe('stickyPolicy', () => {
  it('always: show the verdict every time; on-failure: only when it needs attention, else keep or delete the existing one; never: nothing', () => {
    expect(stickyPolicy('always', 'update', false)).toBe('upsert');
    expect(stickyPolicy('always', 'delete', false)).toBe('upsert');
    expect(stickyPolicy('on-failure', 'update', true)).toBe('upsert');
    expect(stickyPolicy('on-failure', 'update', false)).toBe('update-only');
    expect(stickyPolicy('on-failure', 'delete', false)).toBe('delete');
    expect(stickyPolicy('never', 'update', true)).toBeNull();
  });
});

describe('suggestionsFor', () => {
  const everywhere = () => true;

  it('suggests the right value on line 1 of a version file the PR changed to a wrong value', () => {
    const r = report({
      schema: {
        declared: 'minor',
        head: '2.6.0',
        required: 'minor',
        suggested: '2.5.0',
        status: 'not-one-step',
        fixes: [{ file: 'driver/SCHEMA_VERSION', line: 1, text: '2.5.0' }],
      },
      verdict: 'fail',
    });
    const [s, ...rest] = suggestionsFor(r, everywhere);
    expect(rest).toEqual([]);
    expect(s).toEqual({
      path: 'driver/SCHEMA_VERSION',
      line: 1,
      body: `${SUGGESTION_MARKER}\n**driver-semver**: \`driver/SCHEMA_VERSION\` holds \`2.6.0\`; the changes in this PR need a **minor** bump from \`2.4.0\`, so it should be \`2.5.0\`.\n\n\`\`\`suggestion\n2.5.0\n\`\`\``,
    });
  });

  it("a major covers both files, the version file and libscap's minimum, when both lines are in the PR diff", () => {
    const define = '#define SCAP_MINIMUM_DRIVER_SCHEMA_VERSION PPM_API_VERSION(3, 0, 0)';
    const fixes = [
      { file: 'driver/SCHEMA_VERSION', line: 1, text: '3.0.0' },
      { file: 'userspace/libscap/scap.h', line: 103, text: define },
    ];
    const r = report({
      schema: { declared: 'minor', head: '2.5.0', required: 'major', suggested: '3.0.0', status: 'too-small', fixes },
      verdict: 'fail',
    });
    const both = suggestionsFor(r, everywhere);
    expect(both.map((x) => [x.path, x.line])).toEqual([
      ['driver/SCHEMA_VERSION', 1],
      ['userspace/libscap/scap.h', 103],
    ]);
    expect(both[1]!.body).toContain(`\`\`\`suggestion\n${define}\n\`\`\``);
    expect(both[1]!.body).toContain('with `SCHEMA_VERSION` at `3.0.0`');
    // A line outside the PR diff cannot carry a review comment: the sticky comment covers it.
    expect(suggestionsFor(r, (p) => p === 'driver/SCHEMA_VERSION').map((x) => x.path)).toEqual([
      'driver/SCHEMA_VERSION',
    ]);
    expect(suggestionsFor(r, () => false)).toEqual([]);
  });

  it('no suggestion without a fix, nor for text a suggestion block cannot hold', () => {
    expect(
      suggestionsFor(
        report({ schema: { declared: 'minor', head: '2.5.0', status: 'unexplained' }, verdict: 'warn' }),
        everywhere,
      ),
    ).toEqual([]);
    const hostile = report({
      schema: { status: 'missing', fixes: [{ file: 'driver/SCHEMA_VERSION', line: 1, text: '2.5.0```\n@admin' }] },
      verdict: 'fail',
    });
    expect(suggestionsFor(hostile, everywhere)).toEqual([]);
  });
});

describe('syncSuggestions', () => {
  const wrong = report({
    schema: {
      declared: 'minor',
      head: '2.6.0',
      required: 'minor',
      suggested: '2.5.0',
      status: 'not-one-step',
      fixes: [{ file: 'driver/SCHEMA_VERSION', line: 1, text: '2.5.0' }],
    },
    verdict: 'fail',
  });

  it('posts once, keeps it on re-runs, and removes it once stale', async () => {
    const f = fakeApi();
    expect(
      await syncSuggestions(
        f.api,
        HEAD,
        suggestionsFor(wrong, () => true),
      ),
    ).toEqual({ created: 1, kept: 0, deleted: 0 });
    expect(
      await syncSuggestions(
        f.api,
        HEAD,
        suggestionsFor(wrong, () => true),
      ),
    ).toEqual({ created: 0, kept: 1, deleted: 0 });
    expect(f.log.filter((l) => l.startsWith('review'))).toEqual(['review driver/SCHEMA_VERSION:1@aaaa']);
    expect(await syncSuggestions(f.api, HEAD, [])).toEqual({ created: 0, kept: 0, deleted: 1 });
    expect(f.review).toEqual([]);
  });

  it('replaces ours when the wrong value changed; never touches a forged one', async () => {
    const forged = {
      id: 9,
      body: `${SUGGESTION_MARKER}\nforged`,
      path: 'driver/SCHEMA_VERSION',
      user: USER('mallory'),
    };
    const f = fakeApi(
      [],
      [forged, { id: 10, body: `${SUGGESTION_MARKER}\nold value`, path: 'driver/SCHEMA_VERSION', user: BOT }],
    );
    expect(
      await syncSuggestions(
        f.api,
        HEAD,
        suggestionsFor(wrong, () => true),
      ),
    ).toEqual({ created: 1, kept: 0, deleted: 1 });
    expect(f.review.map((c) => c.id)).toEqual([9, 500]);
  });
});
