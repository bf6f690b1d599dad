import { and, eq, sql } from 'drizzle-orm';
import { emptyDraft } from '../../contracts/situations.ts';
import { nextAlertState } from '../../domain/alerts/alert-rules.ts';
import type { RiskFactor } from '../../domain/situation/vocabulary.ts';
import { DomainError, conflict } from '../../domain/errors.ts';
import { queryRows } from '../../db/open-db.ts';
import { alerts, caseloadEntries, institutions } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { usablePersonIds } from '../persons/person-repository.ts';
import { saveDraft } from '../situations/save-draft.ts';
import { accessClock } from '../situations/situation-repository.ts';
import { loadAlertFor } from './load-alert.ts';

/**
 * From an open alert, a correspondent starts an announcement draft for that person (issue 14), pre-filled with
 * their own institution's data only: the person they entered or chose (the announcement's first step on screen), else
 * the one Tandem already holds under the same pseudonym if the caller may use them; the risk flags of their own
 * caseload row. The region is the one chosen on the first step, else the caller's or their institution's — never a
 * guess: a correspondent without one must choose (400 on `regionId`). The other institution of a co-follow-up is
 * added to the institutions following the person (the procuration's suggestion) — its name only, which the alert
 * already gave. The institution's internal reference stays on its alert: the description is read by every reader of
 * the file, so it is left empty. The alert is marked turned into a draft (version named).
 */
export async function draftFromAlert(
  ctx: AuthedContext,
  id: string,
  body: { version: number; personId?: string | null; regionId?: string | null },
) {
  const { version } = body;
  const alert = await loadAlertFor(ctx, id);
  const next = nextAlertState(alert.state, 'draft');
  if (!next.ok) throw new DomainError('conflict', 'alert.notOpen');
  if (alert.version !== version) throw conflict();
  const candidates = await queryRows<{ person_id: string }>(
    ctx.db,
    sql`SELECT person_id FROM person_pseudonyms WHERE pseudonym = ${alert.pseudonym} ORDER BY person_id LIMIT 5`,
  );
  const usable = await usablePersonIds(
    ctx.db,
    ctx.actor,
    candidates.map((c) => c.person_id),
    accessClock(ctx),
  );
  const personId = body.personId ?? candidates.map((c) => c.person_id).find((p) => usable.has(p)) ?? null;
  const [own] = await ctx.db
    .select({ riskFlags: caseloadEntries.riskFlags })
    .from(caseloadEntries)
    .where(and(eq(caseloadEntries.institutionId, alert.institutionId), eq(caseloadEntries.pseudonym, alert.pseudonym)));
  const [home] = await ctx.db
    .select({ regionId: institutions.regionId })
    .from(institutions)
    .where(eq(institutions.id, ctx.actor.institutionId));
  const regionId = body.regionId ?? ctx.actor.regionId ?? home?.regionId;
  if (!regionId)
    throw new DomainError('validation', 'error.validation', {
      fields: [{ path: 'regionId', messageKey: 'alert.regionRequired' }],
    });
  const draft = emptyDraft({ regionId, personId, institutionId: ctx.actor.institutionId });
  const following = [
    ...new Set([...draft.followingInstitutionIds, ...(alert.otherInstitutionId ? [alert.otherInstitutionId] : [])]),
  ];
  const situationId = await saveDraft(ctx, null, {
    ...draft,
    followingInstitutionIds: following,
    anonymous: false,
    riskFactors: (own?.riskFlags ?? []) as RiskFactor[],
    targetGroups: alert.rule === 'laci_end_risk' ? ['laci_end_of_rights'] : [],
  });
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(alerts)
      .set({
        state: 'drafted',
        situationId,
        stateChangedAt: ctx.now(),
        stateByUserId: ctx.actor.userId,
        version: version + 1,
      })
      .where(and(eq(alerts.id, id), eq(alerts.version, version), eq(alerts.state, 'open')))
      .returning({ id: alerts.id });
    if (!updated.length) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'alert.draft',
      recordType: 'alert',
      recordId: id,
      allowed: true,
      details: { situationId },
    });
  });
  return { situationId };
}
