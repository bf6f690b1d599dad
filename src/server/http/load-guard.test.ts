import { describe, expect, it } from 'vitest';
import { LoadGuard } from './load-guard.ts';

describe('the load guard', () => {
  it('lets in up to its limit, refuses the next, and says degraded for 30 s after a refusal', () => {
    let now = 1_000_000;
    const guard = new LoadGuard({ maxInFlight: 2, retryAfterSeconds: 5, now: () => now });
    expect(guard.health().status).toBe('ok');
    expect(guard.enter()).toBe(true);
    expect(guard.enter()).toBe(true);
    // Nearly full (80 %) is already degraded.
    expect(guard.health().status).toBe('degraded');
    expect(guard.enter()).toBe(false);
    guard.leave();
    guard.leave();
    expect(guard.health()).toMatchObject({ status: 'degraded', inFlight: 0, refusedSinceStart: 1 });
    now += 30_001;
    expect(guard.health().status).toBe('ok');
    // Leaving more often than entering never goes below zero (a slot given back twice).
    guard.leave();
    expect(guard.health().inFlight).toBe(0);
  });

  it('says degraded while requests wait for a database connection', () => {
    let waiting = 0;
    const guard = new LoadGuard({
      maxInFlight: 10,
      retryAfterSeconds: 5,
      poolLoad: () => ({ waiting, total: 10, max: 10 }),
    });
    expect(guard.health().status).toBe('ok');
    waiting = 3;
    expect(guard.health().status).toBe('degraded');
  });
});
