/**
 * Bounded retries of transient GitHub API errors: 5xx (and network failures, which Octokit
 * reports as 500), 429, and 403s that are rate limits (a `retry-after` header, an exhausted
 * `x-ratelimit-remaining`, or a "rate limit" message — GitHub's secondary limits). Any other
 * error (404, 422, a plain 403 from a read-only token) is final at once. Delays are injectable
 * so tests do not sleep.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff delay; doubles per retry. */
  baseDelayMs: number;
  /** Upper bound of any one delay, `retry-after` included. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Sleep left for all retries that share this policy (one API client): bounds the whole comment step. */
  budget?: { ms: number };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The default policy: 3 retries, 1 s, 2 s, 4 s, never more than 30 s (base × 30), 60 s in all (base × 60). */
export function defaultPolicy(baseDelayMs = 1000): RetryPolicy {
  return { retries: 3, baseDelayMs, maxDelayMs: baseDelayMs * 30, sleep, budget: { ms: baseDelayMs * 60 } };
}

/** The shape of an Octokit RequestError that matters here. */
interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

function header(e: HttpError, name: string): string | undefined {
  const v = e.response?.headers?.[name];
  return v === undefined ? undefined : String(v);
}

/** Whether an error is worth retrying, and the delay the server asked for (ms), if any. */
export function transient(err: unknown): { retry: boolean; retryAfterMs: number | null } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as HttpError;
  const status = typeof e.status === 'number' ? e.status : 0;
  const ra = header(e, 'retry-after');
  let retryAfterMs: number | null = null;
  if (ra !== undefined) {
    const secs = Number(ra);
    if (Number.isFinite(secs) && secs >= 0) retryAfterMs = secs * 1000;
    else {
      const at = Date.parse(ra);
      if (!Number.isNaN(at)) retryAfterMs = Math.max(0, at - Date.now());
    }
  }
  if (status >= 500 || status === 429) return { retry: true, retryAfterMs };
  if (status === 403) {
    const limited = ra !== undefined || header(e, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(e.message ?? '');
    return { retry: limited, retryAfterMs };
  }
  return { retry: false, retryAfterMs: null };
}

/** Runs `fn`, retrying transient errors per `policy`; rethrows the last error. */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy, onRetry?: (err: unknown, attempt: number, delayMs: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const t = transient(err);
      if (!t.retry || attempt >= policy.retries) throw err;
      const delay = Math.min(policy.maxDelayMs, t.retryAfterMs ?? policy.baseDelayMs * 2 ** attempt);
      if (policy.budget) {
        if (delay > policy.budget.ms) throw err;
        policy.budget.ms -= delay;
      }
      onRetry?.(err, attempt + 1, delay);
      await policy.sleep(delay);
    }
  }
}
