import { and, asc, eq, isNull } from 'drizzle-orm';
import { assessmentStatusOf } from '../../../domain/care/assessment.ts';
import { zurichLocal } from '../../../domain/calendar/zurich-time.ts';
import { careParticipants, carePassages, situations } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';

/**
 * The open MAMAC assessments the caller takes part in, for their home page (issue 12: "participants see their
 * invitations on their home page"): the situation's number, the state, their role, the meeting. Nothing about the
 * person. Taking part is what opens the file to them (the access rule `care_participant`).
 */
export async function listMyAssessmentInvitations(ctx: AuthedContext) {
  const rows = await ctx.db
    .select({
      situationId: situations.id,
      number: situations.number,
      role: careParticipants.role,
      status: carePassages.status,
      endedAt: carePassages.endedAt,
      meetingStart: carePassages.meetingStart,
      place: carePassages.meetingPlace,
    })
    .from(careParticipants)
    .innerJoin(carePassages, eq(carePassages.id, careParticipants.passageId))
    .innerJoin(situations, eq(situations.id, careParticipants.situationId))
    .where(
      and(
        eq(careParticipants.userId, ctx.actor.userId),
        isNull(careParticipants.removedAt),
        eq(carePassages.kind, 'assessment'),
        isNull(carePassages.endedAt),
      ),
    )
    .orderBy(asc(carePassages.meetingStart), asc(situations.number));
  if (rows.length)
    await recordAudit(ctx.db, ctx, {
      action: 'assessment.invitations',
      recordType: 'assessment',
      allowed: true,
      details: { situations: rows.map((r) => r.situationId) },
    });
  return {
    items: rows.map((r) => {
      const status = assessmentStatusOf(r);
      const local = r.meetingStart && status !== 'to_organise' ? zurichLocal(r.meetingStart) : null;
      return {
        situationId: r.situationId,
        number: r.number,
        status,
        role: r.role,
        meeting: local ? { startOn: local.date, startTime: local.time, place: r.place } : null,
      };
    }),
  };
}
