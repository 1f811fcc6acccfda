import { describe, expect, it } from 'vitest';
import { backoffDelay, classify, parseRetryAfter } from '../src/flush/backoff';

describe('backoffDelay()', () => {
  it('is full jitter: uniform in [0, min(cap, base·2^n))', () => {
    expect(backoffDelay(3, 1000, 300_000, () => 0)).toBe(0);
    expect(backoffDelay(3, 1000, 300_000, () => 0.999999)).toBe(7999);
    expect(backoffDelay(30, 1000, 300_000, () => 0.5)).toBe(150_000);
    expect(backoffDelay(1e6, 1000, 300_000, () => 0.5)).toBe(150_000);
  });
});

describe('parseRetryAfter()', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads delta-seconds and HTTP-dates, clamped to [0, 1 h]', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('classify()', () => {
  it.each([
    [200, 'results'],
    [202, 'results'],
    [413, 'split'],
    [408, 'retry'],
    [425, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [0, 'retry'],
    [400, 'dead'],
    [401, 'dead'],
    [403, 'dead'],
    [404, 'dead'],
    [422, 'dead'],
  ])('%i → %s', (status, outcome) => expect(classify(status)).toBe(outcome));
});
