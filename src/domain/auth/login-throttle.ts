/**
 * Login throttling. Pure: the repository hands over the recent failures, the
 * clock comes in as `now`. Three limits, so that guessing is slow but nobody
 * can lock another person out of their account (decision 011):
 *
 * - Account + address: after `addressMaxFailures` failures for one account
 *   name from one address (none successful from there since) inside the
 *   window, that address may not try that account until `addressLockMinutes`
 *   after its last failure. The owner, from another address, is not affected.
 * - Account, across addresses: from `accountSlowdownAfter` failures inside
 *   the window (none successful since), each further attempt waits a delay
 *   since the last failure, doubling from `accountBaseDelaySeconds` up to
 *   `accountMaxDelaySeconds`. A delay, never a lock: a distributed guesser
 *   gets about one guess a minute, the owner waits a minute at worst.
 * - Address: `ipMaxFailures` failures inside the window from one address,
 *   whatever the account names, refuse every attempt from it until the oldest
 *   counted failure leaves the window.
 *
 * The limits apply to the name typed, whether or not the account exists, so
 * they tell an attacker nothing about which accounts exist.
 */
export interface ThrottlePolicy {
  windowMinutes: number;
  addressMaxFailures: number;
  addressLockMinutes: number;
  accountSlowdownAfter: number;
  accountBaseDelaySeconds: number;
  accountMaxDelaySeconds: number;
  ipMaxFailures: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMinutes: 15,
  addressMaxFailures: 5,
  addressLockMinutes: 15,
  accountSlowdownAfter: 10,
  accountBaseDelaySeconds: 1,
  accountMaxDelaySeconds: 60,
  ipMaxFailures: 30,
};

export type ThrottleReason = 'ip_rate_limited' | 'address_locked' | 'account_slowed';
export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: ThrottleReason; retryAfterSeconds: number };

const MINUTE = 60_000;

export function evaluateLoginThrottle(input: {
  accountFailures: readonly Date[]; // failures for this account name since its last success, from anywhere
  // failures for this account name from this address since its last success from there
  accountAddressFailures: readonly Date[];
  ipFailures: readonly Date[]; // failures from this address, any account name
  now: Date;
  policy?: ThrottlePolicy;
}): ThrottleVerdict {
  const policy = input.policy ?? DEFAULT_THROTTLE;
  const now = input.now.getTime();
  const windowStart = now - policy.windowMinutes * MINUTE;
  const recent = (dates: readonly Date[]) =>
    dates
      .map((d) => d.getTime())
      .filter((t) => t > windowStart)
      .sort((a, b) => a - b);
  const refuse = (reason: ThrottleReason, until: number): ThrottleVerdict => ({
    allowed: false,
    reason,
    retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
  });

  const ipRecent = recent(input.ipFailures);
  // The address is free again once enough failures have aged out of the window.
  const oldestCounted = ipRecent.at(-policy.ipMaxFailures);
  if (ipRecent.length >= policy.ipMaxFailures && oldestCounted !== undefined) {
    return refuse('ip_rate_limited', oldestCounted + policy.windowMinutes * MINUTE);
  }

  const addressRecent = recent(input.accountAddressFailures);
  const lastAddressFailure = addressRecent.at(-1);
  if (addressRecent.length >= policy.addressMaxFailures && lastAddressFailure !== undefined) {
    const until = lastAddressFailure + policy.addressLockMinutes * MINUTE;
    if (until > now) return refuse('address_locked', until);
  }

  const accountRecent = recent(input.accountFailures);
  const delay = accountDelaySeconds(accountRecent.length, policy);
  const lastAccountFailure = accountRecent.at(-1);
  if (delay > 0 && lastAccountFailure !== undefined) {
    const until = lastAccountFailure + delay * 1000;
    if (until > now) return refuse('account_slowed', until);
  }
  return { allowed: true };
}

/** The wait after `failures` recent failures of one account: none up to the threshold, then doubling to the cap. */
export function accountDelaySeconds(failures: number, policy: ThrottlePolicy = DEFAULT_THROTTLE): number {
  if (failures < policy.accountSlowdownAfter) return 0;
  const doublings = Math.min(failures - policy.accountSlowdownAfter, 30);
  return Math.min(policy.accountBaseDelaySeconds * 2 ** doublings, policy.accountMaxDelaySeconds);
}
