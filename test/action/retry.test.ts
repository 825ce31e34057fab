import { describe, expect, it } from 'vitest';
import { defaultPolicy, transient, withRetry, type RetryPolicy } from '../../src/action/retry.js';

function httpError(status: number, message = 'boom', headers: Record<string, string> = {}) {
  return Object.assign(new Error(message), { status, response: { headers } });
}

function policy(): RetryPolicy & { slept: number[] } {
  const slept: number[] = [];
  return { ...defaultPolicy(100), sleep: async (ms) => void slept.push(ms), slept };
}

describe('transient', () => {
  it('5xx, 429 and network failures are transient', () => {
    for (const s of [500, 502, 503, 504, 429]) expect(transient(httpError(s)).retry).toBe(true);
  });

  it('403 only when it is a rate limit', () => {
    expect(transient(httpError(403, 'Resource not accessible by integration')).retry).toBe(false);
    expect(transient(httpError(403, 'You have exceeded a secondary rate limit')).retry).toBe(true);
    expect(transient(httpError(403, 'API rate limit exceeded for installation')).retry).toBe(true);
    expect(transient(httpError(403, 'forbidden', { 'retry-after': '3' }))).toEqual({ retry: true, retryAfterMs: 3000 });
    expect(transient(httpError(403, 'forbidden', { 'x-ratelimit-remaining': '0' })).retry).toBe(true);
  });

  it('other errors are final', () => {
    for (const s of [400, 401, 404, 409, 422]) expect(transient(httpError(s)).retry).toBe(false);
    expect(transient(new Error('no status')).retry).toBe(false);
    expect(transient(null).retry).toBe(false);
  });

  it('reads retry-after as seconds or as an HTTP date', () => {
    const inTwo = new Date(Date.now() + 2000).toUTCString();
    const ms = transient(httpError(503, 'x', { 'retry-after': inTwo })).retryAfterMs!;
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThanOrEqual(2000);
  });
});

describe('withRetry', () => {
  it('retries with doubling delays and returns the first success', async () => {
    const p = policy();
    let calls = 0;
    const seen: number[] = [];
    const v = await withRetry(
      async () => {
        if (++calls < 3) throw httpError(502);
        return 'ok';
      },
      p,
      (_e, attempt) => seen.push(attempt),
    );
    expect(v).toBe('ok');
    expect(calls).toBe(3);
    expect(p.slept).toEqual([100, 200]);
    expect(seen).toEqual([1, 2]);
  });

  it('gives up after the bounded number of retries and rethrows the last error', async () => {
    const p = policy();
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw httpError(503, `attempt ${calls}`);
      }, p),
    ).rejects.toThrow('attempt 4');
    expect(calls).toBe(4);
    expect(p.slept).toEqual([100, 200, 400]);
  });

  it('honours retry-after, capped at maxDelayMs', async () => {
    const p = policy();
    let calls = 0;
    await withRetry(async () => {
      if (++calls === 1) throw httpError(403, 'secondary rate limit', { 'retry-after': '1' });
      if (calls === 2) throw httpError(429, 'slow down', { 'retry-after': '3600' });
      return 1;
    }, p);
    expect(p.slept).toEqual([1000, 3000]);
  });

  it('all retries sharing a policy stop once its sleep budget is spent', async () => {
    const p = { ...policy(), budget: { ms: 250 } };
    const failing = () =>
      withRetry(async () => {
        throw httpError(502, 'down');
      }, p);
    await expect(failing()).rejects.toThrow('down');
    // 100 fits the 250 ms budget; the next delay (200) does not fit the 150 left: the error is final.
    expect(p.slept).toEqual([100]);
    expect(p.budget.ms).toBe(150);
    await expect(failing()).rejects.toThrow('down');
    expect(p.slept).toEqual([100, 100]);
    expect(p.budget.ms).toBe(50);
  });

  it('does not retry a final error', async () => {
    const p = policy();
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw httpError(404, 'Not Found');
      }, p),
    ).rejects.toThrow('Not Found');
    expect(calls).toBe(1);
    expect(p.slept).toEqual([]);
  });
});
