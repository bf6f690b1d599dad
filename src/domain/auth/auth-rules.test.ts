import { describe, expect, it } from 'vitest';
import { evaluateLoginThrottle } from './login-throttle.ts';
import { checkPassword } from './password-policy.ts';
import { isSessionExpired, sessionExpiry, shouldTouchSession } from './session-expiry.ts';

const t0 = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('login throttle', () => {
  it('allows four failures and locks at the fifth for fifteen minutes after the last', () => {
    const four = [0, 1, 2, 3].map(at);
    expect(evaluateLoginThrottle({ accountFailures: four, ipFailures: four, now: at(4) })).toEqual({ allowed: true });
    const five = [0, 1, 2, 3, 4].map(at);
    const verdict = evaluateLoginThrottle({ accountFailures: five, ipFailures: five, now: at(5) });
    expect(verdict).toEqual({ allowed: false, reason: 'account_locked', retryAfterSeconds: 14 * 60 });
    expect(evaluateLoginThrottle({ accountFailures: five, ipFailures: five, now: at(19) }).allowed).toBe(true);
  });

  it('forgets failures older than the window', () => {
    const old = [0, 1, 2, 3].map(at);
    const verdict = evaluateLoginThrottle({ accountFailures: [...old, at(20)], ipFailures: [], now: at(21) });
    expect(verdict.allowed).toBe(true);
  });

  it('rate-limits an address after thirty failures until enough of them age out', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => at(i * 0.1));
    const verdict = evaluateLoginThrottle({ accountFailures: [], ipFailures: thirty, now: at(5) });
    expect(verdict).toMatchObject({ allowed: false, reason: 'ip_rate_limited' });
    expect(evaluateLoginThrottle({ accountFailures: [], ipFailures: thirty, now: at(15.01) }).allowed).toBe(true);
  });
});

describe('session expiry', () => {
  const timeouts = { idleMinutes: 30, absoluteHours: 10 };
  it('ends at the idle or the absolute limit, whichever is first', () => {
    expect(sessionExpiry({ createdAt: t0, lastSeenAt: at(10) }, timeouts)).toEqual(at(40));
    expect(sessionExpiry({ createdAt: t0, lastSeenAt: at(590) }, timeouts)).toEqual(at(600));
    expect(isSessionExpired({ createdAt: t0, lastSeenAt: at(0) }, timeouts, at(29))).toBe(false);
    expect(isSessionExpired({ createdAt: t0, lastSeenAt: at(0) }, timeouts, at(30))).toBe(true);
  });
  it('refreshes activity at most once a minute', () => {
    expect(shouldTouchSession(t0, at(0.5))).toBe(false);
    expect(shouldTouchSession(t0, at(1))).toBe(true);
  });
});

describe('password policy', () => {
  it('asks for twelve characters, no user name, some variety', () => {
    expect(checkPassword('short', 'anna')[0]?.messageKey).toBe('password.tooShort');
    expect(checkPassword('anna-and-more-text', 'Anna')[0]?.messageKey).toBe('password.containsUsername');
    expect(checkPassword('aaaaaaaaaaaaab', 'x')[0]?.messageKey).toBe('password.tooSimple');
    expect(checkPassword('correct-horse-battery', 'anna')).toEqual([]);
  });
});
