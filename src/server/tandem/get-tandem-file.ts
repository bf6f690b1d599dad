import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TandemFile } from '../../contracts/tandem.ts';
import { can } from '../../domain/access/policy.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { intensityByMonth } from '../../domain/tandem/intensity.ts';
import { countsForIntensity } from '../../domain/tandem/journal.ts';
import { latestEnd } from '../../domain/tandem/mandate.ts';
import { invitationState, nextPlanned } from '../../domain/tandem/planned-meeting.ts';
import { isReportDue, reportableMonths } from '../../domain/tandem/monthly-report.ts';
import {
  finalReports,
  insertionFollowUps,
  meetingRevisions,
  meetings,
  plannedMeetings,
  monthlyReports,
  objectives,
  outboxMessages,
  tandems,
} from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from '../situations/load-situation.ts';
import { categoryFilter } from '../situations/present-situation.ts';
import { PART_CATEGORY } from '../../domain/consent/data-categories.ts';
import type { SentRecipient } from './send-monthly-report.ts';
import { findMandate, namesOf, presentTandems } from './tandem-repository.ts';
import { oneRow } from '../../db/one-row.ts';

const EMPTY: TandemFile = {
  mandate: null,
  intensity: [],
  meetings: [],
  plannedMeetings: [],
  nextPlannedMeetingId: null,
  objectives: [],
  monthlyReports: [],
  finalReport: null,
  followUps: [],
  coachingWithheld: false,
};

