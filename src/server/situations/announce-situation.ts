import { eq } from 'drizzle-orm';
import { type FieldError, conflict, invalid } from '../../domain/errors.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { nextStatus } from '../../domain/situation/situation-lifecycle.ts';
import { institutions } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { bureauOfRegion, notifyUsers } from '../notifications/notify.ts';
import { loadSituationFor } from './load-situation.ts';
import { recordSituationEvent } from './record-event.ts';
import { basisOf, updateSituationIf } from './situation-repository.ts';

/**
 * draft → announced. Complete content is required, and the consent rule of
 * DOMAIN.md §3: identifying data leaves the announcing institution only under
 * a valid procuration naming it and the Bureau CII; otherwise the announcement
 * is anonymous (age band, region, risk factors — no name, no NAVS13).
 */
export async function announceSituation(ctx: AuthedContext, id: string, version: number) {
  const { row } = await loadSituationFor(ctx, id, 'announce', 'situation.announce');
  const fields: FieldError[] = [];
  if (!row.description.trim()) fields.push({ path: 'description', messageKey: 'field.required' });
  if (!row.helpExpected.trim()) fields.push({ path: 'helpExpected', messageKey: 'field.required' });
  if (!row.riskFactors.length && !row.riskFactorsOther.trim()) fields.push({ path: 'riskFactors', messageKey: 'situation.riskFactorsRequired' });
  if (!row.followingInstitutionIds.length) fields.push({ path: 'followingInstitutionIds', messageKey: 'situation.followingRequired' });
  if (row.anonymous) {
    if (!row.ageBand) fields.push({ path: 'ageBand', messageKey: 'field.required' });
  } else if (!row.personId) {
    fields.push({ path: 'personId', messageKey: 'situation.personRequired' });
  } else {
    const basis = await basisOf(ctx.db, row.personId, swissDay(ctx.now()));
    const bureaus = await ctx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.kind, 'bureau_cii'));
    if (!basis.has(row.announcingInstitutionId) || !bureaus.some((b) => basis.has(b.id))) {
      fields.push({ path: 'consent', messageKey: 'situation.consentRequired' });
    }
  }
  if (fields.length) throw invalid(fields);

  const to = nextStatus(row.status, { type: 'announce' })!;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const ok = await updateSituationIf(tx, id, { version, status: row.status }, { status: to, announcedAt: now, updatedAt: now });
    if (!ok) throw conflict();
    await recordSituationEvent(tx, ctx, { situationId: id, personId: row.personId, type: 'announce', from: row.status, to });
    await notifyUsers(tx, await bureauOfRegion(tx, row.regionId), { kind: 'situation_announced', situationId: id, at: now });
  });
}
