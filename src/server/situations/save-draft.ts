import { eq } from 'drizzle-orm';
import type { DraftBody } from '../../contracts/situations.ts';
import { canAnnounce } from '../../domain/access/policy.ts';
import { DomainError, conflict, invalid } from '../../domain/errors.ts';
import { persons, regions, situations } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from './load-situation.ts';
import { usablePersonIds } from '../persons/person-repository.ts';
import { recordSituationEvent } from './record-event.ts';
import { accessClock, nextSituationNumber, updateSituationIf } from './situation-repository.ts';
import { oneRow } from '../../db/one-row.ts';

/**
 * Creates (no id) or saves a draft announcement, or the revision of a refused
 * one. Drafts accept incomplete content so that nothing typed is lost;
 * announcing checks completeness. The
 * announcing professional and institution come from the session.
 */
export async function saveDraft(ctx: AuthedContext, id: string | null, body: DraftBody & { version?: number }) {
  // A draft one may not edit does not exist (404) — checked before anything in the body is looked at.
  const current = id ? await loadSituationFor(ctx, id, 'update', 'situation.save_draft') : null;
  if (!id && !canAnnounce(ctx.actor)) throw new DomainError('forbidden', 'error.forbidden');
  // Once announced, a situation keeps its person, its anonymity and its region (decision 016): a revision of a
  // refused announcement changes what it says, not whom it is about nor which Bureau triages it — the refusal,
  // the timeline, the procuration and the scans stay with the person they concern; a move is the Bureau's.
  if (current && current.row.status !== 'draft') {
    const fixed: { path: string; messageKey: string }[] = [];
    if (body.regionId !== current.row.regionId)
      fixed.push({ path: 'regionId', messageKey: 'draft.fixedAfterAnnouncement' });
    if (body.anonymous !== current.row.anonymous)
      fixed.push({ path: 'anonymous', messageKey: 'draft.fixedAfterAnnouncement' });
    else if (!body.anonymous && (body.personId ?? null) !== current.row.personId)
      fixed.push({ path: 'personId', messageKey: 'draft.fixedAfterAnnouncement' });
    if (fixed.length) throw invalid(fixed);
  }
  const [region] = await ctx.db.select({ id: regions.id }).from(regions).where(eq(regions.id, body.regionId));
  if (!region) throw invalid([{ path: 'regionId', messageKey: 'user.unknownRegion' }]);
  if (body.personId) {
    const [person] = await ctx.db
      .select({ id: persons.id, mergedIntoId: persons.mergedIntoId })
      .from(persons)
      .where(eq(persons.id, body.personId));
    if (!person || person.mergedIntoId) throw invalid([{ path: 'personId', messageKey: 'field.invalidChoice' }]);
    // A person id is not a key to the person's data: only a person the caller already sees (the one already
    // kept on this draft stays).
    const kept = current?.row.personId === body.personId;
    if (!kept && !(await usablePersonIds(ctx.db, ctx.actor, [body.personId], accessClock(ctx))).has(body.personId)) {
      throw invalid([{ path: 'personId', messageKey: 'person.notUsable' }]);
    }
  }
  const { version, ...fields } = body;
  // An anonymous situation carries no identity at all.
  const values = { ...fields, personId: fields.anonymous ? null : fields.personId, updatedAt: ctx.now() };
  const now = ctx.now();
  if (!id) {
    return ctx.db.transaction(async (tx) => {
      const number = await nextSituationNumber(tx, Number(now.toISOString().slice(0, 4)));
      const row = oneRow(
        await tx
          .insert(situations)
          .values({
            ...values,
            number,
            announcingUserId: ctx.actor.userId,
            announcingInstitutionId: ctx.actor.institutionId,
            createdAt: now,
          })
          .returning({ id: situations.id }),
      );
      await recordSituationEvent(tx, ctx, {
        situationId: row.id,
        personId: values.personId,
        type: 'create_draft',
        to: 'draft',
      });
      return row.id;
    });
  }
  // A draft, or a refused announcement its announcer revises before announcing it again (the policy said which).
  const status = current?.row.status ?? 'draft';
  await ctx.db.transaction(async (tx) => {
    const ok = await updateSituationIf(tx, id, { version: version ?? -1, status }, values);
    if (!ok) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'situation.save_draft',
      recordType: 'situation',
      recordId: id,
      subjectPersonId: values.personId ?? current?.row.personId ?? undefined,
      allowed: true,
    });
  });
  return id;
}
