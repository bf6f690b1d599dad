import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ReviewConsentBodySchema } from '../../contracts/situations.ts';
import { DomainError, conflict, notFound } from '../../domain/errors.ts';
import { consents, situations } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { loadSituationFor } from './load-situation.ts';
import { recordSituationEvent } from './record-event.ts';

/**
 * A second person checks the scan of a procuration recorded by someone other
 * than the announcer, and puts it in force or rejects it with a reason. Whoever
 * recorded it may not review it: a procuration never widens access on one
 * person's word. Reviewing bumps the versions of the person's situations, since
 * what their readers may see changes.
 */
export async function reviewConsent(
  ctx: AuthedContext,
  situationId: string,
  consentId: string,
  body: z.infer<typeof ReviewConsentBodySchema>,
) {
  const { row } = await loadSituationFor(ctx, situationId, 'review_consent', 'consent.review');
  const [consent] = await ctx.db
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.situationId, situationId)));
  if (!consent) throw notFound();
  if (consent.recordedByUserId === ctx.actor.userId)
    throw new DomainError('validation', 'error.validation', {
      fields: [{ path: 'consent', messageKey: 'consent.ownRecording' }],
    });
  if (consent.reviewedAt || consent.rejectedAt || consent.revokedAt)
    throw new DomainError('conflict', 'consent.notPending');
  const now = ctx.now();
  const approve = body.decision === 'approve';
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(consents)
      .set(
        approve
          ? {
              reviewedAt: now,
              reviewedByUserId: ctx.actor.userId,
              updatedAt: now,
              version: sql`${consents.version} + 1`,
            }
          : {
              rejectedAt: now,
              rejectedByUserId: ctx.actor.userId,
              rejectionReason: body.reason,
              updatedAt: now,
              version: sql`${consents.version} + 1`,
            },
      )
      .where(
        and(
          eq(consents.id, consentId),
          eq(consents.version, body.version),
          isNull(consents.reviewedAt),
          isNull(consents.rejectedAt),
          isNull(consents.revokedAt),
        ),
      )
      .returning({ id: consents.id });
    if (!updated.length) throw conflict();
    await tx
      .update(situations)
      .set({ version: sql`${situations.version} + 1` })
      .where(eq(situations.personId, consent.personId));
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: approve ? 'consent_reviewed' : 'consent_rejected',
      reason: approve ? '' : body.reason,
      details: { consentId, recordedByUserId: consent.recordedByUserId },
    });
    await notifyUsers(tx, [consent.recordedByUserId], {
      kind: approve ? 'consent_reviewed' : 'consent_rejected',
      situationId,
      at: now,
    });
  });
}
