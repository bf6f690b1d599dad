import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ClosurePreview } from '../../contracts/tandem.ts';
import { pendingStep } from '../../domain/measures/lifecycle.ts';
import { reportableMonths } from '../../domain/tandem/monthly-report.ts';
import type { Queryable } from '../../db/open-db.ts';
import { measureKinds, measures, monthlyReports } from '../../db/schema.ts';
import { routeOf } from '../measures/measure-repository.ts';
import type { MandateRow } from './tandem-repository.ts';

/** What a closure withdraws: the measures waiting for a decision, and those approved but not started (issue 11). */
export const CLOSURE_WITHDRAWN = ['proposed', 'escalated', 'approved'] as const;
export const withdrawnAtClosure = (status: string) => (CLOSURE_WITHDRAWN as readonly string[]).includes(status);

/**
 * What a closure on `outcomeOn` would leave open (issue 11): the mandate's measures waiting for a decision or approved
 * and not started, and the
 * months from its start to the outcome's month whose report was neither sent nor skipped.
 */
export async function closureLooseEnds(
  q: Queryable,
  mandate: MandateRow,
  outcomeOn: string,
  today: string,
): Promise<ClosurePreview> {
  const waiting = await q
    .select({ m: measures, nameFr: measureKinds.nameFr, nameDe: measureKinds.nameDe })
    .from(measures)
    .innerJoin(measureKinds, eq(measureKinds.id, measures.kindId))
    .where(and(eq(measures.mandateId, mandate.id), inArray(measures.status, [...CLOSURE_WITHDRAWN])))
    .orderBy(asc(measures.proposedAt));
  const reports = await q
    .select({ month: monthlyReports.month, status: monthlyReports.status })
    .from(monthlyReports)
    .where(eq(monthlyReports.mandateId, mandate.id));
  const statusOf = new Map(reports.map((r) => [r.month, r.status]));
  const months = reportableMonths({ startOn: mandate.startOn, closedOn: outcomeOn }, today);
  return {
    waitingMeasures: waiting.map(({ m, nameFr, nameDe }) => ({
      id: m.id,
      nameFr,
      nameDe,
      startOn: m.startOn,
      pendingStep: pendingStep({ status: m.status, route: routeOf(m), stepIndex: m.stepIndex }),
      status: m.status as (typeof CLOSURE_WITHDRAWN)[number],
    })),
    unsentReports: months
      .filter((month) => {
        const s = statusOf.get(month);
        return s !== 'sent' && s !== 'skipped';
      })
      .map((month) => ({ month, status: statusOf.get(month) === 'draft' ? ('draft' as const) : ('none' as const) })),
  };
}
