import type { z } from 'zod';
import type { NoteBodySchema } from '../../../contracts/assessments.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { invalid } from '../../../domain/errors.ts';
import { oneRow } from '../../../db/one-row.ts';
import { assessmentNotes } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';

/** The case manager's note or a review meeting of the assessment in execution (a review may be planned ahead). */
export async function addAssessmentNote(ctx: AuthedContext, situationId: string, body: z.infer<typeof NoteBodySchema>) {
  const a = await loadAssessmentToAct(ctx, situationId, 'manage_assessment', 'assessment.note', ['in_execution']);
  if (body.kind === 'note' && body.at > swissDay(ctx.now()))
    throw invalid([{ path: 'at', messageKey: 'assessment.noteInFuture' }]);
  await ctx.db.transaction(async (tx) => {
    const note = oneRow(
      await tx
        .insert(assessmentNotes)
        .values({
          passageId: a.passage.id,
          situationId,
          kind: body.kind,
          at: body.at,
          text: body.text,
          authorUserId: ctx.actor.userId,
          createdAt: ctx.now(),
        })
        .returning({ id: assessmentNotes.id }),
    );
    await recordAudit(tx, ctx, {
      action: 'assessment.note',
      recordType: 'assessment',
      recordId: a.passage.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, noteId: note.id, kind: body.kind },
    });
  });
  return getAssessment(ctx, situationId);
}