/** The tandem's side of a situation: mandate, journal, intensity, objectives, reports, closure and follow-ups. */
export async function getTandemFile(ctx: AuthedContext, situationId: string): Promise<TandemFile> {
  const { row, facts } = await loadSituationFor(ctx, situationId, 'read', 'tandem_file.read');
  const mandate = await findMandate(ctx.db, situationId);
  if (!mandate) return EMPTY;
  const today = swissDay(ctx.now());
  const coach = can(ctx.actor, 'coach', { type: 'situation', ...facts });
  // The journal, objectives and reports belong to the coaching's category of the procuration (decision 005).
  const coaching = categoryFilter(ctx.actor, facts).shows(PART_CATEGORY.coaching);
  const tandemRow = oneRow(await ctx.db.select().from(tandems).where(eq(tandems.id, mandate.tandemId)));
  const tandem = oneRow(await presentTandems(ctx.db, [tandemRow]));
  const allMeetings = await ctx.db
    .select()
    .from(meetings)
    .where(eq(meetings.mandateId, mandate.id))
    .orderBy(asc(meetings.heldOn), asc(meetings.createdAt));
  const journal = coaching ? allMeetings : [];
  const revisions = journal.length
    ? await ctx.db
        .select()
        .from(meetingRevisions)
        .where(
          inArray(
            meetingRevisions.meetingId,
            journal.map((m) => m.id),
          ),
        )
        .orderBy(asc(meetingRevisions.version))
    : [];
  // What is planned is the coaching's content too: who meets the person, when (decision 005).
  const planned = coaching
    ? await ctx.db
        .select()
        .from(plannedMeetings)
        .where(and(eq(plannedMeetings.mandateId, mandate.id), eq(plannedMeetings.status, 'planned')))
        .orderBy(asc(plannedMeetings.plannedOn), asc(plannedMeetings.startTime))
    : [];
  const goals = coaching
    ? await ctx.db
        .select()
        .from(objectives)
        .where(eq(objectives.mandateId, mandate.id))
        .orderBy(asc(objectives.createdAt))
    : [];
  const reports = coaching
    ? await ctx.db.select().from(monthlyReports).where(eq(monthlyReports.mandateId, mandate.id))
    : [];
  const [report] = coaching
    ? await ctx.db.select().from(finalReports).where(eq(finalReports.mandateId, mandate.id))
    : [];
  const followUps = await ctx.db
    .select()
    .from(insertionFollowUps)
    .where(eq(insertionFollowUps.mandateId, mandate.id))
    .orderBy(asc(insertionFollowUps.months));
  const outbox = reports.some((r) => r.status === 'sent')
    ? await ctx.db
        .select({ id: outboxMessages.id, status: outboxMessages.status })
        .from(outboxMessages)
        .where(eq(outboxMessages.situationId, situationId))
    : [];
  const delivered = new Set(outbox.filter((o) => o.status === 'sent').map((o) => o.id));
  const names = await namesOf(ctx.db, [
    mandate.assignedByUserId,
    mandate.leadUserId,
    mandate.budgetHolderUserId,
    mandate.handBackToUserId,
    mandate.holderUserId,
    mandate.handedBackByUserId,
    ...mandate.reportRecipientIds,
    ...journal.map((m) => m.authorUserId),
    ...planned.map((p) => p.createdByUserId),
    ...revisions.map((r) => r.writtenByUserId),
    ...goals.map((o) => o.updatedByUserId),
    ...reports.flatMap((r) => [r.draftedByUserId, r.sentByUserId]),
    report?.finalisedByUserId,
    ...followUps.map((f) => f.recordedByUserId),
  ]);
  const named = (id: string) => ({ id, name: names.get(id) ?? '' });
  const person = (id: string | null) => (id ? named(id) : null);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const iso = (d: Date | null) => d?.toISOString() ?? null;

  const reportsByMonth = new Map(reports.map((r) => [r.month, r]));
  const months = [
    ...new Set([
      ...reportableMonths({ startOn: mandate.startOn, closedOn: mandate.outcomeOn }, today),
      ...reports.map((r) => r.month),
    ]),
  ].sort();

  await recordAudit(ctx.db, ctx, {
    action: 'tandem_file.read',
    recordType: 'situation',
    recordId: situationId,
    subjectPersonId: row.personId ?? undefined,
    allowed: true,
  });
  return {
    mandate: {
      id: mandate.id,
      tandem,
      startOn: mandate.startOn,
      plannedEndOn: mandate.plannedEndOn,
      endOn: mandate.endOn,
      latestEndOn: latestEnd(mandate.startOn),
      overCapacity: mandate.overCapacity,
      assignedAt: mandate.assignedAt.toISOString(),
      assignedByName: name(mandate.assignedByUserId) ?? '',
      lead: named(mandate.leadUserId),
      budgetHolder: person(mandate.budgetHolderUserId),
      handBackTo: person(mandate.handBackToUserId),
      holder: named(mandate.holderUserId),
      reportRecipients: mandate.reportRecipientIds.map(named),
      closedAt: iso(mandate.closedAt),
      outcome: mandate.outcome,
      outcomeOn: mandate.outcomeOn,
      // Where and how the person works is the coaching's content (employment), not the mandate's workflow.
      insertion:
        coaching && mandate.insertionEmployer && mandate.insertionStartOn && mandate.insertionContractType
          ? {
              employer: mandate.insertionEmployer,
              startOn: mandate.insertionStartOn,
              contractType: mandate.insertionContractType,
              ratePercent: mandate.insertionRatePercent ?? 0,
            }
          : null,
      handedBackAt: iso(mandate.handedBackAt),
      handedBackByName: name(mandate.handedBackByUserId),
      handBackNote: mandate.handBackNote,
      version: mandate.version,
    },
    // The count of meetings a month is the mandate's workflow, not its content: shown to every reader.
    intensity: intensityByMonth(
      { start: mandate.startOn, end: mandate.endOn, closedOn: mandate.outcomeOn },
      allMeetings.filter(countsForIntensity).map((m) => m.heldOn),
      today,
    ),
    meetings: journal.map((m) => ({
      id: m.id,
      heldOn: m.heldOn,
      kind: m.kind,
      personPresent: m.personPresent,
      participants: m.participants,
      notes: m.notes,
      nextSteps: m.nextSteps,
      countsForIntensity: countsForIntensity(m),
      authorId: m.authorUserId,
      authorName: name(m.authorUserId) ?? '',
      createdAt: m.createdAt.toISOString(),
      updatedAt: m.updatedAt.toISOString(),
      version: m.version,
      revisions: revisions
        .filter((r) => r.meetingId === m.id)
        .map((r) => ({
          ...(r.content as Omit<
            TandemFile['meetings'][number]['revisions'][number],
            'version' | 'writtenByName' | 'writtenAt' | 'replacedAt'
          >),
          version: r.version,
          writtenByName: name(r.writtenByUserId) ?? '',
          writtenAt: r.writtenAt.toISOString(),
          replacedAt: r.replacedAt.toISOString(),
        })),
      canEdit: coach && m.authorUserId === ctx.actor.userId,
    })),
    // Closed, the mandate ends what is still planned: shown cancelled, its invitation a CANCEL to send.
    plannedMeetings: planned.map((p) => ({
      status: invitationState(p, mandate.closedAt !== null).status,
      sequence: invitationState(p, mandate.closedAt !== null).sequence,
      id: p.id,
      plannedOn: p.plannedOn,
      startTime: p.startTime,
      durationMinutes: p.durationMinutes,
      kind: p.kind,
      personInvited: p.personInvited,
      others: p.others,
      location: p.location,
      createdByName: name(p.createdByUserId) ?? '',
      version: p.version,
    })),
    // A closed mandate has no next meeting: what is still planned is only there to be cancelled.
    nextPlannedMeetingId: mandate.closedAt ? null : (nextPlanned(planned, today)?.id ?? null),
    objectives: goals.map((o) => ({
      id: o.id,
      title: o.title,
      description: o.description,
      status: o.status,
      startOn: o.startOn,
      targetOn: o.targetOn,
      doneOn: o.doneOn,
      updatedByName: name(o.updatedByUserId) ?? '',
      updatedAt: o.updatedAt.toISOString(),
      version: o.version,
    })),
    monthlyReports: months.map((month) => {
      const r = reportsByMonth.get(month);
      return {
        month,
        due: isReportDue(month, today),
        id: r?.id ?? null,
        status: (r?.status as 'draft' | 'sent' | 'skipped' | undefined) ?? 'none',
        skipReason: r?.skipReason ?? null,
        significantElements: r?.significantElements ?? '',
        draftedByName: name(r?.draftedByUserId ?? null),
        sentAt: iso(r?.sentAt ?? null),
        sentByName: name(r?.sentByUserId ?? null),
        recipients: ((r?.recipients ?? []) as SentRecipient[]).map((s) => ({
          name: s.name,
          email: s.email,
          language: s.language,
          messageId: s.messageId,
          delivered: delivered.has(s.outboxId),
        })),
        version: r?.version ?? null,
      };
    }),
    finalReport: report
      ? {
          workDone: report.workDone,
          obstacles: report.obstacles,
          strengths: report.strengths,
          stepsTaken: report.stepsTaken,
          stepsToTake: report.stepsToTake,
          status: report.status as 'draft' | 'final',
          language: report.language,
          pdfAttachmentId: report.pdfAttachmentId,
          finalisedAt: iso(report.finalisedAt),
          finalisedByName: name(report.finalisedByUserId),
          version: report.version,
        }
      : null,
    coachingWithheld: !coaching,
    followUps: followUps.map((f) => ({
      id: f.id,
      months: f.months,
      dueOn: f.dueOn,
      stillInWork: f.stillInWork,
      note: f.note,
      recordedAt: iso(f.recordedAt),
      recordedByName: name(f.recordedByUserId),
      version: f.version,
    })),
  };
}
