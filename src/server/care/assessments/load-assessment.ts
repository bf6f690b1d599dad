import type { AssessmentAction } from '../../../domain/care/assessment-access.ts';
import { type AssessmentStatus, assessmentStatusOf } from '../../../domain/care/assessment.ts';
import type { AuditAction } from '../../../domain/audit/actions.ts';
import { DomainError, notFound } from '../../../domain/errors.ts';
import type { Queryable } from '../../../db/open-db.ts';
import { ensureAllowed } from '../../http/access.ts';
import type { AuthedContext } from '../../http/context.ts';
import { loadSituationFor } from '../../situations/load-situation.ts';
import { participantsOf } from '../participants.ts';
import { latestPassage } from '../passage-repository.ts';
import { contractsOf, factsOf } from './assessment-repository.ts';

/**
 * The situation's assessment if the caller may read the situation (the one access check, audited; 404 otherwise,
 * and 404 when it has no assessment), with what the policy needs to decide the assessment's own actions.
 */
export async function loadAssessmentFor(
  ctx: AuthedContext,
  situationId: string,
  auditAction: AuditAction,
  q: Queryable = ctx.db,
) {
  // The SMR doctor taking part reads the assessment without reading the file (`read_assessment` in the policy).
  const found = await loadSituationFor(ctx, situationId, 'read_assessment', auditAction, q);
  const passage = await latestPassage(q, situationId, 'assessment');
  if (!passage) throw notFound();
  const participants = await participantsOf(q, passage.id);
  const contracts = await contractsOf(q, passage.id);
  const facts = factsOf(found.facts, participants, contracts);
  return { ...found, passage, participants, contracts, facts, status: assessmentStatusOf(passage) };
}
export type LoadedAssessment = Awaited<ReturnType<typeof loadAssessmentFor>>;

/** The assessment, if the caller may `action` it: the refusal audited, 404 for whoever may not. */
export async function loadAssessmentToAct(
  ctx: AuthedContext,
  situationId: string,
  action: AssessmentAction,
  auditAction: AuditAction,
  expected?: readonly AssessmentStatus[],
  party?: string,
) {
  const a = await loadAssessmentFor(ctx, situationId, auditAction);
  await ensureAllowed(
    ctx,
    action,
    { type: 'assessment', ...a.facts, ...(party === undefined ? {} : { party }) },
    { action: auditAction, recordId: situationId, subjectPersonId: a.row.personId ?? undefined },
  );
  if (expected && !expected.includes(a.status)) throw new DomainError('conflict', 'assessment.wrongState');
  return a;
}
