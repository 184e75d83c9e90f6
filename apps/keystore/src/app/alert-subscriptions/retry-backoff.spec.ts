import { retryDelayMs } from './retry-backoff';

describe('webhook retry backoff', () => {
  const defaults = { baseMs: 1000, maxMs: 300_000 };

  it('doubles from the base: 1 s, 2 s, 4 s, 8 s …', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, defaults))).toEqual([1000, 2000, 4000, 8000, 16_000]);
  });

  it('is capped at five minutes by default', () => {
    expect(retryDelayMs(9, defaults)).toBe(256_000);
    expect(retryDelayMs(10, defaults)).toBe(300_000);
    expect(retryDelayMs(1000, defaults)).toBe(300_000);
  });

  it('takes the base from configuration (tests use milliseconds)', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, { baseMs: 20, maxMs: 100 }))).toEqual([20, 40, 80, 100]);
  });

  it('treats zero or a fraction of a failure as the first', () => {
    expect(retryDelayMs(0, defaults)).toBe(1000);
    expect(retryDelayMs(1.7, defaults)).toBe(1000);
  });
});
