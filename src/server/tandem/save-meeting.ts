import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MeetingBodySchema, UpdateMeetingBodySchema } from '../../contracts/tandem.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { DomainError, conflict, invalid, notFound } from '../../domain/errors.ts';
import { checkMeetingDate } from '../../domain/tandem/journal.ts';
import { meetingRevisions, meetings } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadMandateFor } from './load-mandate.ts';
import { oneRow } from '../../db/one-row.ts';

type MeetingInput = z.infer<typeof MeetingBodySchema>;

function checkDate(input: MeetingInput, mandate: { startOn: string; outcomeOn: string | null }, today: string) {
  const problems = checkMeetingDate(input.heldOn, { startOn: mandate.startOn, closedOn: mandate.outcomeOn }, today);
  if (problems.length) throw invalid(problems.map((p) => ({ path: p.path, messageKey: `meeting.${p.problem}` })));
}

/** A meeting in the tandem's journal (seeds: at least two a month with the person). */
export async function recordMeeting(ctx: AuthedContext, situationId: string, input: MeetingInput): Promise<string> {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'meeting.create');
  checkDate(input, mandate, swissDay(ctx.now()));
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const m = oneRow(
      await tx
        .insert(meetings)
        .values({
          ...input,
          personPresent: input.kind === 'with_person' || input.personPresent,
          mandateId: mandate.id,
          situationId,
          authorUserId: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: meetings.id }),
    );
    await recordAudit(tx, ctx, {
      action: 'meeting.create',
      recordType: 'meeting',
      recordId: m.id,
      subjectPersonId: row.personId ?? undefined,
      allowed: true,
      details: { situationId, heldOn: input.heldOn, kind: input.kind },
    });
    return m.id;
  });
}

/**
 * Only its author edits a meeting, and every earlier state is kept in
 * `meeting_revisions` (written in the same transaction as the change).
 */
export async function editMeeting(
  ctx: AuthedContext,
  situationId: string,
  meetingId: string,
  input: z.infer<typeof UpdateMeetingBodySchema>,
) {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'meeting.update');
  const [meeting] = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.situationId, situationId)));
  if (!meeting) throw notFound();
  if (meeting.authorUserId !== ctx.actor.userId) {
    await recordAudit(ctx.db, ctx, {
      action: 'meeting.update',
      recordType: 'meeting',
      recordId: meetingId,
      subjectPersonId: row.personId ?? undefined,
      allowed: false,
    });
    throw new DomainError('forbidden', 'meeting.onlyAuthor');
  }
  checkDate(input, mandate, swissDay(ctx.now()));
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const { version, ...content } = input;
    const updated = await tx
      .update(meetings)
      .set({
        ...content,
        personPresent: content.kind === 'with_person' || content.personPresent,
        updatedAt: now,
        version: sql`${meetings.version} + 1`,
      })
      .where(and(eq(meetings.id, meetingId), eq(meetings.version, version)))
      .returning({ id: meetings.id });
    if (!updated.length) throw conflict();
    await tx.insert(meetingRevisions).values({
      meetingId,
      version: meeting.version,
      content: {
        heldOn: meeting.heldOn,
        kind: meeting.kind,
        personPresent: meeting.personPresent,
        participants: meeting.participants,
        notes: meeting.notes,
        nextSteps: meeting.nextSteps,
      },
      writtenByUserId: meeting.authorUserId,
      writtenAt: meeting.updatedAt,
      replacedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'meeting.update',
      recordType: 'meeting',
      recordId: meetingId,
      subjectPersonId: row.personId ?? undefined,
      allowed: true,
      details: { situationId, fromVersion: version },
    });
  });
}
