import { describe, expect, it } from 'vitest';
import { defaultPolicy, retriesLeft, retryRateLimit } from '../../src/action/retry.js';

describe('the retry policy the plugins are given', () => {
  const now = 1_000_000;
  const policy = defaultPolicy(1000, now);

  it('retries a rate limit up to 3 times when GitHub asks for at most 60 s', () => {
    expect(retryRateLimit(policy, 0, 0, now)).toBe(true);
    expect(retryRateLimit(policy, 60, 2, now)).toBe(true);
    expect(retryRateLimit(policy, 60, 3, now)).toBe(false);
    expect(retryRateLimit(policy, 61, 0, now)).toBe(false);
  });

  it('starts no retry after the comment step deadline (2 minutes)', () => {
    expect(retriesLeft(policy, now)).toBe(3);
    expect(retriesLeft(policy, now + 119_999)).toBe(3);
    expect(retriesLeft(policy, now + 120_000)).toBe(0);
    // A wait that would end past the deadline is not started either.
    expect(retryRateLimit(policy, 30, 0, now + 100_000)).toBe(false);
    expect(retryRateLimit(policy, 20, 0, now + 100_000)).toBe(true);
  });

  it('the test hook scales the waits, not the deadline', () => {
    const fast = defaultPolicy(5, now);
    expect(fast.deadline - now).toBe(120_000);
    expect(retryRateLimit(fast, 60, 0, now)).toBe(true);
    // 60 units of 5 ms end past the deadline only when it is under 300 ms away.
    expect(retryRateLimit(fast, 60, 0, now + 119_800)).toBe(false);
    expect(retryRateLimit(fast, 61, 0, now)).toBe(false);
  });
});
