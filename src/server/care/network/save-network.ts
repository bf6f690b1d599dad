import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { NetworkBodySchema } from '../../../contracts/round-tables.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { checkNetwork } from '../../../domain/care/network-follow-up.ts';
import { invalid } from '../../../domain/errors.ts';
import { careParticipants, institutions, users } from '../../../db/schema.ts';
import { recordAuditMany } from '../../audit/audit-log.ts';
import { notFoundAudited } from '../../http/access.ts';
import type { AuthedContext } from '../../http/context.ts';
import { recordSituationEvent } from '../../situations/record-event.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { loadPassageFor, ensureVersion } from '../round-tables/round-table-repository.ts';
import { ensureNetworkAllows } from '../round-tables/round-table-problems.ts';
import { managesNetwork } from './network-repository.ts';

type Row = { role: 'professional' | 'reference'; institutionId: string; userId: string | null };
const key = (r: Row) => `${r.role}:${r.institutionId}:${r.userId ?? ''}`;

/**
 * Names the network around the person (004 §6): the institutions, the reference institution and, within it, the
 * reference person if there is one, and the next review date. The institutions take part in the passage, so their
 * répondants CII follow the file (the `care_institution` access rule); the reference person reads it as a participant.
 */
export async function saveNetwork(ctx: AuthedContext, situationId: string, body: z.infer<typeof NetworkBodySchema>) {
  const found = await loadPassageFor(ctx, situationId, 'network_follow_up', 'read', 'network.update', { open: true });
  const { row, passage } = found;
  if (!passage) return;
  if (!managesNetwork(ctx, found.facts, passage, false))
    throw await notFoundAudited(ctx, {
      action: 'network.update',
      recordType: 'care_passage',
      recordId: passage.id,
      subjectPersonId: row.personId ?? undefined,
    });
  ensureVersion(passage, body.version);
  const institutionIds = [...new Set(body.institutionIds)];
  const known = institutionIds.length
    ? await ctx.db
        .select({ id: institutions.id })
        .from(institutions)
        .where(and(inArray(institutions.id, institutionIds), eq(institutions.active, true)))
    : [];
  const knownIds = new Set(known.map((k) => k.id));
  const unknown = institutionIds.findIndex((id) => !knownIds.has(id));
  if (unknown >= 0) throw invalid([{ path: `institutionIds.${unknown}`, messageKey: 'error.unknownReference' }]);
  const [referenceUser] = body.referenceUserId
    ? await ctx.db
        .select({ id: users.id, institutionId: users.institutionId })
        .from(users)
        .where(and(eq(users.id, body.referenceUserId), isNull(users.disabledAt)))
    : [];
  if (body.referenceUserId && !referenceUser)
    throw invalid([{ path: 'referenceUserId', messageKey: 'care.unknownParticipant' }]);
  ensureNetworkAllows(
    checkNetwork(
      'active',
      {
        institutionIds,
        referenceInstitutionId: body.referenceInstitutionId,
        referenceUserInstitutionId: referenceUser?.institutionId ?? null,
        reviewOn: body.reviewOn,
      },
      swissDay(ctx.now()),
    ),
  );
  const wanted: Row[] = institutionIds.map((institutionId) =>
    institutionId === body.referenceInstitutionId
      ? { role: 'reference', institutionId, userId: referenceUser?.id ?? null }
      : { role: 'professional', institutionId, userId: null },
  );
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const current = await tx
      .select()
      .from(careParticipants)
      .where(
        and(
          eq(careParticipants.passageId, passage.id),
          isNull(careParticipants.removedAt),
          inArray(careParticipants.role, ['professional', 'reference']),
        ),
      );
    const currentKeys = new Set(current.map((c) => key(c as Row)));
    const wantedKeys = new Set(wanted.map(key));
    const gone = current.filter((c) => !wantedKeys.has(key(c as Row)));
    const added = wanted.filter((w) => !currentKeys.has(key(w)));
    if (gone.length)
      await tx
        .update(careParticipants)
        .set({ removedAt: now })
        .where(
          inArray(
            careParticipants.id,
            gone.map((g) => g.id),
          ),
        );
    const inserted = added.length
      ? await tx
          .insert(careParticipants)
          .values(
            added.map((a) => ({
              passageId: passage.id,
              situationId,
              userId: a.userId,
              institutionId: a.institutionId,
              role: a.role,
              addedAt: now,
              addedByUserId: ctx.actor.userId,
            })),
          )
          .returning()
      : [];
    // Taking part discloses the file to the institution's répondants: each addition and removal is audited.
    await recordAuditMany(tx, ctx, [
      ...inserted.map((p) => ({
        action: 'care.participant_add' as const,
        recordType: 'care_passage',
        recordId: passage.id,
        subjectPersonId: row.personId ?? undefined,
        allowed: true,
        details: { participantId: p.id, institutionId: p.institutionId, userId: p.userId, role: p.role },
      })),
      ...gone.map((p) => ({
        action: 'care.participant_remove' as const,
        recordType: 'care_passage',
        recordId: passage.id,
        subjectPersonId: row.personId ?? undefined,
        allowed: true,
        details: { participantId: p.id, institutionId: p.institutionId, userId: p.userId },
      })),
    ]);
    await updatePassageIf(tx, passage.id, body.version, {
      reviewOn: body.reviewOn,
      responsibleUserId: referenceUser?.id ?? null,
      updatedAt: now,
    });
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'network_update',
      details: { institutionIds, referenceInstitutionId: body.referenceInstitutionId, reviewOn: body.reviewOn },
    });
  });
}
