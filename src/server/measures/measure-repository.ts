import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Measure, MeasureKind } from '../../contracts/measures.ts';
import { pendingStep } from '../../domain/measures/lifecycle.ts';
import type { ApprovalStep } from '../../domain/measures/rule-sets.ts';
import type { Queryable } from '../../db/open-db.ts';
import { institutions, measureDecisions, measureKinds, measures } from '../../db/schema.ts';
import { namesOf } from '../tandem/tandem-repository.ts';

export type MeasureRow = typeof measures.$inferSelect;
export type MeasureKindRow = typeof measureKinds.$inferSelect;

/** The approval steps of a measure's route (the Commission droit is never on it: it is reached by escalation). */
export const routeOf = (m: Pick<MeasureRow, 'route'>) => m.route.filter((s): s is ApprovalStep => s !== 'commission');

export const presentKind = (k: MeasureKindRow): MeasureKind => ({
  id: k.id,
  code: k.code,
  nameFr: k.nameFr,
  nameDe: k.nameDe,
  regime: k.regime,
  delegated: k.delegated,
  costUnit: k.costUnit,
  checks: k.checks,
  active: k.active,
  version: k.version,
});

export async function findMeasure(q: Queryable, id: string): Promise<MeasureRow | null> {
  const [row] = await q.select().from(measures).where(eq(measures.id, id));
  return row ?? null;
}

/** The commune an actor's institution approves for, if it is a commune's. */
export async function communeOfInstitution(q: Queryable, institutionId: string): Promise<string | null> {
  const [row] = await q
    .select({ communeId: institutions.communeId })
    .from(institutions)
    .where(eq(institutions.id, institutionId));
  return row?.communeId ?? null;
}

/** Compare-and-set on the version the caller read: false when someone else changed it first. */
export async function updateMeasureIf(
  q: Queryable,
  id: string,
  version: number,
  values: Partial<Omit<MeasureRow, 'id' | 'version'>>,
): Promise<boolean> {
  const rows = await q
    .update(measures)
    .set({ ...values, version: sql`${measures.version} + 1` })
    .where(and(eq(measures.id, id), eq(measures.version, version)))
    .returning({ id: measures.id });
  return rows.length === 1;
}

export async function presentMeasures(q: Queryable, rows: MeasureRow[]): Promise<Measure[]> {
  if (!rows.length) return [];
  const kinds = await q
    .select()
    .from(measureKinds)
    .where(inArray(measureKinds.id, [...new Set(rows.map((r) => r.kindId))]));
  const kindById = new Map(kinds.map((k) => [k.id, presentKind(k)]));
  const decisions = await q
    .select()
    .from(measureDecisions)
    .where(
      inArray(
        measureDecisions.measureId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(measureDecisions.decidedAt));
  const names = await namesOf(q, [...rows.map((r) => r.proposedByUserId), ...decisions.map((d) => d.decidedByUserId)]);
  return rows.map((r) => ({
    id: r.id,
    situationId: r.situationId,
    // biome-ignore lint/style/noNonNullAssertion: the kinds were read for these rows' kindId, a foreign key
    kind: kindById.get(r.kindId)!,
    regime: r.regime,
    provider: r.provider,
    goals: r.goals,
    startOn: r.startOn,
    endOn: r.endOn,
    unitCostCents: r.unitCostCents,
    quantity: r.quantity,
    totalCents: r.totalCents,
    normalSalaryCents: r.normalSalaryCents,
    allowancePercent: r.allowancePercent,
    ruleSet: r.ruleSet,
    route: r.route,
    pendingStep: pendingStep({ status: r.status, route: routeOf(r), stepIndex: r.stepIndex }),
    status: r.status,
    exception: r.exception,
    escalationReason: r.escalationReason,
    proposedByName: names.get(r.proposedByUserId) ?? '',
    proposedAt: r.proposedAt.toISOString(),
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    endReason: r.endReason,
    decisions: decisions
      .filter((d) => d.measureId === r.id)
      .map((d) => ({
        step: d.step,
        decision: d.decision as 'approve' | 'refuse',
        reason: d.reason,
        decidedByName: names.get(d.decidedByUserId) ?? '',
        decidedAt: d.decidedAt.toISOString(),
      })),
    version: r.version,
  }));
}
