/**
 * Login throttling, per account and per client IP. Pure: the repository hands
 * over the recent failures, the clock comes in as `now`.
 *
 * - Account: after `accountMaxFailures` consecutive failures (none successful
 *   since) inside the window, the account is locked until `lockMinutes` after
 *   the last failure. The lock applies to the name typed, whether or not it
 *   exists, so it tells an attacker nothing about which accounts exist.
 * - IP: more than `ipMaxFailures` failures inside the window from one address
 *   refuses every attempt from it until the oldest counted failure leaves it.
 */
export interface ThrottlePolicy {
  windowMinutes: number;
  accountMaxFailures: number;
  lockMinutes: number;
  ipMaxFailures: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMinutes: 15,
  accountMaxFailures: 5,
  lockMinutes: 15,
  ipMaxFailures: 30,
};

export type ThrottleVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'account_locked' | 'ip_rate_limited'; retryAfterSeconds: number };

const MINUTE = 60_000;

export function evaluateLoginThrottle(input: {
  accountFailures: readonly Date[]; // failures for this account name since its last success
  ipFailures: readonly Date[]; // failures from this IP
  now: Date;
  policy?: ThrottlePolicy;
}): ThrottleVerdict {
  const policy = input.policy ?? DEFAULT_THROTTLE;
  const now = input.now.getTime();
  const windowStart = now - policy.windowMinutes * MINUTE;

  const accountRecent = input.accountFailures
    .map((d) => d.getTime())
    .filter((t) => t > windowStart)
    .sort((a, b) => a - b);
  if (accountRecent.length >= policy.accountMaxFailures) {
    const last = accountRecent[accountRecent.length - 1]!;
    const until = last + policy.lockMinutes * MINUTE;
    if (until > now) {
      return { allowed: false, reason: 'account_locked', retryAfterSeconds: Math.ceil((until - now) / 1000) };
    }
  }

  const ipRecent = input.ipFailures
    .map((d) => d.getTime())
    .filter((t) => t > windowStart)
    .sort((a, b) => a - b);
  if (ipRecent.length >= policy.ipMaxFailures) {
    // The address is free again once enough failures have aged out of the window.
    const oldestCounted = ipRecent[ipRecent.length - policy.ipMaxFailures]!;
    const until = oldestCounted + policy.windowMinutes * MINUTE;
    return { allowed: false, reason: 'ip_rate_limited', retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
  }
  return { allowed: true };
}
