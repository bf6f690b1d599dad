import type { z } from 'zod';
import type { ContractBodySchema } from '../../../contracts/assessments.ts';
import { type ContractContent, checkContract } from '../../../domain/care/objectives-contract.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { invalid } from '../../../domain/errors.ts';
import type { Tx } from '../../../db/open-db.ts';
import { contractObjectives } from '../../../db/schema.ts';
import type { AuthedContext } from '../../http/context.ts';
import type { LoadedAssessment } from './load-assessment.ts';

/** A version's content, checked against the domain's rule (400 on the field otherwise). */
export function checkedContent(
  ctx: AuthedContext,
  a: LoadedAssessment,
  body: z.infer<typeof ContractBodySchema>,
): ContractContent {
  const content = { caseManagerInstitutionId: body.caseManagerInstitutionId, objectives: body.objectives };
  const participating = new Set(
    a.participants.filter((p) => p.role !== 'smr_doctor' && p.institutionId).map((p) => p.institutionId as string),
  );
  const problems = checkContract(content, { participatingInstitutionIds: participating, today: swissDay(ctx.now()) });
  if (problems.length) throw invalid(problems.map((p) => ({ path: p.path, messageKey: `contract.${p.problem}` })));
  return content;
}

export async function insertObjectives(tx: Tx, contractId: string, content: ContractContent) {
  await tx.insert(contractObjectives).values(
    content.objectives.map((o, i) => ({
      contractId,
      position: i + 1,
      text: o.text,
      measuresPlanned: o.measuresPlanned,
      responsibleInstitutionId: o.responsibleInstitutionId,
      deadline: o.deadline,
    })),
  );
}
