import { formatDate } from '../../../domain/format/swiss-format.ts';
import type { z } from 'zod';
import type { AcceptBodySchema } from '../../../contracts/assessments.ts';
import {
  type ContractStatus,
  PERSON_PARTY,
  contractParties,
  isOpenVersion,
} from '../../../domain/care/objectives-contract.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { DomainError, conflict, invalid, notFound } from '../../../domain/errors.ts';
import { contractAcceptances } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { contentOf, lockContract, updateContractIf } from './assessment-repository.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';
import { settleContract } from './settle-contract.ts';

/**
 * One party accepts one version of the contract (issue 12: "each party … accepts it explicitly"): a participant of
 * the party's institution accepts for it; the person's acceptance is her signature on the PDF, recorded by the Bureau
 * or the case manager with the date she signed. One acceptance per party and version (a unique key: two accepting at
 * once, one wins); the version must be the one the caller read. The last acceptance of a conforming version puts it
 * in force.
 */
export async function acceptContract(
  ctx: AuthedContext,
  situationId: string,
  versionNo: number,
  body: z.infer<typeof AcceptBodySchema>,
) {
  const a = await loadAssessmentToAct(
    ctx,
    situationId,
    'accept_contract',
    'contract.accept',
    ['held', 'in_execution'],
    body.party,
  );
  const view = a.contracts.find((c) => c.row.versionNo === versionNo);
  if (!view) throw notFound();
  if (!contractParties(contentOf(view)).includes(body.party))
    throw invalid([{ path: 'party', messageKey: 'contract.notParty' }]);
  const person = body.party === PERSON_PARTY;
  if (person && !body.signedOn) throw invalid([{ path: 'signedOn', messageKey: 'contract.signedOnRequired' }]);
  if (person && body.signedOn && body.signedOn > swissDay(ctx.now()))
    throw invalid([{ path: 'signedOn', messageKey: 'contract.signedOnFuture' }]);
  // A version is signed once written, never before.
  if (person && body.signedOn && body.signedOn < swissDay(view.row.createdAt))
    throw invalid([
      {
        path: 'signedOn',
        messageKey: 'contract.signedOnBeforeVersion',
        params: { date: formatDate(view.row.createdAt, ctx.lang) },
      },
    ]);
  await ctx.db.transaction(async (tx) => {
    const row = await lockContract(tx, a.passage.id, versionNo);
    if (!row) throw notFound();
    if (!isOpenVersion(row.status as ContractStatus) || row.supersededAt)
      throw new DomainError('conflict', 'contract.notOpen');
    if (row.version !== body.version) throw conflict();
    const [accepted] = await tx
      .insert(contractAcceptances)
      .values({
        contractId: row.id,
        party: body.party,
        partyInstitutionId: person ? null : body.party,
        acceptedByUserId: ctx.actor.userId,
        acceptedAt: ctx.now(),
        signedOn: person ? body.signedOn : null,
      })
      .onConflictDoNothing()
      .returning({ id: contractAcceptances.id });
    if (!accepted) throw new DomainError('conflict', 'contract.alreadyAccepted');
    await updateContractIf(tx, row.id, row.version, { updatedAt: ctx.now() });
    const status = await settleContract(tx, ctx, {
      passageId: a.passage.id,
      contractId: row.id,
      situationId,
      number: a.row.number,
      personId: a.row.personId,
    });
    await recordAudit(tx, ctx, {
      action: 'contract.accept',
      recordType: 'objectives_contract',
      recordId: row.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, versionNo, party: body.party, signedOn: body.signedOn, status },
    });
  });
  return getAssessment(ctx, situationId);
}
