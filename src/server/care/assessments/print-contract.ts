import { can } from '../../../domain/access/policy.ts';
import { isSmrReader } from '../../../domain/care/assessment-access.ts';
import { notFound } from '../../../domain/errors.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { contractPdfBuffer } from './contract-pdf-data.ts';
import { loadAssessmentFor } from './load-assessment.ts';

/**
 * One version of the objectives contract as a PDF in the person's language, for whoever reads the assessment's
 * contract (not the SMR doctor, who reads its medical part only); the person's name only for a reader who may see who
 * she is. The read is audited.
 */
export async function printContract(ctx: AuthedContext, situationId: string, versionNo: number) {
  const a = await loadAssessmentFor(ctx, situationId, 'contract.print');
  const view = a.contracts.find((c) => c.row.versionNo === versionNo);
  if (!view || isSmrReader(ctx.actor, a.facts)) throw notFound();
  const withIdentity = can(ctx.actor, 'read_identity', { type: 'situation', ...a.facts.situation });
  const out = await contractPdfBuffer(ctx.db, {
    situationId,
    number: a.row.number,
    personId: a.row.personId,
    view,
    withIdentity,
  });
  await recordAudit(ctx.db, ctx, {
    action: 'contract.print',
    recordType: 'objectives_contract',
    recordId: view.row.id,
    subjectPersonId: a.row.personId ?? undefined,
    allowed: true,
    details: { situationId, versionNo, lang: out.lang, identity: withIdentity },
  });
  return out;
}
