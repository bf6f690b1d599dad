import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssignBodySchema } from '../../contracts/tandem.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { DomainError, type FieldError, conflict, invalid } from '../../domain/errors.ts';
import { checkAssignment, fileHolding } from '../../domain/tandem/file-holding.ts';
import { addMonths, plannedEnd } from '../../domain/tandem/mandate.ts';
import { carePassages, institutions, mandates, tandems, users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { loadSituationFor } from '../situations/load-situation.ts';
import { ensureConsentCoversTandem } from './consent-covers-tandem.ts';
import { recordSituationEvent } from '../situations/record-event.ts';
import { updateSituationIf } from '../situations/situation-repository.ts';
import { oneRow } from '../../db/one-row.ts';

/**
 * The Bureau assigns a situation oriented to a tandem to one tandem of its
 * region. That starts the mandate: six months planned (seeds 000/004). Beyond
 * the tandem's capacity the Bureau must confirm, and the confirmation is kept.
 * The tandem row is locked while its load is counted, so two assignments at
 * once cannot both slip under the capacity.
 */
export async function assignTandem(ctx: AuthedContext, situationId: string, body: z.infer<typeof AssignBodySchema>) {
  const { row, facts } = await loadSituationFor(ctx, situationId, 'assign', 'situation.assign_tandem');
  if (row.status !== 'tandem') throw new DomainError('conflict', 'situation.transitionNotAllowed');
  if (facts.mandate) throw conflict();
  const today = swissDay(ctx.now());
  const fields: FieldError[] = [];
  const oriented = row.decidedAt ? swissDay(row.decidedAt) : today;
  if (body.startOn < oriented) fields.push({ path: 'startOn', messageKey: 'mandate.startBeforeOrientation' });
  if (body.startOn > addMonths(today, 1)) fields.push({ path: 'startOn', messageKey: 'mandate.startTooFar' });
  const extra = [...new Set(body.extraRecipientIds.filter((id) => id !== row.announcingUserId))];
  if (extra.length) {
    const found = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, extra), isNull(users.disabledAt)));
    if (found.length !== extra.length)
      fields.push({ path: 'extraRecipientIds', messageKey: 'mandate.unknownRecipient' });
  }
  if (fields.length) throw invalid(fields);
  await ensureConsentCoversTandem(ctx, {
    situationId,
    basis: facts.basis,
    announcingUserId: row.announcingUserId,
    tandemId: body.tandemId,
  });
  const announcerInstitution = oneRow(
    await ctx.db
      .select({ kind: institutions.kind })
      .from(institutions)
      .where(eq(institutions.id, row.announcingInstitutionId)),
  );

  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [tandem] = await tx.select().from(tandems).where(eq(tandems.id, body.tandemId)).for('update');
    if (!tandem) throw invalid([{ path: 'tandemId', messageKey: 'tandem.unknown' }]);
    const [load] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(mandates)
      .where(and(eq(mandates.tandemId, tandem.id), isNull(mandates.closedAt)));
    const verdict = checkAssignment({ ...tandem, load: load?.n ?? 0 }, row.regionId, body.confirmOverCapacity);
    if (!verdict.ok) {
      throw invalid([
        {
          path: verdict.reason === 'over_capacity_unconfirmed' ? 'confirmOverCapacity' : 'tandemId',
          messageKey: `tandem.${verdict.reason}`,
          params: { capacity: tandem.capacity, load: load?.n ?? 0 },
        },
      ]);
    }
    const holding = fileHolding({ userId: row.announcingUserId, institutionKind: announcerInstitution.kind }, tandem);
    // The situation's version guards against a second assignment (and any concurrent change) in between.
    if (!(await updateSituationIf(tx, situationId, { version: body.version, status: 'tandem' }, { updatedAt: now })))
      throw conflict();
    const endOn = plannedEnd(body.startOn);
    const [m] = await tx
      .insert(mandates)
      .values({
        situationId,
        tandemId: tandem.id,
        startOn: body.startOn,
        plannedEndOn: endOn,
        endOn,
        assignedByUserId: ctx.actor.userId,
        assignedAt: now,
        overCapacity: verdict.overCapacity,
        leadUserId: holding.leadUserId,
        budgetHolderUserId: holding.budgetHolderUserId,
        handBackToUserId: holding.handBackToUserId,
        holderUserId: holding.leadUserId,
        reportRecipientIds: [row.announcingUserId, ...extra],
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: mandates.situationId })
      .returning({ id: mandates.id });
    if (!m) throw conflict();
    // The tandem's passage now runs on this mandate.
    await tx
      .update(carePassages)
      .set({ status: 'active', mandateId: m.id, updatedAt: now, version: sql`${carePassages.version} + 1` })
      .where(
        and(eq(carePassages.situationId, situationId), eq(carePassages.kind, 'tandem'), isNull(carePassages.endedAt)),
      );
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'assign_tandem',
      reason: verdict.overCapacity ? 'over_capacity_confirmed' : '',
      details: {
        tandemId: tandem.id,
        startOn: body.startOn,
        endOn,
        overCapacity: verdict.overCapacity,
        load: load?.n ?? 0,
        capacity: tandem.capacity,
      },
    });
    await notifyUsers(tx, [tandem.orpUserId, tandem.cmsUserId, row.announcingUserId], {
      kind: 'tandem_assigned',
      situationId,
      at: now,
      details: { startOn: body.startOn },
    });
  });
}
