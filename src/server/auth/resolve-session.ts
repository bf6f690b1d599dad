import type { Actor } from '../../domain/access/roles.ts';
import { isSessionExpired, shouldTouchSession } from '../../domain/auth/session-expiry.ts';
import type { Db } from '../../db/open-db.ts';
import type { Config } from '../config.ts';
import { endSession, findSessionWithUser, touchSession } from './session-repository.ts';

export interface ResolvedSession {
  sessionId: string;
  actor: Actor;
  language: 'fr' | 'de';
  mustChangePassword: boolean;
}

/** The actor behind a session cookie, or null if it is unknown, ended, expired or its user disabled. */
export async function resolveSession(
  db: Db,
  config: Config,
  token: string,
  now: Date,
): Promise<ResolvedSession | null> {
  const row = await findSessionWithUser(db, token);
  if (!row) return null;
  const timeouts = { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS };
  if (row.user.disabledAt || isSessionExpired(row.session, timeouts, now)) {
    await endSession(db, row.session.id, now);
    return null;
  }
  if (shouldTouchSession(row.session.lastSeenAt, now)) await touchSession(db, row.session.id, now);
  return {
    sessionId: row.session.id,
    actor: {
      userId: row.user.id,
      institutionId: row.user.institutionId,
      regionId: row.user.regionId,
      roles: row.user.roles,
    },
    language: row.user.language,
    mustChangePassword: row.user.mustChangePassword,
  };
}
