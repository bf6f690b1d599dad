import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/open-db.ts';
import { users } from '../../src/db/schema.ts';
import { type Config, parseConfig } from '../../src/server/config.ts';
import type { AuthedContext } from '../../src/server/http/context.ts';

/**
 * The context a use case receives, built for a user the way the session hook
 * builds it (src/server/http/auth-hook.ts, resolve-session.ts) — the actor
 * from the user row, the user's language — without HTTP or a session.
 */
export const BENCH_CONFIG: Config = parseConfig({ LOG_LEVEL: 'silent' });

export async function contextFor(
  db: Db,
  username: string,
  o: { config?: Config; now?: () => Date; ip?: string } = {},
): Promise<AuthedContext> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`no user "${username}": is this a generated canton (npm run bench:data)?`);
  return {
    db,
    config: o.config ?? BENCH_CONFIG,
    now: o.now ?? (() => new Date()),
    ip: o.ip ?? '127.0.0.1',
    lang: user.language,
    actor: { userId: user.id, institutionId: user.institutionId, regionId: user.regionId, roles: user.roles },
  };
}
