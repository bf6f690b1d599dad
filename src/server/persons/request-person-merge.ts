import { eq } from 'drizzle-orm';
import { DomainError, invalid, notFound } from '../../domain/errors.ts';
import { personMergeRequests, persons } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { accessClock } from '../situations/situation-repository.ts';
import { usablePersonIds } from './person-repository.ts';
import { oneRow } from '../../db/one-row.ts';

/**
 * Asks for two person records to be merged; nothing changes until the Bureau
 * has reviewed it. Both must be persons the requester already sees.
 */
export async function requestPersonMerge(
  ctx: AuthedContext,
  body: { survivorId: string; duplicateId: string; reason: string },
) {
  await ensureAllowed(ctx, 'request', { type: 'person_merge' }, { action: 'person.merge_request' });
  if (body.survivorId === body.duplicateId) throw invalid([{ path: 'duplicateId', messageKey: 'merge.samePerson' }]);
  // Only persons the requester already sees: a merge request is no way to learn that someone is known.
  const visible = await usablePersonIds(ctx.db, ctx.actor, [body.survivorId, body.duplicateId], accessClock(ctx));
  for (const id of [body.survivorId, body.duplicateId]) {
    const [p] = await ctx.db.select({ merged: persons.mergedIntoId }).from(persons).where(eq(persons.id, id));
    if (!p || !visible.has(id)) throw notFound();
    if (p.merged) throw new DomainError('conflict', 'merge.alreadyMerged');
  }
  return ctx.db.transaction(async (tx) => {
    const row = oneRow(
      await tx
        .insert(personMergeRequests)
        .values({ ...body, requestedByUserId: ctx.actor.userId, requestedAt: ctx.now() })
        .returning({ id: personMergeRequests.id }),
    );
    await recordAudit(tx, ctx, {
      action: 'person.merge_request',
      recordType: 'person',
      recordId: body.duplicateId,
      subjectPersonId: body.duplicateId,
      allowed: true,
      details: { survivorId: body.survivorId },
    });
    return row.id;
  });
}
