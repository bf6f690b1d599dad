import { createHash } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { nextAssessmentStatus } from '../../../domain/care/assessment.ts';
import type { Tx } from '../../../db/open-db.ts';
import { oneRow } from '../../../db/one-row.ts';
import { attachments, carePassages, objectivesContracts } from '../../../db/schema.ts';
import type { AuthedContext } from '../../http/context.ts';
import { recordSituationEvent } from '../../situations/record-event.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { contractsOf, statusOf } from './assessment-repository.ts';
import { contractPdfBuffer } from './contract-pdf-data.ts';

/**
 * After an acceptance or a conformity check, under the version's lock: the version's status from what happened to it
 * (the domain's rule). When it comes into force — every party accepted and the Bureau found it conforming — the
 * assessment goes into execution (or, for an amendment, the version it amends is superseded), its PDF in the person's
 * language is kept on the situation, and the timeline says so.
 */
export async function settleContract(
  tx: Tx,
  ctx: AuthedContext,
  c: { passageId: string; contractId: string; situationId: string; number: string; personId: string | null },
) {
  const view = (await contractsOf(tx, c.passageId)).find((v) => v.row.id === c.contractId);
  if (!view) return null;
  const status = statusOf(view);
  const now = ctx.now();
  if (status !== 'in_force') {
    await tx
      .update(objectivesContracts)
      .set({ status, updatedAt: now })
      .where(eq(objectivesContracts.id, c.contractId));
    return status;
  }
  await tx
    .update(objectivesContracts)
    .set({ status: 'superseded', supersededAt: now, updatedAt: now })
    .where(
      and(
        eq(objectivesContracts.passageId, c.passageId),
        eq(objectivesContracts.status, 'in_force'),
        ne(objectivesContracts.id, c.contractId),
      ),
    );
  const [passage] = await tx.select().from(carePassages).where(eq(carePassages.id, c.passageId)).for('update');
  if (passage && passage.status === 'held' && passage.endedAt === null)
    await updatePassageIf(tx, passage.id, passage.version, {
      status: nextAssessmentStatus('held', 'contract_in_force') ?? 'in_execution',
      updatedAt: now,
    });
  const { pdf, filename } = await contractPdfBuffer(tx, {
    situationId: c.situationId,
    number: c.number,
    personId: c.personId,
    view: { ...view, row: { ...view.row, status: 'in_force' } },
    withIdentity: true,
  });
  const file = oneRow(
    await tx
      .insert(attachments)
      .values({
        situationId: c.situationId,
        filename,
        mimeType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        content: pdf,
        uploadedByUserId: ctx.actor.userId,
        uploadedAt: now,
      })
      .returning({ id: attachments.id }),
  );
  await tx
    .update(objectivesContracts)
    .set({ status, inForceAt: now, pdfAttachmentId: file.id, updatedAt: now })
    .where(eq(objectivesContracts.id, c.contractId));
  await recordSituationEvent(tx, ctx, {
    situationId: c.situationId,
    personId: c.personId,
    type: 'attach',
    details: { contractVersion: view.row.versionNo, attachmentId: file.id, contractInForce: true },
  });
  return status;
}
