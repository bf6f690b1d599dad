import { and, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Statement } from '../../contracts/measures.ts';
import { notFound } from '../../domain/errors.ts';
import { type QuarterBounds, quarterOf } from '../../domain/measures/costs.ts';
import { type Statement as ComposedStatement, composeStatement } from '../../domain/measures/statement.ts';
import { initialsOf } from '../../domain/tandem/monthly-report.ts';
import type { Db, Tx } from '../../db/open-db.ts';
import { oneRow } from '../../db/one-row.ts';
import { communes, measureKinds, measures, persons, situations } from '../../db/schema.ts';
import { recordAuditMany } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { communeOfInstitution } from './measure-repository.ts';

/**
 * A commune's quarterly statement (seeds 002/003): the LIAS measures and MIPs
 * of its residents that ran during the quarter — a price per month billed by
 * month (the MIP: CHF 500 for each of its six calendar months), any other pro
 * rata of the days they ran — with the canton's 70 % and the commune's 30 %.
 * Persons appear by initials and case number only; the read is audited.
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
  const { statement, rows } = await composeCommuneStatement(ctx.db, commune.id, quarter);
  // The read of the statement, and one row per person on it (by initials, still about them).
  await recordAuditMany(ctx.db, ctx, [
    {
      action: 'statement.read',
      recordType: 'commune_statement',
      recordId: communeId,
      allowed: true,
      details: { quarter: quarter.key, lines: statement.lines.length },
    },
    ...personReads(statement, rows, 'statement.read', { communeId, quarter: quarter.key }),
  ]);
  return { commune, ...statement };
}

/** One audit row per person shown on a statement (by initials and case number, still about them). */
export function personReads(
  statement: ComposedStatement,
  rows: readonly { measureId: string; personId: string | null }[],
  action: 'statement.read' | 'statement.canton_read',
  details: Record<string, string>,
) {
  const shown = new Set(statement.lines.map((l) => l.measureId));
  return rows
    .filter((r) => shown.has(r.measureId))
    .map((r) => ({
      action,
      recordType: 'measure',
      recordId: r.measureId,
      subjectPersonId: r.personId ?? undefined,
      allowed: true,
      details,
    }));
}

/**
 * The one computation of a commune's statement, used by the commune's statement and by the SAS's canton view alike,
 * so that the two cannot disagree: the commune's LIAS measures (MIPs included) that ran during the quarter, composed
 * by the domain.
 */
export async function composeCommuneStatement(db: Db | Tx, communeId: string, quarter: QuarterBounds) {
  return oneRow(await composeCommuneStatements(db, [{ id: communeId }], quarter));
}

/** The same computation for several communes in one query (the canton view), in their order, none left out. */
export async function composeCommuneStatements<C extends { id: string }>(
  db: Db | Tx,
  communeList: C[],
  quarter: QuarterBounds,
) {
  const all = await db
    .select({
      communeId: measures.communeId,
      measureId: measures.id,
      startOn: measures.startOn,
      endOn: measures.endOn,
      totalCents: measures.totalCents,
      unitCostCents: measures.unitCostCents,
      quantity: measures.quantity,
      startedOn: measures.startedOn,
      endedOn: measures.endedOn,
      number: situations.number,
      personId: situations.personId,
      officialName: persons.officialName,
      firstNames: persons.firstNames,
      kindNameFr: measureKinds.nameFr,
      kindNameDe: measureKinds.nameDe,
      costUnit: measureKinds.costUnit,
      checks: measureKinds.checks,
    })
    .from(measures)
    .innerJoin(measureKinds, eq(measureKinds.id, measures.kindId))
    .innerJoin(situations, eq(situations.id, measures.situationId))
    .leftJoin(persons, eq(persons.id, situations.personId))
    .where(
      and(
        inArray(
          measures.communeId,
          communeList.map((c) => c.id),
        ),
        eq(measures.regime, 'LIAS'),
        isNotNull(measures.startedOn),
        lte(measures.startedOn, quarter.to),
        // A MIP stored before issue 11 may end a day into a seventh month: the domain bills it by its start alone.
        sql`COALESCE(${measures.endedOn}, ${measures.endOn}) >= ${quarter.from}`,
      ),
    );
  // Grouped by commune, then each composed by the domain exactly as the commune's own statement is.
  const composed: { commune: C; statement: ComposedStatement; rows: typeof all }[] = [];
  for (const commune of communeList) {
    const rows = all.filter((r) => r.communeId === commune.id);
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
        costUnit: r.costUnit,
        unitCostCents: r.unitCostCents,
        quantity: r.quantity,
        startedOn: r.startedOn,
        endedOn: r.endedOn,
      })),
    );
    composed.push({ commune, statement, rows });
  }
  return composed;
}
