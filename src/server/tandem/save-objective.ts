import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ObjectiveBodySchema, UpdateObjectiveBodySchema } from '../../contracts/tandem.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import { objectives } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadMandateFor } from './load-mandate.ts';
import type { AuditAction } from '../../domain/audit/actions.ts';
import { oneRow } from '../../db/one-row.ts';

type ObjectiveInput = z.infer<typeof ObjectiveBodySchema>;

const checkDates = (o: ObjectiveInput) => {
  if (o.startOn && o.targetOn && o.targetOn < o.startOn)
    throw invalid([{ path: 'targetOn', messageKey: 'objective.targetBeforeStart' }]);
};

/** A coaching objective, with status and dates; achieved or abandoned objectives keep the day they were done. */
export async function saveObjective(
  ctx: AuthedContext,
  situationId: string,
  objectiveId: string | null,
  input: ObjectiveInput | z.infer<typeof UpdateObjectiveBodySchema>,
): Promise<string> {
  const { row, mandate } = await loadMandateFor(
    ctx,
    situationId,
    'coach',
    objectiveId ? 'objective.update' : 'objective.create',
  );
  checkDates(input);
  const now = ctx.now();
  const today = swissDay(now);
  const done = input.status === 'achieved' || input.status === 'abandoned';
  const audit = (id: string, action: AuditAction) => ({
    action,
    recordType: 'objective',
    recordId: id,
    subjectPersonId: row.personId ?? undefined,
    allowed: true,
    details: { situationId, status: input.status },
  });
  const { title, description, status, startOn, targetOn } = input;
  if (!objectiveId) {
    return ctx.db.transaction(async (tx) => {
      const o = oneRow(
        await tx
          .insert(objectives)
          .values({
            title,
            description,
            status,
            startOn,
            targetOn,
            doneOn: done ? today : null,
            mandateId: mandate.id,
            situationId,
            createdByUserId: ctx.actor.userId,
            updatedByUserId: ctx.actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: objectives.id }),
      );
      await recordAudit(tx, ctx, audit(o.id, 'objective.create'));
      return o.id;
    });
  }
  const [current] = await ctx.db
    .select()
    .from(objectives)
    .where(and(eq(objectives.id, objectiveId), eq(objectives.situationId, situationId)));
  if (!current) throw notFound();
  const version = 'version' in input ? input.version : 0;
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(objectives)
      .set({
        title,
        description,
        status,
        startOn,
        targetOn,
        doneOn: done ? (current.doneOn ?? today) : null,
        updatedByUserId: ctx.actor.userId,
        updatedAt: now,
        version: sql`${objectives.version} + 1`,
      })
      .where(and(eq(objectives.id, objectiveId), eq(objectives.version, version)))
      .returning({ id: objectives.id });
    if (!updated.length) throw conflict();
    await recordAudit(tx, ctx, audit(objectiveId, 'objective.update'));
  });
  return objectiveId;
}
