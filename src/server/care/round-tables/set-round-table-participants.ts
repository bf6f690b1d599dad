import { and, inArray, isNull, sql } from 'drizzle-orm';
import { invalid } from '../../../domain/errors.ts';
import { MIN_INSTITUTIONS } from '../../../domain/care/round-table.ts';
import { users } from '../../../db/schema.ts';
import type { AuthedContext } from '../../http/context.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { addParticipants, participantsOf, removeParticipant } from '../participants.ts';
import { sendCareInvitations } from '../send-care-invitations.ts';
import { PROFESSIONAL_ROLES } from './list-round-table-candidates.ts';
import { roundTableStatus } from './present-round-table.ts';
import { ensureVersion, loadPassageFor } from './round-table-repository.ts';
import { ensureRoundTableAllows } from './round-table-problems.ts';

/**
 * Who takes part in the round table: professionals with an account (never the person, 004 §6), the coordinator
 * piloting it always among them. Once invitations went out, a change is a new SEQUENCE of the same event: those
 * removed receive its CANCEL, the others (and whoever joins) the updated invitation.
 */
export async function setRoundTableParticipants(
  ctx: AuthedContext,
  situationId: string,
  body: { userIds: string[]; version: number },
) {
  const { row, passage } = await loadPassageFor(
    ctx,
    situationId,
    'round_table',
    'pilot_care',
    'round_table.participants',
    {
      open: true,
    },
  );
  if (!passage) return;
  ensureVersion(passage, body.version);
  const status = roundTableStatus(passage);
  if (status !== 'in_preparation' && status !== 'scheduled')
    ensureRoundTableAllows([{ path: 'status', problem: 'not_allowed_now' }]);
  const wanted = [...new Set(body.userIds)];
  const accounts = wanted.length
    ? await ctx.db
        .select({ id: users.id, institutionId: users.institutionId, roles: users.roles })
        .from(users)
        .where(
          and(
            inArray(users.id, wanted),
            isNull(users.disabledAt),
            sql`${users.roles} && ARRAY[${sql.join(
              PROFESSIONAL_ROLES.map((r) => sql`${r}`),
              sql`, `,
            )}]::role[]`,
          ),
        )
    : [];
  const found = new Set(accounts.map((a) => a.id));
  const unknown = wanted.findIndex((id) => !found.has(id));
  if (unknown >= 0) throw invalid([{ path: `userIds.${unknown}`, messageKey: 'care.unknownParticipant' }]);
  const coordinatorId = passage.responsibleUserId ?? ctx.actor.userId;
  if (status === 'scheduled') {
    // A scheduled round table keeps its professionals of two institutions at least.
    const institutions = new Set(accounts.map((a) => a.institutionId));
    if (institutions.size < MIN_INSTITUTIONS)
      ensureRoundTableAllows([{ path: 'userIds', problem: 'too_few_institutions' }]);
  }
  await ctx.db.transaction(async (tx) => {
    const scheduled = status === 'scheduled';
    const current = await participantsOf(tx, passage.id);
    const leaving = current.filter((p) => p.role !== 'coordinator' && p.userId && !wanted.includes(p.userId));
    const present = new Set(current.filter((p) => !leaving.includes(p)).map((p) => p.userId));
    const updated = await updatePassageIf(tx, passage.id, body.version, {
      responsibleUserId: coordinatorId,
      // Once invited, every change is a new SEQUENCE of the event: a CANCEL to those leaving, an update to the rest.
      invitationSequence: scheduled ? passage.invitationSequence + 1 : passage.invitationSequence,
      updatedAt: ctx.now(),
    });
    if (scheduled && leaving.length)
      await sendCareInvitations(tx, ctx, {
        passage: updated,
        situationNumber: row.number,
        personId: row.personId,
        method: 'CANCEL',
        only: leaving.map((p) => p.id),
      });
    for (const p of leaving) await removeParticipant(tx, ctx, passage, p.id, row.personId);
    const added = [
      ...(present.has(coordinatorId) ? [] : [{ userId: coordinatorId, role: 'coordinator' as const }]),
      ...accounts
        .filter((a) => !present.has(a.id))
        .map((a) => ({
          userId: a.id,
          role:
            a.id === row.announcingUserId
              ? ('announcer' as const)
              : a.roles.includes('cii_correspondent')
                ? ('correspondent' as const)
                : ('professional' as const),
        })),
    ];
    await addParticipants(tx, ctx, passage, added, row.personId);
    if (scheduled)
      await sendCareInvitations(tx, ctx, {
        passage: updated,
        situationNumber: row.number,
        personId: row.personId,
        method: 'REQUEST',
      });
  });
}
