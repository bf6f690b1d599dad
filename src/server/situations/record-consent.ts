import { and, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConsentBodySchema } from '../../contracts/situations.ts';
import { predicateHolds } from '../../domain/access/situation-access.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { type FieldError, invalid } from '../../domain/errors.ts';
import { attachments, consents, institutions, persons, situations } from '../../db/schema.ts';
import type { Queryable } from '../../db/open-db.ts';
import type { AuthedContext } from '../http/context.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { loadSituationFor } from './load-situation.ts';
import { consentReviewers } from './consent-reviewers.ts';
import { recordSituationEvent } from './record-event.ts';
import { oneRow } from '../../db/one-row.ts';

/**
 * Records the signed procuration: its scan (already uploaded to this
 * situation), signature date, validity and scope. Only whoever already sees
 * who the person is may record one (the policy's `manage_consent`). It is in
 * force at once only when it is the announcer's, about a person they entered
 * themselves and nobody else announced — they met the person and hold the
 * original, and it reaches no one else's file. Any other recording waits
 * until a second person checks the scan (review-consent.ts): a procuration
 * belongs to the person, and opens all their files, so nobody may widen
 * access to them on their own word (issue 9).
 */
export async function recordConsent(ctx: AuthedContext, situationId: string, body: z.infer<typeof ConsentBodySchema>) {
  const { row, facts } = await loadSituationFor(ctx, situationId, 'manage_consent', 'consent.create');
  const fields: FieldError[] = [];
  if (row.anonymous || !row.personId) fields.push({ path: 'consent', messageKey: 'consent.needsPerson' });
  const today = swissDay(ctx.now());
  if (body.signedOn > today) fields.push({ path: 'signedOn', messageKey: 'consent.signedInFuture' });
  if (body.validUntil <= body.signedOn)
    fields.push({ path: 'validUntil', messageKey: 'consent.validityBeforeSignature' });
  if (!body.dataCategories.includes('identity'))
    fields.push({ path: 'dataCategories', messageKey: 'consent.identityRequired' });
  const known = await ctx.db
    .select({ id: institutions.id })
    .from(institutions)
    .where(inArray(institutions.id, body.institutionIds));
  if (known.length !== new Set(body.institutionIds).size)
    fields.push({ path: 'institutionIds', messageKey: 'user.unknownInstitution' });
  const [scan] = await ctx.db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.id, body.scanAttachmentId), eq(attachments.situationId, situationId)));
  if (!scan) fields.push({ path: 'scanAttachmentId', messageKey: 'consent.scanRequired' });
  if (fields.length || !row.personId) throw invalid(fields);
  const personId = row.personId;
  const now = ctx.now();
  const byAnnouncer =
    predicateHolds('announcer', ctx.actor, facts) &&
    predicateHolds('announcer_institution', ctx.actor, facts) &&
    (await isOwnPerson(ctx.db, personId, ctx.actor.userId));
  return ctx.db.transaction(async (tx) => {
    const saved = oneRow(
      await tx
        .insert(consents)
        .values({
          ...body,
          institutionIds: [...new Set(body.institutionIds)],
          dataCategories: [...new Set(body.dataCategories)],
          personId,
          situationId,
          recordedByUserId: ctx.actor.userId,
          reviewedAt: byAnnouncer ? now : null,
          reviewedByUserId: byAnnouncer ? ctx.actor.userId : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: consents.id }),
    );
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'consent_recorded',
      details: {
        consentId: saved.id,
        institutionIds: body.institutionIds,
        dataCategories: body.dataCategories,
        signedOn: body.signedOn,
        validUntil: body.validUntil,
        scanAttachmentId: body.scanAttachmentId,
        inForce: byAnnouncer,
      },
    });
    if (!byAnnouncer) {
      const reviewers = await consentReviewers(tx, ctx, facts);
      await notifyUsers(tx, reviewers, { kind: 'consent_to_review', situationId, at: now });
    }
    return saved.id;
  });
}

/** The person was entered by this user, and no one else announced a situation about them. */
async function isOwnPerson(q: Queryable, personId: string, userId: string): Promise<boolean> {
  const [person] = await q.select({ createdBy: persons.createdByUserId }).from(persons).where(eq(persons.id, personId));
  if (person?.createdBy !== userId) return false;
  const others = await q
    .select({ id: situations.id })
    .from(situations)
    .where(and(eq(situations.personId, personId), ne(situations.announcingUserId, userId)))
    .limit(1);
  return others.length === 0;
}
