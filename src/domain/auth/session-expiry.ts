/**
 * A session ends after `idleMinutes` without a request, or `absoluteHours`
 * after sign-in, whichever comes first.
 */
export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export function sessionExpiry(session: { createdAt: Date; lastSeenAt: Date }, timeouts: SessionTimeouts): Date {
  const idle = session.lastSeenAt.getTime() + timeouts.idleMinutes * 60_000;
  const absolute = session.createdAt.getTime() + timeouts.absoluteHours * 3_600_000;
  return new Date(Math.min(idle, absolute));
}

export function isSessionExpired(
  session: { createdAt: Date; lastSeenAt: Date },
  timeouts: SessionTimeouts,
  now: Date,
): boolean {
  return sessionExpiry(session, timeouts).getTime() <= now.getTime();
}

/** Refresh `lastSeenAt` at most once a minute: a write on every request would be waste. */
export function shouldTouchSession(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= 60_000;
}
