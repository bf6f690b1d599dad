import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MeasureKind, MeasureKindBodySchema, UpdateMeasureKindBodySchema } from '../../contracts/measures.ts';
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import { measureKinds } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { presentKind } from './measure-repository.ts';

/** The catalogue, for every signed-in user (it names no person). */
export async function listMeasureKinds(ctx: AuthedContext): Promise<MeasureKind[]> {
  await ensureAllowed(ctx, 'read', { type: 'measure_kind' }, { action: 'measure_kind.list' });
  const rows = await ctx.db.select().from(measureKinds).orderBy(asc(measureKinds.regime), asc(measureKinds.nameFr));
  return rows.map(presentKind);
}

// The LMMT decides every LEMC measure (seeds 002/003): a LEMC kind cannot be delegated to the tandem.
const checkDelegation = (input: { regime: string; delegated: boolean }) => {
  if (input.delegated && input.regime !== 'LACI')
    throw invalid([{ path: 'delegated', messageKey: 'measureKind.delegatedOnlyLaci' }]);
};

/** An administrator adds a kind; its rules (AIT, MIP) stay with the built-in kinds. */
export async function createMeasureKind(
  ctx: AuthedContext,
  input: z.infer<typeof MeasureKindBodySchema>,
): Promise<MeasureKind> {
  await ensureAllowed(ctx, 'manage', { type: 'measure_kind' }, { action: 'measure_kind.create' });
  checkDelegation(input);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(measureKinds)
      .values({ ...input, checks: null, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: measureKinds.code })
      .returning();
    if (!row) throw invalid([{ path: 'code', messageKey: 'measureKind.codeTaken' }]);
    await recordAudit(tx, ctx, {
      action: 'measure_kind.create',
      recordType: 'measure_kind',
      recordId: row.id,
      allowed: true,
      details: { code: row.code },
    });
    return presentKind(row);
  });
}

/**
 * Renaming, rerouting or retiring a kind changes future proposals only: a measure keeps the regime and route it was
 * proposed with.
 */
export async function updateMeasureKind(
  ctx: AuthedContext,
  id: string,
  input: z.infer<typeof UpdateMeasureKindBodySchema>,
): Promise<MeasureKind> {
  await ensureAllowed(ctx, 'manage', { type: 'measure_kind' }, { action: 'measure_kind.update' });
  checkDelegation(input);
  const [current] = await ctx.db.select().from(measureKinds).where(eq(measureKinds.id, id));
  if (!current) throw notFound();
  // A rule-bearing kind (AIT, MIP) keeps its regime: its rules are those of that law.
  if (current.checks && input.regime !== current.regime)
    throw invalid([{ path: 'regime', messageKey: 'measureKind.regimeFixed' }]);
  const { version, ...values } = input;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(measureKinds)
      .set({ ...values, updatedAt: ctx.now(), version: sql`${measureKinds.version} + 1` })
      .where(sql`${measureKinds.id} = ${id} AND ${measureKinds.version} = ${version}`)
      .returning();
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'measure_kind.update',
      recordType: 'measure_kind',
      recordId: id,
      allowed: true,
      details: { code: row.code, active: row.active },
    });
    return presentKind(row);
  });
}
