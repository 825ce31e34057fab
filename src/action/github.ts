import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { retriesLeft, retryRateLimit, type RetryPolicy } from './retry.js';

/** The few GitHub API calls the action makes, behind an interface so the logic is testable without HTTP. */
export interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string } | null;
  html_url?: string;
}

export interface ReviewComment extends Comment {
  path: string;
}

export interface GitHubApi {
  listIssueComments(): Promise<Comment[]>;
  createIssueComment(body: string): Promise<Comment>;
  updateIssueComment(id: number, body: string): Promise<Comment>;
  deleteIssueComment(id: number): Promise<void>;
  listReviewComments(): Promise<ReviewComment[]>;
  createReviewComment(c: { body: string; commitId: string; path: string; line: number }): Promise<ReviewComment>;
  deleteReviewComment(id: number): Promise<void>;
  /** The login behind the token, or null when the token cannot say (a GITHUB_TOKEN cannot). */
  viewerLogin(): Promise<string | null>;
}

export interface ApiTarget {
  owner: string;
  repo: string;
  number: number;
}

type RawComment = {
  id: number;
  body?: string | null;
  user?: { login: string; type: string } | null;
  html_url?: string;
  path?: string;
};

function comment(c: RawComment): Comment {
  return {
    id: c.id,
    body: c.body ?? '',
    user: c.user ? { login: c.user.login, type: c.user.type } : null,
    ...(c.html_url ? { html_url: c.html_url } : {}),
  };
}

/**
 * An Octokit client through @actions/github (so GITHUB_API_URL is honoured) with the retry and
 * throttling plugins (see retry.ts for the policy). `request: { fetch }` keeps requests on
 * Node's own fetch, and logs every answer that is an error.
 */
export function octokitApi(
  token: string,
  target: ApiTarget,
  policy: RetryPolicy,
  log: (msg: string) => void,
): GitHubApi {
  const unit = policy.unitMs;
  const octokit = getOctokit(
    token,
    {
      // Every attempt goes through this fetch, retries included: the log says what GitHub answered.
      request: {
        fetch: async (url: string, init?: RequestInit) => {
          const res = await globalThis.fetch(url, init);
          if (res.status >= 400)
            log(`GitHub API ${init?.method ?? 'GET'} ${new URL(url).pathname} answered ${res.status}`);
          return res;
        },
      },
      userAgent: 'driver-semver',
      retry: { retries: policy.retries, retryAfterBaseValue: unit },
      throttle: {
        retryAfterBaseValue: unit,
        // GitHub asks for a second between writes; the notifying ones (comments) get three.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: unit }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * unit }),
        onRateLimit: (after: number, o: { method: string; url: string }, _k: unknown, count: number) =>
          rateLimited('rate limit', after, o, count),
        onSecondaryRateLimit: (after: number, o: { method: string; url: string }, _k: unknown, count: number) =>
          rateLimited('secondary rate limit', after, o, count),
      },
    },
    retry,
    throttling,
  );
  function rateLimited(what: string, after: number, o: { method: string; url: string }, count: number): boolean {
    const again = retryRateLimit(policy, after, count);
    log(
      `GitHub API ${o.method} ${o.url} hit a ${what}; ${again ? `retry ${count + 1}/${policy.retries} in ${after * unit} ms` : 'not retried'}`,
    );
    return again;
  }
  // Past the step's deadline a failing request is final. (plugin-retry reads request.retries, and
  // retries any failure that carries it: so it is set only to stop retries, never to allow them.)
  octokit.hook.before('request', (options) => {
    if (retriesLeft(policy) === 0) options.request = { ...options.request, retries: 0 };
  });
  const { owner, repo, number } = target;
  return {
    async listIssueComments() {
      const all = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: number,
        per_page: 100,
      });
      return all.map((c) => comment(c as RawComment));
    },
    async createIssueComment(body) {
      return comment(
        (await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })).data as RawComment,
      );
    },
    async updateIssueComment(id, body) {
      return comment(
        (await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data as RawComment,
      );
    },
    async deleteIssueComment(id) {
      await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id });
    },
    async listReviewComments() {
      const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
        owner,
        repo,
        pull_number: number,
        per_page: 100,
      });
      return all.map((c) => ({ ...comment(c as RawComment), path: (c as RawComment).path ?? '' }));
    },
    async createReviewComment({ body, commitId, path, line }) {
      const c = (
        await octokit.rest.pulls.createReviewComment({
          owner,
          repo,
          pull_number: number,
          body,
          commit_id: commitId,
          path,
          line,
          side: 'RIGHT',
        })
      ).data as RawComment;
      return { ...comment(c), path: c.path ?? path };
    },
    async deleteReviewComment(id) {
      await octokit.rest.pulls.deleteReviewComment({ owner, repo, comment_id: id });
    },
    async viewerLogin() {
      try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
      } catch {
        return null;
      }
    },
  };
}

/** A one-line description of an API error, for warnings. */
export function describeApiError(err: unknown): string {
  const e = err as { status?: number; message?: string };
  // Octokit appends the documentation URL (" - https://docs.github.com/..."): not news to anyone.
  const msg = (e.message ?? String(err))
    .split('\n')[0]!
    .replace(/ - https?:\/\/\S+$/, '')
    .slice(0, 300);
  return e.status ? `${e.status} ${msg}` : msg;
}
