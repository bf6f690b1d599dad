import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ObjectiveStatusBodySchema } from '../../../contracts/assessments.ts';
import { DomainError, conflict, notFound } from '../../../domain/errors.ts';
import { contractObjectives } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { lockContract, updateContractIf } from './assessment-repository.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';

/** Execution: the case manager (or the Bureau) records an objective of the contract in force achieved or abandoned. */
export async function setObjectiveStatus(
  ctx: AuthedContext,
  situationId: string,
  versionNo: number,
  objectiveId: string,
  body: z.infer<typeof ObjectiveStatusBodySchema>,
) {
  const a = await loadAssessmentToAct(ctx, situationId, 'manage_assessment', 'contract.objective_status', [
    'in_execution',
  ]);
  const view = a.contracts.find((c) => c.row.versionNo === versionNo);
  if (!view?.objectives.some((o) => o.id === objectiveId)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const row = await lockContract(tx, a.passage.id, versionNo);
    if (!row) throw notFound();
    if (row.status !== 'in_force') throw new DomainError('conflict', 'contract.notInForce');
    await updateContractIf(tx, row.id, body.version, { updatedAt: ctx.now() });
    const changed = await tx
      .update(contractObjectives)
      .set({ status: body.status, statusChangedAt: ctx.now() })
      .where(and(eq(contractObjectives.id, objectiveId), eq(contractObjectives.contractId, row.id)))
      .returning({ id: contractObjectives.id });
    if (!changed.length) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'contract.objective_status',
      recordType: 'objectives_contract',
      recordId: row.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, objectiveId, status: body.status },
    });
  });
  return getAssessment(ctx, situationId);
}
