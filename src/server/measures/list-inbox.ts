import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { InboxItem } from '../../contracts/measures.ts';
import { can, decidesStep } from '../../domain/access/policy.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { ageOn } from '../../domain/situation/vocabulary.ts';
import { pendingStep } from '../../domain/measures/lifecycle.ts';
import { communes, mandates, measures, persons, situations, tandems } from '../../db/schema.ts';
import { type AuditEntryInput, recordAuditMany } from '../audit/audit-log.ts';
import { basesOf } from '../situations/situation-repository.ts';
import type { AuthedContext } from '../http/context.ts';
import { namesOf } from '../tandem/tandem-repository.ts';
import { communeOfInstitution, presentMeasures, routeOf } from './measure-repository.ts';

/** The SQL twin of `decidesStep`: the measures waiting at a step this actor decides. */
function waitingForSql(ctx: AuthedContext, actorCommuneId: string | null): SQL | null {
  const facts = { communeId: actorCommuneId, actorCommuneId };
  const atStep = (step: string) =>
    sql`(${measures.status} = 'proposed' AND ${measures.route}[${measures.stepIndex} + 1] = ${step}::approval_step)`;
  const parts: (SQL | undefined)[] = [];
  if (decidesStep(ctx.actor, 'lmmt', facts)) parts.push(atStep('lmmt'));
  if (decidesStep(ctx.actor, 'sas', facts)) parts.push(atStep('sas'));
  if (actorCommuneId && decidesStep(ctx.actor, 'commune', facts))
    parts.push(and(atStep('commune'), eq(measures.communeId, actorCommuneId)));
  if (decidesStep(ctx.actor, 'commission', facts)) parts.push(sql`${measures.status} = 'escalated'`);
  return or(...parts) ?? null;
}

/**
 * The decider's inbox: each measure waiting at their step, with what a
 * decision needs — the request, the person's age and commune, the tandem — and
 * nothing else of the file (decisions 009 and 012). The name and birth date
 * only when a valid procuration names the decider's institution. Each person
 * shown is audited.
 */
export async function listInbox(ctx: AuthedContext): Promise<InboxItem[]> {
  const actorCommuneId = await communeOfInstitution(ctx.db, ctx.actor.institutionId);
  const where = waitingForSql(ctx, actorCommuneId);
  if (!where) return [];
  const rows = await ctx.db
    .select({
      measure: measures,
      number: situations.number,
      personId: situations.personId,
      tandemId: mandates.tandemId,
    })
    .from(measures)
    .innerJoin(situations, eq(situations.id, measures.situationId))
    .innerJoin(mandates, eq(mandates.id, measures.mandateId))
    .where(where)
    .orderBy(measures.proposedAt)
    .limit(200);
  if (!rows.length) return [];
  const personIds = rows.map((r) => r.personId).filter((id): id is string => id !== null);
  const people = personIds.length
    ? await ctx.db
        .select({
          id: persons.id,
          officialName: persons.officialName,
          firstNames: persons.firstNames,
          birthDate: persons.birthDate,
          commune: communes.name,
        })
        .from(persons)
        .leftJoin(communes, eq(communes.id, persons.communeId))
        .where(inArray(persons.id, personIds))
    : [];
  const personById = new Map(people.map((p) => [p.id, p]));
  const today = swissDay(ctx.now());
  const basisByPerson = await basesOf(ctx.db, personIds, today);
  const tandemRows = await ctx.db
    .select()
    .from(tandems)
    .where(inArray(tandems.id, [...new Set(rows.map((r) => r.tandemId))]));
  const names = await namesOf(
    ctx.db,
    tandemRows.flatMap((t) => [t.orpUserId, t.cmsUserId]),
  );
  const tandemName = new Map(
    tandemRows.map((t) => [t.id, `${names.get(t.orpUserId) ?? ''} · ${names.get(t.cmsUserId) ?? ''}`]),
  );
  const presented = await presentMeasures(
    ctx.db,
    rows.map((r) => r.measure),
  );
  const items: InboxItem[] = [];
  const audits: AuditEntryInput[] = [];
  for (const [i, r] of rows.entries()) {
    const p = r.personId ? personById.get(r.personId) : undefined;
    const step = pendingStep({ status: r.measure.status, route: routeOf(r.measure), stepIndex: r.measure.stepIndex });
    if (!step || step === 'tandem') continue;
    const basis = new Set(r.personId ? (basisByPerson.get(r.personId)?.keys() ?? []) : []);
    const identity =
      p !== undefined &&
      can(ctx.actor, 'read_identity', {
        type: 'measure_step',
        step,
        communeId: r.measure.communeId,
        actorCommuneId,
        basis,
      });
    items.push({
      // biome-ignore lint/style/noNonNullAssertion: presentMeasures gives one measure per row, in order
      measure: presented[i]!,
      step,
      situationNumber: r.number,
      person: {
        age: p ? ageOn(p.birthDate, today) : 0,
        commune: p?.commune ?? null,
        identity: identity && p ? { name: `${p.officialName} ${p.firstNames}`, birthDate: p.birthDate } : null,
      },
      tandem: tandemName.get(r.tandemId) ?? '',
    });
    audits.push({
      action: 'measure.inbox',
      recordType: 'measure',
      recordId: r.measure.id,
      subjectPersonId: r.personId ?? undefined,
      allowed: true,
      details: { step, identityShown: identity },
    });
  }
  await recordAuditMany(ctx.db, ctx, audits);
  return items;
}

/** How many measures wait for this actor: the home page's reminder. Reads no personal data. */
export async function countInbox(ctx: AuthedContext): Promise<number> {
  const where = waitingForSql(ctx, await communeOfInstitution(ctx.db, ctx.actor.institutionId));
  if (!where) return 0;
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(measures).where(where);
  return row?.n ?? 0;
}
