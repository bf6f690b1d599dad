import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { OrganiseBodySchema } from '../../../contracts/assessments.ts';
import { bureauRegions } from '../../../domain/access/situation-access.ts';
import type { Role } from '../../../domain/access/roles.ts';
import { type FieldError, invalid } from '../../../domain/errors.ts';
import { users } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { type NewParticipant, addParticipants, removeParticipant } from '../participants.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';

/** The account role a participant's role in the assessment needs (seed 004 §6: répondants, the SMR's doctor). */
const NEEDS: Partial<Record<string, Role>> = { correspondent: 'cii_correspondent', smr_doctor: 'smr_doctor' };

/**
 * Organising a MAMAC (seed 004 §6: "organisés sous la responsabilité et en présence d'un membre du bureau CII"): the
 * Bureau member responsible, the regional team — the répondants CII of the institutions concerned, the announcing
 * professional, a doctor delegated by the OAI's SMR — and the person's address for her invitation. While the
 * assessment is still to organise; the team becomes the participants (added, or removed with their access then
 * lasting the grace period).
 */
export async function organiseAssessment(
  ctx: AuthedContext,
  situationId: string,
  body: z.infer<typeof OrganiseBodySchema>,
) {
  const a = await loadAssessmentToAct(ctx, situationId, 'organise_assessment', 'assessment.organise', ['to_organise']);
  const ids = [body.responsibleUserId, ...body.participants.map((p) => p.userId)];
  const accounts = await ctx.db
    .select({
      id: users.id,
      roles: users.roles,
      regionId: users.regionId,
      institutionId: users.institutionId,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(inArray(users.id, ids));
  const byId = new Map(accounts.map((u) => [u.id, u]));
  const problems: FieldError[] = [];
  const responsible = byId.get(body.responsibleUserId);
  const regions = responsible ? bureauRegions({ ...responsible, userId: responsible.id }) : null;
  if (
    !responsible ||
    responsible.disabledAt ||
    !(regions === 'all' || (regions ?? []).includes(a.facts.situation.regionId))
  )
    problems.push({ path: 'responsibleUserId', messageKey: 'assessment.notResponsible' });
  body.participants.forEach((p, i) => {
    const u = byId.get(p.userId);
    const need = NEEDS[p.role];
    if (body.participants.findIndex((o) => o.userId === p.userId) !== i || p.userId === body.responsibleUserId)
      problems.push({ path: `participants.${i}.userId`, messageKey: 'assessment.participantTwice' });
    else if (
      !u ||
      u.disabledAt ||
      (need && !u.roles.includes(need)) ||
      (p.role === 'announcer' && p.userId !== a.row.announcingUserId)
    )
      problems.push({ path: `participants.${i}.userId`, messageKey: 'assessment.notParticipantUser' });
  });
  if (body.person && (a.row.anonymous || !a.row.personId))
    problems.push({ path: 'person', messageKey: 'assessment.personNeedsIdentity' });
  if (problems.length) throw invalid(problems);

  const wanted: NewParticipant[] = [
    { userId: body.responsibleUserId, role: 'bureau' },
    ...body.participants.map((p) => ({ userId: p.userId, role: p.role })),
    ...(body.person ? [{ role: 'person' as const, email: body.person.email, language: body.person.language }] : []),
  ];
  const same = (p: (typeof a.participants)[number], w: NewParticipant) =>
    'userId' in w
      ? p.userId === w.userId && p.role === w.role
      : p.role === 'person' && p.email === w.email && p.language === w.language;
  await ctx.db.transaction(async (tx) => {
    const passage = await updatePassageIf(tx, a.passage.id, body.version, {
      responsibleUserId: body.responsibleUserId,
      updatedAt: ctx.now(),
    });
    for (const p of a.participants)
      if (!wanted.some((w) => same(p, w))) await removeParticipant(tx, ctx, passage, p.id, a.row.personId);
    const toAdd = wanted.filter((w) => !a.participants.some((p) => same(p, w)));
    await addParticipants(tx, ctx, passage, toAdd, a.row.personId);
    await recordAudit(tx, ctx, {
      action: 'assessment.organise',
      recordType: 'assessment',
      recordId: passage.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, responsible: body.responsibleUserId, participants: body.participants.length },
    });
  });
  return getAssessment(ctx, situationId);
}
