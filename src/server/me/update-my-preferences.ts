import { eq, sql } from 'drizzle-orm';
import type { Language } from '../../domain/access/roles.ts';
import { users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';

/** The FR/DE choice is remembered per user, so every screen, e-mail and PDF follows it. */
export async function updateMyPreferences(ctx: AuthedContext, input: { language: Language }) {
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ language: input.language, updatedAt: ctx.now(), version: sql`${users.version} + 1` })
      .where(eq(users.id, ctx.actor.userId));
    await recordAudit(tx, ctx, {
      action: 'user.update_preferences',
      recordType: 'user',
      recordId: ctx.actor.userId,
      allowed: true,
      details: { language: input.language },
    });
  });
}
