import { eq } from 'drizzle-orm';
import { DomainError, type FieldError, conflict, invalid } from '../../domain/errors.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { nextStatus } from '../../domain/situation/situation-lifecycle.ts';
import { hasVisibleText } from '../../domain/text/visible-text.ts';
import { institutions, situations } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { bureauOfRegion, notifyUsers } from '../notifications/notify.ts';
import { loadSituationFor } from './load-situation.ts';
import { recordSituationEvent } from './record-event.ts';
import { basisOf, updateSituationIf } from './situation-repository.ts';

/**
 * draft → announced, or refused → announced once its announcer revised it: back
 * into the triage queue as a new announcement (the refusal, its reason and
 * suggestions stay on the timeline; the situation's current decision is
 * cleared). Complete content is required, and the consent rule of
 * DOMAIN.md §3: identifying data leaves the announcing institution only under
 * a valid procuration naming it and the Bureau CII; otherwise the announcement
 * is anonymous (age band, region, risk factors — no name, no NAVS13).
 */
export async function announceSituation(ctx: AuthedContext, id: string, version: number) {
  const { row } = await loadSituationFor(ctx, id, 'announce', 'situation.announce');
  const fields: FieldError[] = [];
  // Visible characters only: zero-width spaces are not a description.
  if (!hasVisibleText(row.description)) fields.push({ path: 'description', messageKey: 'field.required' });
  if (!hasVisibleText(row.helpExpected)) fields.push({ path: 'helpExpected', messageKey: 'field.required' });
  if (!row.riskFactors.length && !hasVisibleText(row.riskFactorsOther))
    fields.push({ path: 'riskFactors', messageKey: 'situation.riskFactorsRequired' });
  if (!row.followingInstitutionIds.length)
    fields.push({ path: 'followingInstitutionIds', messageKey: 'situation.followingRequired' });
  if (row.anonymous) {
    if (!row.ageBand) fields.push({ path: 'ageBand', messageKey: 'field.required' });
  } else if (!row.personId) {
    fields.push({ path: 'personId', messageKey: 'situation.personRequired' });
  }
  if (fields.length) throw invalid(fields);

  const to = nextStatus(row.status, { type: 'announce' });
  if (!to) throw new DomainError('conflict', 'situation.transitionNotAllowed');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    // The consent is checked inside the transaction, on the locked row: a revocation (which moves the
    // situation's version on) either happened before and is seen here, or waits and comes after.
    await tx.select({ id: situations.id }).from(situations).where(eq(situations.id, id)).for('update');
    if (!row.anonymous && row.personId) {
      const basis = await basisOf(tx, row.personId, swissDay(now));
      const bureaus = await tx
        .select({ id: institutions.id })
        .from(institutions)
        .where(eq(institutions.kind, 'bureau_cii'));
      if (!basis.has(row.announcingInstitutionId) || !bureaus.some((b) => basis.has(b.id))) {
        throw invalid([{ path: 'consent', messageKey: 'situation.consentRequired' }]);
      }
    }
    const ok = await updateSituationIf(
      tx,
      id,
      { version, status: row.status },
      row.status === 'refused'
        ? {
            status: to,
            announcedAt: now,
            updatedAt: now,
            handledByUserId: null,
            takenUpAt: null,
            decidedAt: null,
            decisionReason: null,
            refusalSuggestions: null,
            refusalInstitutions: [],
          }
        : { status: to, announcedAt: now, updatedAt: now },
    );
    if (!ok) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId: id,
      personId: row.personId,
      type: 'announce',
      from: row.status,
      to,
      ...(row.status === 'refused' ? { details: { again: true } } : {}),
    });
    await notifyUsers(tx, await bureauOfRegion(tx, row.regionId), {
      kind: 'situation_announced',
      situationId: id,
      at: now,
    });
  });
}
