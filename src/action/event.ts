import { InputError, readInputFile } from '../errors.js';

/**
 * What the action needs from the runner's environment and the event payload. The payload is
 * data from the PR (body, branch names): it is validated here and never run or interpolated.
 */
export interface PullRequest {
  number: number;
  baseSha: string;
  headSha: string;
  /** The base branch name (validated as a plain ref name), to fetch the base when it is missing. */
  baseRef: string | null;
  body: string;
}

export interface EventInfo {
  /** GITHUB_EVENT_NAME. */
  name: string;
  /** OWNER/REPO (GITHUB_REPOSITORY). */
  owner: string;
  repo: string;
  /** https://github.com (GITHUB_SERVER_URL). */
  serverUrl: string;
  runUrl: string | null;
  pr: PullRequest | null;
  /** The revisions the event names: PR base/head, push before/after; undefined when it names none. */
  base?: string;
  head?: string;
  /** The pushed tag (refs/tags/X), if any. */
  tag: string | null;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const ZERO = /^0+$/;
const PR_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

/** A ref name we are willing to pass to git fetch (after `refs/heads/`). */
export function isPlainRef(s: unknown): s is string {
  return (
    typeof s === 'string' &&
    s.length <= 255 &&
    /^[A-Za-z0-9._/-]+$/.test(s) &&
    !s.startsWith('-') &&
    !s.includes('..') &&
    !s.startsWith('/')
  );
}

function sha(v: unknown, what: string): string {
  if (typeof v !== 'string' || !SHA.test(v)) throw new InputError(`event payload: ${what} is not a commit id`);
  return v;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);

export function readEvent(env: NodeJS.ProcessEnv): EventInfo {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!m)
    throw new InputError(
      `GITHUB_REPOSITORY '${repository.slice(0, 100)}' is not OWNER/REPO: run driver-semver as a GitHub Action step`,
    );
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const runId = env.GITHUB_RUN_ID;
  const runUrl = runId && /^\d+$/.test(runId) ? `${serverUrl}/${repository}/actions/runs/${runId}` : null;

  let payload: Obj = {};
  const file = env.GITHUB_EVENT_PATH;
  if (file) {
    const text = readInputFile(file, `GITHUB_EVENT_PATH ${file}`);
    try {
      payload = obj(JSON.parse(text)) ?? {};
    } catch {
      throw new InputError(`GITHUB_EVENT_PATH ${file}: not valid JSON`);
    }
  }

  const ref = env.GITHUB_REF ?? '';
  const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : null;
  const info: EventInfo = { name, owner: m[1]!, repo: m[2]!, serverUrl, runUrl, pr: null, tag };

  const pr = obj(payload.pull_request);
  if (PR_EVENTS.has(name) && pr) {
    const number = pr.number;
    if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0)
      throw new InputError('event payload: pull_request.number is not a PR number');
    const base = obj(pr.base) ?? {};
    const head = obj(pr.head) ?? {};
    info.pr = {
      number,
      baseSha: sha(base.sha, 'pull_request.base.sha'),
      headSha: sha(head.sha, 'pull_request.head.sha'),
      baseRef: isPlainRef(base.ref) ? base.ref : null,
      body: typeof pr.body === 'string' ? pr.body : '',
    };
    info.base = info.pr.baseSha;
    info.head = info.pr.headSha;
  } else if (name === 'merge_group') {
    const mg = obj(payload.merge_group) ?? {};
    info.base = sha(mg.base_sha, 'merge_group.base_sha');
    info.head = sha(mg.head_sha, 'merge_group.head_sha');
  } else if (name === 'push') {
    const after = payload.after;
    const before = payload.before;
    if (typeof after === 'string' && SHA.test(after) && !ZERO.test(after)) info.head = after;
    // A new branch or tag has no 'before': the base is then the default branch (runCheck's default).
    if (typeof before === 'string' && SHA.test(before) && !ZERO.test(before)) info.base = before;
  }
  return info;
}
