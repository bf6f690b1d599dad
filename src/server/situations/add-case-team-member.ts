import { and, eq, isNull } from 'drizzle-orm';
import { conflict, invalid } from '../../domain/errors.ts';
import { caseTeamMembers, institutions, users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { isCaseProfessional } from './case-team-candidates.ts';
import { loadSituationFor } from './load-situation.ts';
import { fullName } from './present-situation.ts';
import { recordSituationEvent } from './record-event.ts';

/**
 * The announcer or the Bureau of the region puts a professional who follows
 * the person on the case team (issue 9, need to know). Only someone whose
 * institution a valid procuration names: being on the team opens the file
 * through that procuration, never around it.
 */
export async function addCaseTeamMember(ctx: AuthedContext, situationId: string, userId: string) {
  const { row, facts } = await loadSituationFor(ctx, situationId, 'manage_case_team', 'case_team.add');
  const [user] = await ctx.db
    .select({ user: users, institution: institutions })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user || !isCaseProfessional(user.user.roles))
    throw invalid([{ path: 'userId', messageKey: 'caseTeam.unknownUser' }]);
  if (!facts.basis.has(user.user.institutionId)) {
    throw invalid([
      {
        path: 'userId',
        messageKey: 'caseTeam.notCovered',
        params: { institution: ctx.lang === 'de' ? user.institution.nameDe : user.institution.nameFr },
      },
    ]);
  }
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(caseTeamMembers)
      .values({ situationId, userId, addedByUserId: ctx.actor.userId, addedAt: now })
      .onConflictDoNothing()
      .returning({ id: caseTeamMembers.id });
    if (!inserted.length) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'case_team_added',
      details: { userId, name: fullName(user.user) },
    });
    await notifyUsers(tx, [userId], { kind: 'case_team_added', situationId, at: now });
  });
}
