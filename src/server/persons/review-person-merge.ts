import { and, eq, sql } from 'drizzle-orm';
import { conflict, notFound } from '../../domain/errors.ts';
import { consents, personMergeRequests, persons, situations } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { accessClock } from '../situations/situation-repository.ts';
import { usablePersonIds } from './person-repository.ts';

/**
 * The Bureau approves or rejects a merge. Approval moves the duplicate's
 * situations and consents to the survivor and marks the duplicate as merged
 * (it is kept, never deleted), in one transaction with its audit rows.
 */
export async function reviewPersonMerge(
  ctx: AuthedContext,
  id: string,
  body: { version: number; approve: boolean; note: string },
) {
  await ensureAllowed(ctx, 'review', { type: 'person_merge' }, { action: 'person.merge_review', recordId: id });
  const [request] = await ctx.db.select().from(personMergeRequests).where(eq(personMergeRequests.id, id));
  if (!request) throw notFound();
  // Judging that two records are one person needs seeing both (decision 005); otherwise the request does not exist for
  // the reviewer.
  const visible = await usablePersonIds(ctx.db, ctx.actor, [request.survivorId, request.duplicateId], accessClock(ctx));
  if (!visible.has(request.survivorId) || !visible.has(request.duplicateId)) throw notFound();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(personMergeRequests)
      .set({
        status: body.approve ? 'approved' : 'rejected',
        reviewedByUserId: ctx.actor.userId,
        reviewedAt: now,
        reviewNote: body.note,
        version: sql`${personMergeRequests.version} + 1`,
      })
      .where(
        and(
          eq(personMergeRequests.id, id),
          eq(personMergeRequests.version, body.version),
          eq(personMergeRequests.status, 'pending'),
        ),
      )
      .returning({ id: personMergeRequests.id });
    if (!updated.length) throw conflict();
    if (body.approve) {
      const merged = await tx
        .update(persons)
        .set({ mergedIntoId: request.survivorId, updatedAt: now, version: sql`${persons.version} + 1` })
        .where(and(eq(persons.id, request.duplicateId), sql`${persons.mergedIntoId} IS NULL`))
        .returning({ id: persons.id });
      if (!merged.length) throw conflict();
      await tx
        .update(situations)
        .set({ personId: request.survivorId })
        .where(eq(situations.personId, request.duplicateId));
      await tx.update(consents).set({ personId: request.survivorId }).where(eq(consents.personId, request.duplicateId));
    }
    await recordAudit(tx, ctx, {
      action: body.approve ? 'person.merge' : 'person.merge_reject',
      recordType: 'person',
      recordId: request.duplicateId,
      subjectPersonId: request.survivorId,
      allowed: true,
      details: { requestId: id, survivorId: request.survivorId, duplicateId: request.duplicateId },
    });
  });
}
