import { createHash } from 'node:crypto';
import { DomainError, invalid } from '../../domain/errors.ts';
import { attachments } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from './load-situation.ts';
import { recordSituationEvent } from './record-event.ts';
import { oneRow } from '../../db/one-row.ts';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** What the bytes are, by their first bytes — the declared type alone is not trusted. */
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
];

/** A PDF or an image, size-limited, stored with its SHA-256 in the database. */
export async function uploadAttachment(
  ctx: AuthedContext,
  situationId: string,
  file: { filename: string; mimeType: string; content: Buffer },
) {
  const { row } = await loadSituationFor(ctx, situationId, 'attach', 'attachment.create');
  if (file.content.length === 0) throw invalid([{ path: 'file', messageKey: 'attachment.empty' }]);
  if (file.content.length > ATTACHMENT_MAX_BYTES)
    throw new DomainError('validation', 'error.validation', {
      fields: [{ path: 'file', messageKey: 'attachment.tooLarge', params: { max: 10 } }],
    });
  const kind = SIGNATURES.find((s) => s.mime === file.mimeType);
  if (!kind?.test(file.content)) throw invalid([{ path: 'file', messageKey: 'attachment.badType' }]);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a file name must not keep
  const filename = file.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'document';
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const saved = oneRow(
      await tx
        .insert(attachments)
        .values({
          situationId,
          filename,
          mimeType: kind.mime,
          sizeBytes: file.content.length,
          sha256,
          content: file.content,
          uploadedByUserId: ctx.actor.userId,
          uploadedAt: now,
        })
        .returning({ id: attachments.id }),
    );
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'attach',
      details: { attachmentId: saved.id, filename, sha256 },
    });
    return {
      id: saved.id,
      filename,
      mimeType: kind.mime,
      sizeBytes: file.content.length,
      sha256,
      uploadedAt: now.toISOString(),
    };
  });
}
