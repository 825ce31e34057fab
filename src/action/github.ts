import { getOctokit } from '@actions/github';
import { withRetry, type RetryPolicy } from './retry.js';

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

type RawComment = { id: number; body?: string | null; user?: { login: string; type: string } | null; html_url?: string; path?: string };

function comment(c: RawComment): Comment {
  return { id: c.id, body: c.body ?? '', user: c.user ? { login: c.user.login, type: c.user.type } : null, ...(c.html_url ? { html_url: c.html_url } : {}) };
}

/**
 * An Octokit client (through @actions/github, so GITHUB_API_URL is honoured) that retries
 * transient errors on every request. `request: { fetch }` keeps requests on Node's own fetch.
 */
export function octokitApi(token: string, target: ApiTarget, policy: RetryPolicy, onRetry: (msg: string) => void): GitHubApi {
  const octokit = getOctokit(token, { request: { fetch: globalThis.fetch }, userAgent: 'driver-semver' });
  octokit.hook.wrap('request', (request, options) =>
    withRetry(async () => request(options), policy, (err, attempt, delay) => {
      const status = (err as { status?: number }).status ?? '?';
      onRetry(`GitHub API ${options.method} ${String(options.url)} answered ${status}; retry ${attempt}/${policy.retries} in ${delay} ms`);
    }),
  );
  const { owner, repo, number } = target;
  return {
    async listIssueComments() {
      const all = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
      return all.map((c) => comment(c as RawComment));
    },
    async createIssueComment(body) {
      return comment((await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })).data as RawComment);
    },
    async updateIssueComment(id, body) {
      return comment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data as RawComment);
    },
    async deleteIssueComment(id) {
      await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id });
    },
    async listReviewComments() {
      const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner, repo, pull_number: number, per_page: 100 });
      return all.map((c) => ({ ...comment(c as RawComment), path: (c as RawComment).path ?? '' }));
    },
    async createReviewComment({ body, commitId, path, line }) {
      const c = (await octokit.rest.pulls.createReviewComment({ owner, repo, pull_number: number, body, commit_id: commitId, path, line, side: 'RIGHT' })).data as RawComment;
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
  const msg = (e.message ?? String(err)).split('\n')[0]!.replace(/ - https?:\/\/\S+$/, '').slice(0, 300);
  return e.status ? `${e.status} ${msg}` : msg;
}
