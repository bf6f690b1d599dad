import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './retry-backoff.ts';

describe('delivery retries', () => {
  it('double from 30 seconds up to an hour, and never stop', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(8)).toBe(3600);
    expect(retryDelaySeconds(100)).toBe(3600);
  });
});
