import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ContractBodySchema } from '../../../contracts/assessments.ts';
import { type ContractStatus, isEditableVersion } from '../../../domain/care/objectives-contract.ts';
import { DomainError, conflict, notFound } from '../../../domain/errors.ts';
import { contractAcceptances, contractObjectives } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { lockContract, updateContractIf } from './assessment-repository.ts';
import { checkedContent, insertObjectives } from './contract-content.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';

/**
 * Edits a version nobody has accepted or checked yet (a draft being written). Once someone accepted it or the Bureau
 * checked it, what they saw must stay as it was: the team writes a new version instead.
 */
export async function editContractVersion(
  ctx: AuthedContext,
  situationId: string,
  versionNo: number,
  body: z.infer<typeof ContractBodySchema>,
) {
  const a = await loadAssessmentToAct(ctx, situationId, 'write_contract', 'contract.write', ['held', 'in_execution']);
  if (!a.contracts.some((c) => c.row.versionNo === versionNo)) throw notFound();
  const content = checkedContent(ctx, a, body);
  if (body.version === undefined) throw conflict();
  const version = body.version;
  await ctx.db.transaction(async (tx) => {
    const row = await lockContract(tx, a.passage.id, versionNo);
    if (!row) throw notFound();
    const accepted = await tx
      .select({ id: contractAcceptances.id })
      .from(contractAcceptances)
      .where(eq(contractAcceptances.contractId, row.id));
    if (row.version !== version) throw conflict();
    if (!isEditableVersion({ status: row.status as ContractStatus, acceptances: accepted.length }))
      throw new DomainError('conflict', 'contract.notEditable');
    await updateContractIf(tx, row.id, version, {
      caseManagerInstitutionId: content.caseManagerInstitutionId,
      updatedAt: ctx.now(),
    });
    await tx.delete(contractObjectives).where(eq(contractObjectives.contractId, row.id));
    await insertObjectives(tx, row.id, content);
    await recordAudit(tx, ctx, {
      action: 'contract.write',
      recordType: 'objectives_contract',
      recordId: row.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, versionNo, edited: true, objectives: content.objectives.length },
    });
  });
  return getAssessment(ctx, situationId);
}
