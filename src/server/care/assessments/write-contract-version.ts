import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { ContractBodySchema } from '../../../contracts/assessments.ts';
import { supersedesAtOnce, type ContractStatus } from '../../../domain/care/objectives-contract.ts';
import { conflict } from '../../../domain/errors.ts';
import { oneRow } from '../../../db/one-row.ts';
import { objectivesContracts } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { checkedContent, insertObjectives } from './contract-content.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';

/**
 * Writes a new version of the objectives contract: the first, or an amendment (seed 004 §6; issue 12: "an amendment
 * is a new version accepted again, and earlier versions stay readable"). It starts with no acceptance and no
 * conformity; the latest version is superseded at once, unless it is in force — then it stays in force until the
 * amendment is (decision 022). Names the version it amends: two amendments of one version cannot both be written (409).
 */
export async function writeContractVersion(
  ctx: AuthedContext,
  situationId: string,
  body: z.infer<typeof ContractBodySchema>,
) {
  const a = await loadAssessmentToAct(ctx, situationId, 'write_contract', 'contract.write', ['held', 'in_execution']);
  const content = checkedContent(ctx, a, body);
  const latest = a.contracts[0] ?? null;
  if ((latest?.row.versionNo ?? null) !== (body.basedOnVersionNo ?? null)) throw conflict();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (latest && supersedesAtOnce(latest.row.status as ContractStatus)) {
      const superseded = await tx
        .update(objectivesContracts)
        .set({ status: 'superseded', supersededAt: now, updatedAt: now })
        .where(and(eq(objectivesContracts.id, latest.row.id), isNull(objectivesContracts.supersededAt)))
        .returning({ id: objectivesContracts.id });
      if (!superseded.length) throw conflict();
    }
    const [row] = await tx
      .insert(objectivesContracts)
      .values({
        passageId: a.passage.id,
        situationId,
        versionNo: (latest?.row.versionNo ?? 0) + 1,
        caseManagerInstitutionId: content.caseManagerInstitutionId,
        createdByUserId: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      // Someone else wrote this version number a moment before: theirs stands.
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict();
    await insertObjectives(tx, row.id, content);
    await recordAudit(tx, ctx, {
      action: 'contract.write',
      recordType: 'objectives_contract',
      recordId: oneRow([row]).id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, versionNo: row.versionNo, objectives: content.objectives.length },
    });
  });
  return getAssessment(ctx, situationId);
}
