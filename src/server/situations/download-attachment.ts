import { and, eq } from 'drizzle-orm';
import { notFound } from '../../domain/errors.ts';
import { attachments } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from './load-situation.ts';
import { attachmentsWithheld, categoryFilter } from './present-situation.ts';

/**
 * Documents identify the person (the signed procuration first of all): an
 * attachment is seen only by whoever may see who the person is; anyone else
 * gets 404, as for a situation they may not read.
 */
export async function downloadAttachment(ctx: AuthedContext, situationId: string, attachmentId: string) {
  const { row, facts } = await loadSituationFor(ctx, situationId, 'read_identity', 'attachment.read');
  const withheld = await attachmentsWithheld(ctx.db, situationId, categoryFilter(ctx.actor, facts).shows);
  const [file] = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.situationId, situationId)));
  if (!file || withheld.has(file.id)) throw notFound();
  await recordAudit(ctx.db, ctx, {
    action: 'attachment.read',
    recordType: 'attachment',
    recordId: attachmentId,
    subjectPersonId: row.personId ?? undefined,
    allowed: true,
  });
  return file;
}
