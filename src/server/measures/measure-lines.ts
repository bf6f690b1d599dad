import { and, asc, eq, gte, lte, or, sql } from 'drizzle-orm';
import type { MeasureLine } from '../../domain/measures/lifecycle.ts';
import type { Queryable } from '../../db/open-db.ts';
import { measureKinds, measures } from '../../db/schema.ts';

/**
 * The measures of a mandate as report lines — all of them for the bilan final,
 * or those of one month for a monthly report: proposed in it, or planned or
 * running across it.
 */
export async function measureLines(
  q: Queryable,
  mandateId: string,
  month?: { from: string; to: string },
): Promise<MeasureLine[]> {
  const inMonth = month
    ? or(
        and(
          gte(sql`(${measures.proposedAt} AT TIME ZONE 'Europe/Zurich')::date`, month.from),
          lte(sql`(${measures.proposedAt} AT TIME ZONE 'Europe/Zurich')::date`, month.to),
        ),
        and(
          lte(sql`COALESCE(${measures.startedOn}, ${measures.startOn})`, month.to),
          gte(sql`COALESCE(${measures.endedOn}, ${measures.endOn})`, month.from),
        ),
      )
    : undefined;
  const rows = await q
    .select({
      nameFr: measureKinds.nameFr,
      nameDe: measureKinds.nameDe,
      status: measures.status,
      startOn: measures.startOn,
      endOn: measures.endOn,
      startedOn: measures.startedOn,
      endedOn: measures.endedOn,
      endReason: measures.endReason,
    })
    .from(measures)
    .innerJoin(measureKinds, eq(measureKinds.id, measures.kindId))
    .where(and(eq(measures.mandateId, mandateId), inMonth))
    .orderBy(asc(measures.startOn), asc(measures.createdAt));
  return rows;
}
