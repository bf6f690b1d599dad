import { and, eq, isNull, sql } from 'drizzle-orm';
import { conflict } from '../../domain/errors.ts';
import { caseTeamMembers, users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from './load-situation.ts';
import { fullName } from './present-situation.ts';
import { recordSituationEvent } from './record-event.ts';

/**
 * Takes a professional off the case team. The row stays (who was on the team,
 * when); their access ends once the grace period after leaving has passed
 * (ACCESS_AFTER_ROLE_DAYS), as for a tandem after its mandate.
 */
export async function removeCaseTeamMember(ctx: AuthedContext, situationId: string, userId: string, version: number) {
  const { row } = await loadSituationFor(ctx, situationId, 'manage_case_team', 'case_team.remove');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(caseTeamMembers)
      .set({ removedAt: now, removedByUserId: ctx.actor.userId, version: sql`${caseTeamMembers.version} + 1` })
      .where(
        and(
          eq(caseTeamMembers.situationId, situationId),
          eq(caseTeamMembers.userId, userId),
          isNull(caseTeamMembers.removedAt),
          eq(caseTeamMembers.version, version),
        ),
      )
      .returning({ id: caseTeamMembers.id });
    if (!updated.length) throw conflict();
    const [member] = await tx.select().from(users).where(eq(users.id, userId));
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'case_team_removed',
      details: { userId, name: fullName(member) },
    });
  });
}
