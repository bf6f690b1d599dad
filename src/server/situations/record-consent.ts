import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConsentBodySchema } from '../../contracts/situations.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { type FieldError, invalid } from '../../domain/errors.ts';
import { attachments, consents, institutions } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from './load-situation.ts';
import { recordSituationEvent } from './record-event.ts';

/** Records the signed procuration: its scan (already uploaded), signature date, validity and scope. */
export async function recordConsent(ctx: AuthedContext, situationId: string, body: z.infer<typeof ConsentBodySchema>) {
  const { row } = await loadSituationFor(ctx, situationId, 'manage_consent', 'consent.create');
  const fields: FieldError[] = [];
  if (row.anonymous || !row.personId) fields.push({ path: 'consent', messageKey: 'consent.needsPerson' });
  const today = swissDay(ctx.now());
  if (body.signedOn > today) fields.push({ path: 'signedOn', messageKey: 'consent.signedInFuture' });
  if (body.validUntil <= body.signedOn) fields.push({ path: 'validUntil', messageKey: 'consent.validityBeforeSignature' });
  const known = await ctx.db.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, body.institutionIds));
  if (known.length !== new Set(body.institutionIds).size) fields.push({ path: 'institutionIds', messageKey: 'user.unknownInstitution' });
  const [scan] = await ctx.db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.id, body.scanAttachmentId), eq(attachments.situationId, situationId)));
  if (!scan) fields.push({ path: 'scanAttachmentId', messageKey: 'consent.scanRequired' });
  if (fields.length) throw invalid(fields);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(consents)
      .values({ ...body, institutionIds: [...new Set(body.institutionIds)], personId: row.personId!, situationId, recordedByUserId: ctx.actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: consents.id });
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'consent_recorded',
      details: { consentId: saved!.id, institutionIds: body.institutionIds, dataCategories: body.dataCategories, signedOn: body.signedOn, validUntil: body.validUntil },
    });
    return saved!.id;
  });
}
