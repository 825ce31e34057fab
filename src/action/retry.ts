/**
 * Retries of GitHub API errors, through the toolkit's plugins: @octokit/plugin-retry (5xx and
 * other transient statuses, backoff 1 s, 4 s, 9 s; 400, 401, 403, 404, 410, 422 and 451 are
 * final at once) and @octokit/plugin-throttling (rate limits: GitHub's secondary limits and an
 * exhausted `x-ratelimit-remaining`, waiting what GitHub asks; writes spaced as GitHub asks).
 *
 * What the plugins cannot do, and this file adds: a deadline for the whole comment step (no
 * retry starts after it, so an outage costs the job about two minutes at most, never hours) and
 * a cap on the wait a rate limit may ask for (a longer wait is not waited: the error is final
 * and the comment step warns). plugin-retry does not read `retry-after` on a 5xx.
 */

export interface RetryPolicy {
  /** Retries after the first attempt (plugin-retry and, per request, rate limits). */
  retries: number;
  /** The time unit of every wait, 1000 ms; DRIVER_SEMVER_RETRY_DELAY_MS (a test hook) makes it short. */
  unitMs: number;
  /** Longest wait (in units, i.e. seconds) a rate limit may ask for before we give up. */
  maxWaitUnits: number;
  /** No retry starts after this time (ms since the epoch). */
  deadline: number;
}

/** No retry starts later than this after the comment step began (real time: the test hook scales waits, not this). */
export const DEADLINE_MS = 120_000;

/** The default policy: 3 retries, rate-limit waits up to 60 units (60 s), no retry after 2 minutes. */
export function defaultPolicy(unitMs = 1000, now = Date.now()): RetryPolicy {
  return { retries: 3, unitMs, maxWaitUnits: 60, deadline: now + DEADLINE_MS };
}

/** Whether to retry after a rate limit that asks for `retryAfter` units (plugin-throttling's callback). */
export function retryRateLimit(policy: RetryPolicy, retryAfter: number, retryCount: number, now = Date.now()): boolean {
  return (
    retryCount < policy.retries &&
    retryAfter <= policy.maxWaitUnits &&
    now + retryAfter * policy.unitMs <= policy.deadline
  );
}

/** Retries left for a request about to start: none once the deadline has passed (read by plugin-retry). */
export function retriesLeft(policy: RetryPolicy, now = Date.now()): number {
  return now < policy.deadline ? policy.retries : 0;
}
