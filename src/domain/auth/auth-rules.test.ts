import { describe, expect, it } from 'vitest';
import { accountDelaySeconds, evaluateLoginThrottle } from './login-throttle.ts';
import { checkPassword } from './password-policy.ts';
import { isSessionExpired, sessionExpiry, shouldTouchSession } from './session-expiry.ts';

const t0 = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('login throttle', () => {
  const none: Date[] = [];
  const seconds = (n: number) => new Date(t0.getTime() + n * 1000);

  it('locks one address out of one account at the fifth failure, for fifteen minutes after the last', () => {
    const four = [0, 1, 2, 3].map(at);
    expect(
      evaluateLoginThrottle({ accountFailures: four, accountAddressFailures: four, ipFailures: four, now: at(4) }),
    ).toEqual({ allowed: true });
    const five = [0, 1, 2, 3, 4].map(at);
    const verdict = evaluateLoginThrottle({
      accountFailures: five,
      accountAddressFailures: five,
      ipFailures: five,
      now: at(5),
    });
    expect(verdict).toEqual({ allowed: false, reason: 'address_locked', retryAfterSeconds: 14 * 60 });
    expect(
      evaluateLoginThrottle({ accountFailures: five, accountAddressFailures: five, ipFailures: five, now: at(19) })
        .allowed,
    ).toBe(true);
  });

  it('does not lock the account for another address: the owner signs in while an attacker is locked out', () => {
    const five = [0, 1, 2, 3, 4].map(at);
    expect(
      evaluateLoginThrottle({ accountFailures: five, accountAddressFailures: none, ipFailures: none, now: at(5) }),
    ).toEqual({ allowed: true });
  });

  it('slows the account after ten failures from anywhere, doubling the wait up to a minute, never locking it', () => {
    const failures = (n: number) => Array.from({ length: n }, (_, i) => seconds(i));
    expect(
      evaluateLoginThrottle({
        accountFailures: failures(9),
        accountAddressFailures: none,
        ipFailures: none,
        now: seconds(9),
      }),
    ).toEqual({ allowed: true });
    // Ten failures, the last at 9 s: the next attempt waits one second after it.
    expect(
      evaluateLoginThrottle({
        accountFailures: failures(10),
        accountAddressFailures: none,
        ipFailures: none,
        now: seconds(9),
      }),
    ).toEqual({ allowed: false, reason: 'account_slowed', retryAfterSeconds: 1 });
    expect(
      evaluateLoginThrottle({
        accountFailures: failures(10),
        accountAddressFailures: none,
        ipFailures: none,
        now: seconds(10),
      }).allowed,
    ).toBe(true);
    expect(
      evaluateLoginThrottle({
        accountFailures: failures(12),
        accountAddressFailures: none,
        ipFailures: none,
        now: seconds(12),
      }),
    ).toMatchObject({ retryAfterSeconds: 3 });
    expect(
      evaluateLoginThrottle({
        accountFailures: failures(40),
        accountAddressFailures: none,
        ipFailures: none,
        now: seconds(40),
      }),
    ).toMatchObject({ reason: 'account_slowed', retryAfterSeconds: 59 });
    expect(
      evaluateLoginThrottle({
        accountFailures: failures(40),
        accountAddressFailures: none,
        ipFailures: none,
        now: seconds(99),
      }).allowed,
    ).toBe(true);
    expect([9, 10, 11, 12, 15, 16, 17, 100].map((n) => accountDelaySeconds(n))).toEqual([0, 1, 2, 4, 32, 60, 60, 60]);
  });

  it('forgets failures older than the window', () => {
    const old = [0, 1, 2, 3].map(at);
    const verdict = evaluateLoginThrottle({
      accountFailures: [...old, at(20)],
      accountAddressFailures: [...old, at(20)],
      ipFailures: [],
      now: at(21),
    });
    expect(verdict.allowed).toBe(true);
    const manyOld = Array.from({ length: 20 }, (_, i) => at(i * 0.01));
    expect(
      evaluateLoginThrottle({ accountFailures: manyOld, accountAddressFailures: none, ipFailures: none, now: at(16) })
        .allowed,
    ).toBe(true);
  });

  it('rate-limits an address after thirty failures until enough of them age out', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => at(i * 0.1));
    const verdict = evaluateLoginThrottle({
      accountFailures: [],
      accountAddressFailures: [],
      ipFailures: thirty,
      now: at(5),
    });
    expect(verdict).toMatchObject({ allowed: false, reason: 'ip_rate_limited' });
    expect(
      evaluateLoginThrottle({ accountFailures: [], accountAddressFailures: [], ipFailures: thirty, now: at(15.01) })
        .allowed,
    ).toBe(true);
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
