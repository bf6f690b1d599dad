import { eq, inArray } from 'drizzle-orm';
import type { DecisionBody } from '../../contracts/situations.ts';
import { DomainError, type FieldError, conflict, invalid } from '../../domain/errors.ts';
import { orientedTo } from '../../domain/care/passage.ts';
import { nextStatus } from '../../domain/situation/situation-lifecycle.ts';
import { checkTandemEligibility } from '../../domain/situation/tandem-eligibility.ts';
import type { InstitutionKind } from '../../domain/access/roles.ts';
import {
  type SuggestedInstitution,
  checkRefusalSuggestions,
  distinctSuggestions,
} from '../../domain/situation/refusal.ts';
import { institutions, regions } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { currentPassage, endPassage, openPassage, updatePassageIf } from '../care/passage-repository.ts';
import { sendCareInvitations } from '../care/send-care-invitations.ts';
import { bureauOfRegion, notifyUsers } from '../notifications/notify.ts';
import { loadSituationFor } from './load-situation.ts';
import { recordSituationEvent } from './record-event.ts';
import { updateSituationIf } from './situation-repository.ts';

/**
 * The Bureau's decision on a situation under review (DOMAIN.md §4, 004 §6):
 * refuse — suggestions of care or institutional solutions are mandatory and go
 * back to the announcer; orient to a kind of care — for a tandem the six
 * criteria answered one by one; or move it to another region's queue.
 * Two deciders at once: the second finds the version changed and gets 409.
 */
export async function decideSituation(ctx: AuthedContext, id: string, body: DecisionBody) {
  const { row } = await loadSituationFor(ctx, id, 'triage', 'situation.decide');
  const event = body.decision === 'orient' ? { type: 'orient' as const, to: body.careKind } : { type: body.decision };
  const to = nextStatus(row.status, event);
  if (!to) throw new DomainError('conflict', 'situation.transitionNotAllowed');

  const fields: FieldError[] = [];
  let suggested: SuggestedInstitution[] = [];
  if (body.decision === 'refuse') {
    // The institutions suggested (issue 13): the directory's, of the kind said; their names kept with the refusal.
    const wanted = distinctSuggestions(body.suggestedInstitutions);
    const ids = wanted.flatMap((s) => (s.institutionId ? [s.institutionId] : []));
    const found = ids.length
      ? await ctx.db
          .select({
            id: institutions.id,
            kind: institutions.kind,
            nameFr: institutions.nameFr,
            nameDe: institutions.nameDe,
          })
          .from(institutions)
          .where(inArray(institutions.id, ids))
      : [];
    const byId = new Map(found.map((i) => [i.id, i]));
    const directory = new Map(found.map((i) => [i.id, i.kind as InstitutionKind]));
    for (const p of checkRefusalSuggestions(wanted, body.suggestions, directory)) {
      // The problem on the line the caller sent (the list was cleaned of repeats first).
      const line =
        p.index === null ? -1 : body.suggestedInstitutions.indexOf(wanted[p.index] as (typeof wanted)[number]);
      fields.push(
        p.index === null
          ? { path: 'suggestions', messageKey: 'situation.suggestionsRequired' }
          : {
              path: `suggestedInstitutions.${line}`,
              messageKey:
                p.problem === 'kind_mismatch' ? 'situation.suggestedKindMismatch' : 'situation.suggestedUnknown',
            },
      );
    }
    suggested = wanted.map((s) => {
      const i = s.institutionId ? byId.get(s.institutionId) : undefined;
      return { kind: s.kind, institutionId: s.institutionId, nameFr: i?.nameFr ?? null, nameDe: i?.nameDe ?? null };
    });
  }
  if (body.decision === 'orient' && body.careKind === 'tandem') {
    for (const p of checkTandemEligibility(body.eligibility)) {
      fields.push({
        // The justification's problem goes to the justification's box, the answer's to the answer's.
        path: !p.criterion
          ? 'eligibility'
          : p.problem === 'justification_missing'
            ? `eligibility.${p.criterion}.justification`
            : `eligibility.${p.criterion}`,
        messageKey: `eligibility.${p.problem}`,
      });
    }
  }
  if (body.decision === 'move_region') {
    const [region] = await ctx.db.select({ id: regions.id }).from(regions).where(eq(regions.id, body.regionId));
    if (!region) fields.push({ path: 'regionId', messageKey: 'user.unknownRegion' });
    else if (body.regionId === row.regionId) fields.push({ path: 'regionId', messageKey: 'situation.sameRegion' });
  }
  if (fields.length) throw invalid(fields);

  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const values =
      body.decision === 'move_region'
        ? { status: to, regionId: body.regionId, handledByUserId: null, takenUpAt: null, updatedAt: now }
        : {
            status: to,
            decidedAt: now,
            decisionReason: body.reason,
            refusalSuggestions: body.decision === 'refuse' ? body.suggestions : null,
            refusalInstitutions: suggested,
            eligibility: body.decision === 'orient' && body.careKind === 'tandem' ? body.eligibility : row.eligibility,
            careKind: body.decision === 'orient' ? body.careKind : row.careKind,
            updatedAt: now,
          };
    const ok = await updateSituationIf(tx, id, { version: body.version, status: row.status }, values);
    if (!ok) throw conflict();
    if (body.decision === 'orient') {
      // Each kind of care is a passage of its own (issue 12): the one the situation leaves ends (a round table
      // oriented on, 004 §6), unless its own outcome was recorded first; the new one starts.
      let open = await currentPassage(tx, id);
      if (open?.status === 'scheduled' && open.meetingStart) {
        // A meeting still convened will not take place: its participants' calendars get the cancellation.
        open = await updatePassageIf(tx, open.id, open.version, {
          invitationSequence: open.invitationSequence + 1,
          updatedAt: now,
        });
        await sendCareInvitations(tx, ctx, {
          passage: open,
          situationNumber: row.number,
          personId: row.personId,
          method: 'CANCEL',
        });
      }
      if (open) await endPassage(tx, ctx, open, { outcome: orientedTo(body.careKind), reason: body.reason });
      await openPassage(tx, ctx, { situationId: id, kind: body.careKind });
    }
    await recordSituationEvent(tx, ctx, {
      situationId: id,
      personId: row.personId,
      type: body.decision,
      from: row.status,
      to,
      reason: body.reason,
      details:
        body.decision === 'move_region'
          ? { fromRegionId: row.regionId, toRegionId: body.regionId }
          : body.decision === 'refuse'
            ? { suggestions: body.suggestions, institutions: suggested }
            : { careKind: body.careKind },
    });
    if (body.decision === 'move_region') {
      await notifyUsers(tx, await bureauOfRegion(tx, body.regionId), {
        kind: 'situation_announced',
        situationId: id,
        at: now,
      });
    } else {
      await notifyUsers(tx, [row.announcingUserId], {
        kind: `situation_${body.decision === 'refuse' ? 'refused' : 'oriented'}`,
        situationId: id,
        at: now,
        details: { status: to },
      });
    }
  });
}
