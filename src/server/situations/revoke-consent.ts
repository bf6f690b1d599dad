import { and, eq, isNull, sql } from 'drizzle-orm';
import { conflict, notFound } from '../../domain/errors.ts';
import { consents, situations } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from './load-situation.ts';
import { recordSituationEvent } from './record-event.ts';

/**
 * The person withdraws their consent. From this moment the institutions that
 * had no other basis lose access (access is computed from valid consents on
 * every request); what they saw stays in the audit log. The versions of the
 * person's situations move on, so that a change prepared on what the
 * procuration allowed (an announcement, an assignment) fails instead of going
 * through on a withdrawn consent.
 */
export async function revokeConsent(
  ctx: AuthedContext,
  situationId: string,
  consentId: string,
  body: { version: number; reason: string },
) {
  const { row } = await loadSituationFor(ctx, situationId, 'manage_consent', 'consent.revoke');
  // Only a procuration recorded on this situation: whoever follows the person in one file does not undo,
  // through it, what was recorded in another (issue 9).
  const [consent] = await ctx.db
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.situationId, situationId)));
  if (!consent) throw notFound();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(consents)
      .set({
        revokedAt: now,
        revokedByUserId: ctx.actor.userId,
        revocationReason: body.reason,
        updatedAt: now,
        version: sql`${consents.version} + 1`,
      })
      .where(and(eq(consents.id, consentId), eq(consents.version, body.version), isNull(consents.revokedAt)))
      .returning({ id: consents.id });
    if (!updated.length) throw conflict();
    await tx
      .update(situations)
      .set({ version: sql`${situations.version} + 1` })
      .where(eq(situations.personId, consent.personId));
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'consent_revoked',
      reason: body.reason,
      details: { consentId },
    });
  });
}
