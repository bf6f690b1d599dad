import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConformityBodySchema } from '../../../contracts/assessments.ts';
import { checkConformity } from '../../../domain/care/conformity-checklists.ts';
import {
  type ContractStatus,
  PERSON_PARTY,
  contractParties,
  isOpenVersion,
} from '../../../domain/care/objectives-contract.ts';
import { DomainError, conflict, invalid, notFound } from '../../../domain/errors.ts';
import { institutions } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { contentOf, lockContract, updateContractIf } from './assessment-repository.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';
import { settleContract } from './settle-contract.ts';

/**
 * The Bureau's conformity check of one version (seed 004 §6: "le bureau est garant de la conformité des contrats
 * d'objectifs … avec / dans les cadres légaux respectifs"): every item of each party institution's checklist, the
 * result, and for a non-conforming contract the reasons that go back to the team, who write a new version. Once per
 * version, under its lock: two checks at once, one wins. A conforming version that every party accepted is in force.
 */
export async function checkContractConformity(
  ctx: AuthedContext,
  situationId: string,
  versionNo: number,
  body: z.infer<typeof ConformityBodySchema>,
) {
  const a = await loadAssessmentToAct(ctx, situationId, 'check_conformity', 'contract.conformity', [
    'held',
    'in_execution',
  ]);
  const view = a.contracts.find((c) => c.row.versionNo === versionNo);
  if (!view) throw notFound();
  const partyIds = contractParties(contentOf(view)).filter((p) => p !== PERSON_PARTY);
  const kinds = await ctx.db
    .select({ institutionId: institutions.id, kind: institutions.kind })
    .from(institutions)
    .where(inArray(institutions.id, partyIds));
  const problems = checkConformity(kinds, body.answers, body.result, body.reasons);
  if (problems.length) throw invalid(problems.map((p) => ({ path: p.path, messageKey: `conformity.${p.problem}` })));
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockContract(tx, a.passage.id, versionNo);
    if (!row) throw notFound();
    if (row.conformityResult) throw new DomainError('conflict', 'contract.alreadyChecked');
    if (!isOpenVersion(row.status as ContractStatus) || row.supersededAt)
      throw new DomainError('conflict', 'contract.notOpen');
    if (row.version !== body.version) throw conflict();
    await updateContractIf(tx, row.id, row.version, {
      conformityResult: body.result,
      conformityReasons: body.result === 'non_conforming' ? body.reasons : '',
      conformityCheckedAt: now,
      conformityCheckedByUserId: ctx.actor.userId,
      checklist: body.answers,
      updatedAt: now,
    });
    const status = await settleContract(tx, ctx, {
      passageId: a.passage.id,
      contractId: row.id,
      situationId,
      number: a.row.number,
      personId: a.row.personId,
    });
    await recordAudit(tx, ctx, {
      action: 'contract.conformity',
      recordType: 'objectives_contract',
      recordId: row.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, versionNo, result: body.result, status },
    });
  });
  return getAssessment(ctx, situationId);
}
