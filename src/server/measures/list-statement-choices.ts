import { and, asc, gt, inArray, isNotNull, min, eq } from 'drizzle-orm';
import { can } from '../../domain/access/policy.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { quartersBetween } from '../../domain/measures/statement.ts';
import { communes, measures } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { communeOfInstitution } from './measure-repository.ts';

/**
 * What the statements screen offers the caller: the communes whose statements they read (every one for the SAS,
 * their own for a commune), every quarter with data among them — from the one of the earliest LIAS measure with a
 * cost that started (a 2022 MIP included) to today's — and whether they may see the canton view.
 */
export async function listStatementChoices(ctx: AuthedContext) {
  const actorCommuneId = await communeOfInstitution(ctx.db, ctx.actor.institutionId);
  const all = await ctx.db
    .select({ id: communes.id, name: communes.name, language: communes.language })
    .from(communes)
    .orderBy(asc(communes.name));
  const readable = all.filter((c) =>
    can(ctx.actor, 'read', { type: 'commune_statement', communeId: c.id, actorCommuneId }),
  );
  const today = swissDay(ctx.now());
  const [earliest] = readable.length
    ? await ctx.db
        .select({ on: min(measures.startedOn) })
        .from(measures)
        .where(
          and(
            inArray(
              measures.communeId,
              readable.map((c) => c.id),
            ),
            eq(measures.regime, 'LIAS'),
            isNotNull(measures.startedOn),
            gt(measures.totalCents, 0),
          ),
        )
    : [];
  const from = earliest?.on && earliest.on < today ? earliest.on : today;
  return {
    communes: readable,
    quarters: readable.length ? quartersBetween(from, today) : [],
    canton: can(ctx.actor, 'read', { type: 'canton_statement' }),
  };
}
