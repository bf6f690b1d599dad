import { z } from 'zod';
import { LANGUAGES } from '../domain/access/roles.ts';
import { CONTRACT_TYPES, OUTCOMES } from '../domain/tandem/closure.ts';
import { INTENSITY_STATUSES } from '../domain/tandem/intensity.ts';
import { MEETING_KINDS, OBJECTIVE_STATUSES } from '../domain/tandem/journal.ts';
import { APPROVAL_STEPS } from '../domain/measures/rule-sets.ts';
import { PLANNED_MEETING_STATUSES } from '../domain/tandem/planned-meeting.ts';
import { IdSchema, VersionSchema, trimmed } from './common.ts';
import { IsoDateSchema } from './situations.ts';

const text = (max: number) => z.string().trim().max(max);
const MonthSchema = z.string().regex(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/); // no year 0, as for dates (IsoDateSchema)

export const TandemSchema = z.object({
  id: IdSchema,
  regionId: IdSchema,
  orp: z.object({ id: IdSchema, name: z.string() }),
  cms: z.object({ id: IdSchema, name: z.string() }),
  capacity: z.number().int(),
  load: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Tandem = z.infer<typeof TandemSchema>;

export const TandemBodySchema = z.object({
  regionId: IdSchema,
  orpUserId: IdSchema,
  cmsUserId: IdSchema,
  capacity: z.number().int().min(1).max(30).default(6),
});
export const UpdateTandemBodySchema = z.object({
  capacity: z.number().int().min(1).max(30),
  active: z.boolean(),
  version: VersionSchema,
});
export const TandemCandidateSchema = z.object({
  id: IdSchema,
  name: z.string(),
  institutionKind: z.enum(['orp', 'cms']),
  regionId: IdSchema.nullable(),
});

export const AssignBodySchema = z.object({
  tandemId: IdSchema,
  startOn: IsoDateSchema,
  // Over capacity, the Bureau confirms knowingly (seed 001: six at a time); the confirmation is recorded.
  confirmOverCapacity: z.boolean().default(false),
  // Other professionals initially in charge who receive the monthly reports, besides the announcer.
  extraRecipientIds: z.array(IdSchema).max(5).default([]),
  version: VersionSchema, // the situation's
});
export const ExtendBodySchema = z.object({ endOn: IsoDateSchema, justification: text(2000), version: VersionSchema });

export const MeetingBodySchema = z.object({
  heldOn: IsoDateSchema,
  kind: z.enum(MEETING_KINDS),
  personPresent: z.boolean(),
  participants: text(500).default(''),
  notes: text(10000).default(''),
  nextSteps: text(4000).default(''),
});
export const UpdateMeetingBodySchema = MeetingBodySchema.extend({ version: VersionSchema });

/** A meeting planned ahead (issue 11): local day and time in Europe/Zurich, who is invited. */
export const PlannedMeetingBodySchema = z.object({
  plannedOn: IsoDateSchema,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  durationMinutes: z.number().int().min(15).max(480).default(60),
  kind: z.enum(MEETING_KINDS),
  personInvited: z.boolean(),
  others: text(500).default(''),
  location: text(200).default(''),
});
export const MovePlannedMeetingBodySchema = PlannedMeetingBodySchema.pick({
  plannedOn: true,
  startTime: true,
  durationMinutes: true,
  location: true,
}).extend({ version: VersionSchema });

export const ObjectiveBodySchema = z.object({
  title: trimmed(300),
  description: text(4000).default(''),
  status: z.enum(OBJECTIVE_STATUSES),
  startOn: IsoDateSchema.nullable(),
  targetOn: IsoDateSchema.nullable(),
});
export const UpdateObjectiveBodySchema = ObjectiveBodySchema.extend({ version: VersionSchema });

export const DraftReportBodySchema = z.object({ month: MonthSchema });
export const UpdateReportBodySchema = z.object({ significantElements: text(20000), version: VersionSchema });
/** A report goes only as the user sees it: the text on screen and the version it was read at (issue 11). */
export const SendReportBodySchema = UpdateReportBodySchema;

const sections = {
  workDone: text(20000),
  obstacles: text(20000),
  strengths: text(20000),
  stepsTaken: text(20000),
  stepsToTake: text(20000),
};
export const FinalReportBodySchema = z.object({ ...sections, version: VersionSchema.nullable() });
export const FinaliseBodySchema = z.object({ language: z.enum(LANGUAGES), version: VersionSchema });

export const CloseBodySchema = z.object({
  outcome: z.enum(OUTCOMES),
  outcomeOn: IsoDateSchema,
  insertion: z
    .object({
      employer: text(200),
      startOn: IsoDateSchema,
      contractType: z.enum(CONTRACT_TYPES),
      ratePercent: z.number().int(),
    })
    .nullable(),
  // What is still open (issue 11): every waiting measure withdrawn, every unsent month skipped with a reason; the
  // server refuses a closure that leaves anything open.
  withdrawMeasureIds: z.array(IdSchema).max(50).default([]),
  withdrawReason: text(2000).default(''),
  skipReports: z
    .array(z.object({ month: MonthSchema, reason: text(2000) }))
    .max(36)
    .default([]),
  version: VersionSchema, // the mandate's
});
/** What a closure leaves open, shown before closing. */
export const ClosurePreviewSchema = z.object({
  waitingMeasures: z.array(
    z.object({
      id: IdSchema,
      nameFr: z.string(),
      nameDe: z.string(),
      startOn: z.string(),
      /** Who must decide now: their step (null for an approved measure not started). */
      pendingStep: z.enum(APPROVAL_STEPS).nullable(),
      /** Waiting for a decision, or approved and not started (a planned start after the closure, issue 11). */
      status: z.enum(['proposed', 'escalated', 'approved']),
    }),
  ),
  unsentReports: z.array(z.object({ month: MonthSchema, status: z.enum(['none', 'draft']) })),
});
export type ClosurePreview = z.infer<typeof ClosurePreviewSchema>;
export const HandBackBodySchema = z.object({ note: text(2000).default(''), version: VersionSchema });
export const FollowUpBodySchema = z.object({
  stillInWork: z.boolean(),
  note: text(2000).default(''),
  version: VersionSchema,
});

const Person = z.object({ id: IdSchema, name: z.string() });

export const MeetingSchema = MeetingBodySchema.extend({
  id: IdSchema,
  countsForIntensity: z.boolean(),
  authorId: IdSchema,
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  revisions: z.array(
    MeetingBodySchema.extend({
      version: z.number().int(),
      writtenByName: z.string(),
      writtenAt: z.string(),
      replacedAt: z.string(),
    }),
  ),
  canEdit: z.boolean(),
});

export const PlannedMeetingSchema = PlannedMeetingBodySchema.extend({
  id: IdSchema,
  status: z.enum(PLANNED_MEETING_STATUSES),
  /** The iCalendar SEQUENCE: grows with every move or cancellation. */
  sequence: z.number().int(),
  createdByName: z.string(),
  version: z.number().int(),
});
export type PlannedMeeting = z.infer<typeof PlannedMeetingSchema>;

export const ObjectiveSchema = ObjectiveBodySchema.extend({
  id: IdSchema,
  doneOn: z.string().nullable(),
  updatedByName: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const MonthlyReportSchema = z.object({
  month: MonthSchema,
  due: z.boolean(),
  id: IdSchema.nullable(),
  status: z.enum(['none', 'draft', 'sent', 'skipped']),
  significantElements: z.string(),
  /** Why the month was not reported, said at the closure. */
  skipReason: z.string().nullable(),
  draftedByName: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentByName: z.string().nullable(),
  recipients: z.array(
    z.object({
      name: z.string(),
      email: z.string(),
      language: z.enum(LANGUAGES),
      messageId: z.string(),
      delivered: z.boolean(),
    }),
  ),
  version: z.number().int().nullable(),
});

export const FinalReportSchema = z.object({
  ...sections,
  status: z.enum(['draft', 'final']),
  language: z.enum(LANGUAGES).nullable(),
  pdfAttachmentId: IdSchema.nullable(),
  finalisedAt: z.string().nullable(),
  finalisedByName: z.string().nullable(),
  version: z.number().int(),
});

export const TandemFileSchema = z.object({
  mandate: z
    .object({
      id: IdSchema,
      tandem: TandemSchema,
      startOn: z.string(),
      plannedEndOn: z.string(),
      endOn: z.string(),
      latestEndOn: z.string(),
      overCapacity: z.boolean(),
      assignedAt: z.string(),
      assignedByName: z.string(),
      lead: Person,
      budgetHolder: Person.nullable(),
      handBackTo: Person.nullable(),
      holder: Person,
      reportRecipients: z.array(Person),
      closedAt: z.string().nullable(),
      outcome: z.enum(OUTCOMES).nullable(),
      outcomeOn: z.string().nullable(),
      insertion: z
        .object({
          employer: z.string(),
          startOn: z.string(),
          contractType: z.enum(CONTRACT_TYPES),
          ratePercent: z.number().int(),
        })
        .nullable(),
      handedBackAt: z.string().nullable(),
      handedBackByName: z.string().nullable(),
      handBackNote: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  intensity: z.array(
    z.object({
      month: z.string(),
      meetingsWithPerson: z.number().int(),
      /** The prorated number of meetings asked for in the month (`domain/tandem/intensity.ts`). */
      required: z.number().int(),
      coveredDays: z.number().int(),
      period: z.enum(['past', 'current', 'future']),
      status: z.enum(INTENSITY_STATUSES),
    }),
  ),
  meetings: z.array(MeetingSchema),
  /** Meetings still planned (not held, not cancelled), earliest first; the next one from today on. */
  plannedMeetings: z.array(PlannedMeetingSchema),
  nextPlannedMeetingId: IdSchema.nullable(),
  objectives: z.array(ObjectiveSchema),
  monthlyReports: z.array(MonthlyReportSchema),
  finalReport: FinalReportSchema.nullable(),
  followUps: z.array(
    z.object({
      id: IdSchema,
      months: z.number().int(),
      dueOn: z.string(),
      stillInWork: z.boolean().nullable(),
      note: z.string(),
      recordedAt: z.string().nullable(),
      recordedByName: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
  /**
   * The procuration does not grant the caller's institution the coaching's category: journal, objectives and reports
   * are left out.
   */
  coachingWithheld: z.boolean(),
});
export type TandemFile = z.infer<typeof TandemFileSchema>;
/** The mandate of a tandem file that has one. */
export type Mandate = NonNullable<TandemFile['mandate']>;
