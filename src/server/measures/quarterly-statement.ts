import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Statement } from '../../contracts/measures.ts';
import { can } from '../../domain/access/policy.ts';
import { notFound } from '../../domain/errors.ts';
import { quarterOf } from '../../domain/measures/costs.ts';
import { composeStatement } from '../../domain/measures/statement.ts';
import { initialsOf } from '../../domain/tandem/monthly-report.ts';
import { communes, measureKinds, measures, persons, situations } from '../../db/schema.ts';
import { recordAuditMany } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { communeOfInstitution } from './measure-repository.ts';

/** The communes whose statements the caller reads: every one for the SAS, their own for a commune. */
export async function listStatementCommunes(ctx: AuthedContext) {
  const actorCommuneId = await communeOfInstitution(ctx.db, ctx.actor.institutionId);
  const all = await ctx.db
    .select({ id: communes.id, name: communes.name, language: communes.language })
    .from(communes)
    .orderBy(asc(communes.name));
  return all.filter((c) => can(ctx.actor, 'read', { type: 'commune_statement', communeId: c.id, actorCommuneId }));
}

/**
 * A commune's quarterly statement (seeds 002/003): the LIAS measures and MIPs
 * of its residents that ran during the quarter, their cost pro rata of the
 * days they ran, with the canton's 70 % and the commune's 30 %. Persons appear
 * by initials and case number only; the read is audited.
 */
export async function getStatement(ctx: AuthedContext, communeId: string, quarterKey: string): Promise<Statement> {
  const quarter = quarterOf(quarterKey);
  const actorCommuneId = await communeOfInstitution(ctx.db, ctx.actor.institutionId);
  await ensureAllowed(
    ctx,
    'read',
    { type: 'commune_statement', communeId, actorCommuneId },
    { action: 'statement.read', recordId: communeId },
  );
  const [commune] = await ctx.db
    .select({ id: communes.id, name: communes.name, language: communes.language })
    .from(communes)
    .where(eq(communes.id, communeId));
  if (!commune || !quarter) throw notFound();
  const rows = await ctx.db
    .select({
      measureId: measures.id,
      startOn: measures.startOn,
      endOn: measures.endOn,
      totalCents: measures.totalCents,
      startedOn: measures.startedOn,
      endedOn: measures.endedOn,
      number: situations.number,
      personId: situations.personId,
      officialName: persons.officialName,
      firstNames: persons.firstNames,
      kindNameFr: measureKinds.nameFr,
      kindNameDe: measureKinds.nameDe,
      checks: measureKinds.checks,
    })
    .from(measures)
    .innerJoin(measureKinds, eq(measureKinds.id, measures.kindId))
    .innerJoin(situations, eq(situations.id, measures.situationId))
    .leftJoin(persons, eq(persons.id, situations.personId))
    .where(
      and(
        eq(measures.communeId, communeId),
        eq(measures.regime, 'LIAS'),
        isNotNull(measures.startedOn),
        lte(measures.startedOn, quarter.to),
        sql`COALESCE(${measures.endedOn}, ${measures.endOn}) >= ${quarter.from}`,
      ),
    );
  const statement = composeStatement(
    quarter,
    rows.map((r) => ({
      measureId: r.measureId,
      situationNumber: r.number,
      initials: r.officialName ? initialsOf(r.firstNames ?? '', r.officialName) : '—',
      kindNameFr: r.kindNameFr,
      kindNameDe: r.kindNameDe,
      mip: r.checks === 'mip',
      startOn: r.startOn,
      endOn: r.endOn,
      totalCents: r.totalCents,
      startedOn: r.startedOn,
      endedOn: r.endedOn,
    })),
  );
  // The read of the statement, and one row per person on it (by initials, still about them).
  const shown = new Set(statement.lines.map((l) => l.measureId));
  await recordAuditMany(ctx.db, ctx, [
    {
      action: 'statement.read',
      recordType: 'commune_statement',
      recordId: communeId,
      allowed: true,
      details: { quarter: quarter.key, lines: shown.size },
    },
    ...rows
      .filter((r) => shown.has(r.measureId))
      .map((r) => ({
        action: 'statement.read' as const,
        recordType: 'measure',
        recordId: r.measureId,
        subjectPersonId: r.personId ?? undefined,
        allowed: true,
        details: { communeId, quarter: quarter.key },
      })),
  ]);
  return { commune, ...statement };
}
