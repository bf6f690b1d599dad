import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Language } from '../../domain/access/roles.ts';
import type { ParticipantRole } from '../../domain/care/passage.ts';
import { invalid } from '../../domain/errors.ts';
import type { Queryable, Tx } from '../../db/open-db.ts';
import { careParticipants, institutions, users } from '../../db/schema.ts';
import { recordAuditMany } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import type { PassageRow } from './passage-repository.ts';

export type ParticipantRow = typeof careParticipants.$inferSelect;

/** A participant to add: a user (their institution and language come from the account), or the person. */
export type NewParticipant =
  | { userId: string; role: Exclude<ParticipantRole, 'person'> }
  | { role: 'person'; email: string; language: Language };

/**
 * Adds participants to a passage (issue 12). Taking part opens the file through
 * the access rules (`care_participant`; `care_institution` for the répondants of
 * the participant's institution), so the institution is the account's, never
 * typed. A user already taking part is not added twice. Each addition is audited:
 * it discloses the file to someone.
 */
export async function addParticipants(
  tx: Tx,
  ctx: AuthedContext,
  passage: Pick<PassageRow, 'id' | 'situationId' | 'kind'>,
  rows: readonly NewParticipant[],
  subjectPersonId: string | null,
): Promise<ParticipantRow[]> {
  if (!rows.length) return [];
  const userIds = rows.flatMap((r) => ('userId' in r ? [r.userId] : []));
  const accounts = userIds.length
    ? await tx
        .select({
          id: users.id,
          institutionId: users.institutionId,
          language: users.language,
          disabledAt: users.disabledAt,
          roles: users.roles,
        })
        .from(users)
        .where(inArray(users.id, userIds))
    : [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const unknown = rows.findIndex(
    (r) => 'userId' in r && (!byId.has(r.userId) || byId.get(r.userId)?.disabledAt !== null),
  );
  if (unknown >= 0) throw invalid([{ path: `participants.${unknown}`, messageKey: 'care.unknownParticipant' }]);
  // The SMR's doctor takes part in an assessment as its doctor, and only so: any other role would open the file
  // to them (the access rules' `care_participant`), which their delegation does not cover (issue 12).
  const miscast = rows.findIndex((r) => {
    if (!('userId' in r)) return false;
    const doctor = byId.get(r.userId)?.roles.includes('smr_doctor') ?? false;
    return doctor !== (r.role === 'smr_doctor') || (doctor && passage.kind !== 'assessment');
  });
  if (miscast >= 0) throw invalid([{ path: `participants.${miscast}`, messageKey: 'care.smrDoctorRole' }]);
  const present = await tx
    .select({ userId: careParticipants.userId })
    .from(careParticipants)
    .where(and(eq(careParticipants.passageId, passage.id), isNull(careParticipants.removedAt)));
  const already = new Set(present.map((p) => p.userId));
  const now = ctx.now();
  const values = rows
    .filter((r) => !('userId' in r) || !already.has(r.userId))
    .filter((r, i, all) => !('userId' in r) || all.findIndex((o) => 'userId' in o && o.userId === r.userId) === i)
    .map((r) => {
      const account = 'userId' in r ? byId.get(r.userId) : undefined;
      return {
        passageId: passage.id,
        situationId: passage.situationId,
        userId: account?.id ?? null,
        institutionId: account?.institutionId ?? null,
        role: r.role,
        email: 'email' in r ? r.email : '',
        language: account ? account.language : 'language' in r ? r.language : ('fr' as Language),
        addedAt: now,
        addedByUserId: ctx.actor.userId,
      };
    });
  if (!values.length) return [];
  const added = await tx.insert(careParticipants).values(values).returning();
  await recordAuditMany(
    tx,
    ctx,
    added.map((p) => ({
      action: 'care.participant_add' as const,
      recordType: 'care_passage',
      recordId: passage.id,
      subjectPersonId: subjectPersonId ?? undefined,
      allowed: true,
      details: { participantId: p.id, userId: p.userId, role: p.role },
    })),
  );
  return added;
}

/** Removes a participant (their access then lasts the grace period, like a case team's). */
export async function removeParticipant(
  tx: Tx,
  ctx: AuthedContext,
  passage: Pick<PassageRow, 'id'>,
  participantId: string,
  subjectPersonId: string | null,
): Promise<boolean> {
  const [row] = await tx
    .update(careParticipants)
    .set({ removedAt: ctx.now() })
    .where(
      and(
        eq(careParticipants.id, participantId),
        eq(careParticipants.passageId, passage.id),
        isNull(careParticipants.removedAt),
      ),
    )
    .returning({ id: careParticipants.id, userId: careParticipants.userId });
  if (!row) return false;
  await recordAuditMany(tx, ctx, [
    {
      action: 'care.participant_remove',
      recordType: 'care_passage',
      recordId: passage.id,
      subjectPersonId: subjectPersonId ?? undefined,
      allowed: true,
      details: { participantId: row.id, userId: row.userId },
    },
  ]);
  return true;
}

/** Who takes part (not removed), with the names, institutions and addresses an invitation needs. */
export async function participantsOf(q: Queryable, passageId: string) {
  return q
    .select({
      id: careParticipants.id,
      userId: careParticipants.userId,
      institutionId: careParticipants.institutionId,
      role: careParticipants.role,
      // The person's address is the row's; a user's is the account's (kept current by the user).
      email: careParticipants.email,
      language: careParticipants.language,
      addedAt: careParticipants.addedAt,
      givenName: users.givenName,
      familyName: users.familyName,
      userEmail: users.email,
      userLanguage: users.language,
      institutionNameFr: institutions.nameFr,
      institutionNameDe: institutions.nameDe,
      institutionKind: institutions.kind,
    })
    .from(careParticipants)
    .leftJoin(users, eq(users.id, careParticipants.userId))
    .leftJoin(institutions, eq(institutions.id, careParticipants.institutionId))
    .where(and(eq(careParticipants.passageId, passageId), isNull(careParticipants.removedAt)))
    .orderBy(asc(careParticipants.addedAt), asc(careParticipants.id));
}
export type ParticipantView = Awaited<ReturnType<typeof participantsOf>>[number];
