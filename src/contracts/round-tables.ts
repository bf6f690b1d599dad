import { z } from 'zod';
import { WAIT_WHATS, WAIT_WHOS } from '../domain/care/care-waits.ts';
import { NETWORK_OUTCOMES, NETWORK_STATUSES } from '../domain/care/network-follow-up.ts';
import { ROUND_TABLE_OUTCOMES, ROUND_TABLE_STATUSES } from '../domain/care/round-table.ts';
import { CARE_KINDS } from '../domain/situation/situation-lifecycle.ts';
import { AGE_BANDS, RISK_FACTORS } from '../domain/situation/vocabulary.ts';
import { IdSchema, IsoDateSchema, VersionSchema, trimmed } from './common.ts';
import { CriterionAnswerSchema, PersonInputSchema } from './situations.ts';

const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * The anonymous profile a round table works on without a consent (DOMAIN.md §3, §4.2): age band, region, risk
 * factors — never a name, a birth date or an AVS number.
 */
export const AnonymousProfileSchema = z.object({
  ageBand: z.enum(AGE_BANDS).nullable(),
  regionId: IdSchema,
  riskFactors: z.array(z.enum(RISK_FACTORS)),
});
export type AnonymousProfile = z.infer<typeof AnonymousProfileSchema>;

export const CareParticipantSchema = z.object({
  id: IdSchema,
  userId: IdSchema.nullable(),
  name: z.string(),
  institutionId: IdSchema.nullable(),
  institutionName: z.string(),
  role: z.string(),
});
export type CareParticipant = z.infer<typeof CareParticipantSchema>;

export const RoundTableMinutesSchema = z.object({
  text: z.string(),
  writtenByName: z.string(),
  writtenAt: z.string(),
  /** The profile as it was when the minutes were written: a later link to the person does not change it. */
  profile: AnonymousProfileSchema,
});

export const RoundTableSchema = z.object({
  passageId: IdSchema,
  situationId: IdSchema,
  situationNumber: z.string(),
  status: z.enum(ROUND_TABLE_STATUSES),
  outcome: z.enum(ROUND_TABLE_OUTCOMES).nullable(),
  outcomeReason: z.string(),
  outcomeInstitutionId: IdSchema.nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endedByName: z.string().nullable(),
  coordinatorName: z.string(),
  /** Local day and time in Europe/Zurich, and the instant. */
  meetingStart: z.string().nullable(),
  meetingOn: z.string().nullable(),
  meetingTime: z.string().nullable(),
  durationMinutes: z.number().int(),
  place: z.string(),
  /** How many times the invitations were sent again (a moved date: SEQUENCE + 1); null before the first. */
  invitationSequence: z.number().int(),
  invitationsCancelled: z.boolean(),
  participants: z.array(CareParticipantSchema),
  minutes: RoundTableMinutesSchema.nullable(),
  /** What the round table discusses: the anonymous profile as it is now. */
  profile: AnonymousProfileSchema,
  abilities: z.object({ manage: z.boolean(), linkPerson: z.boolean() }),
  version: z.number().int(),
});
export type RoundTable = z.infer<typeof RoundTableSchema>;

export const RoundTableCandidateSchema = z.object({
  id: IdSchema,
  name: z.string(),
  institutionId: IdSchema,
  institutionName: z.string(),
});
export type RoundTableCandidate = z.infer<typeof RoundTableCandidateSchema>;

export const RoundTableParticipantsBodySchema = z.object({
  userIds: z.array(IdSchema).max(30),
  version: VersionSchema,
});

export const ScheduleRoundTableBodySchema = z.object({
  meetingOn: IsoDateSchema,
  meetingTime: TimeSchema,
  durationMinutes: z.number().int().min(30).max(480).default(120),
  place: trimmed(200),
  version: VersionSchema,
});
export type ScheduleRoundTableBody = z.infer<typeof ScheduleRoundTableBodySchema>;

export const CancelRoundTableBodySchema = z.object({ reason: trimmed(2000), version: VersionSchema });
export const HoldRoundTableBodySchema = z.object({ minutes: trimmed(20000), version: VersionSchema });

export const ConcludeRoundTableBodySchema = z.object({
  outcome: z.enum(ROUND_TABLE_OUTCOMES),
  reason: trimmed(5000),
  institutionId: IdSchema.nullable().default(null),
  /** Oriented to a tandem: the six criteria answered, as in triage. */
  eligibility: z.array(CriterionAnswerSchema).max(6).default([]),
  version: VersionSchema,
});
export type ConcludeRoundTableBody = z.infer<typeof ConcludeRoundTableBodySchema>;

/** A consent arrived: the anonymous situation is linked to the person, an existing one or a new one. */
export const LinkPersonBodySchema = z.union([
  z.object({ personId: IdSchema, version: VersionSchema }),
  z.object({
    person: PersonInputSchema,
    confirmDistinctFrom: z.array(IdSchema).max(20).default([]),
    version: VersionSchema,
  }),
]);
export type LinkPersonBody = z.infer<typeof LinkPersonBodySchema>;

export const NetworkReviewSchema = z.object({
  id: IdSchema,
  heldOn: z.string(),
  note: z.string(),
  nextReviewOn: z.string().nullable(),
  recordedByName: z.string(),
});

export const NetworkFollowUpSchema = z.object({
  passageId: IdSchema,
  situationId: IdSchema,
  status: z.enum(NETWORK_STATUSES),
  institutionIds: z.array(IdSchema),
  referenceInstitutionId: IdSchema.nullable(),
  referenceUserId: IdSchema.nullable(),
  referenceUserName: z.string(),
  reviewOn: z.string().nullable(),
  reviews: z.array(NetworkReviewSchema),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endedByName: z.string().nullable(),
  outcome: z.enum(NETWORK_OUTCOMES).nullable(),
  outcomeReason: z.string(),
  /** manage: the network itself (the Bureau of the region); review: reviews and closure (also the reference person). */
  abilities: z.object({ manage: z.boolean(), review: z.boolean() }),
  version: z.number().int(),
});
export type NetworkFollowUp = z.infer<typeof NetworkFollowUpSchema>;

export const NetworkBodySchema = z.object({
  institutionIds: z.array(IdSchema).max(20),
  referenceInstitutionId: IdSchema.nullable(),
  referenceUserId: IdSchema.nullable().default(null),
  reviewOn: IsoDateSchema.nullable().default(null),
  version: VersionSchema,
});
export const NetworkReviewBodySchema = z.object({
  heldOn: IsoDateSchema,
  note: trimmed(10000),
  nextReviewOn: IsoDateSchema.nullable().default(null),
  version: VersionSchema,
});
export const CloseNetworkBodySchema = z.object({
  outcome: z.enum(NETWORK_OUTCOMES),
  reason: trimmed(5000),
  version: VersionSchema,
});

/** One line of the Bureau's region view: a passage still open, its wait and on whom. */
export const BoardItemSchema = z.object({
  passageId: IdSchema,
  situationId: IdSchema,
  situationNumber: z.string(),
  regionId: IdSchema,
  kind: z.enum(CARE_KINDS),
  status: z.string(),
  outcome: z.string().nullable(),
  startedAt: z.string(),
  daysWaiting: z.number().int(),
  meetingStart: z.string().nullable(),
  reviewOn: z.string().nullable(),
  responsibleName: z.string(),
  waitWhat: z.enum(WAIT_WHATS),
  waitWho: z.enum(WAIT_WHOS),
  /** For an assessment: the parties whose acceptance of the contract is missing (names of institutions / "person"). */
  waitingOn: z.array(z.string()),
});
export type BoardItem = z.infer<typeof BoardItemSchema>;

export const BoardQuerySchema = z.object({
  kind: z.enum(CARE_KINDS).optional(),
  regionId: IdSchema.optional(),
});
export const BoardSchema = z.object({
  items: z.array(BoardItemSchema),
  /** Whether the assessments' finer waits (contract, conformity) are known, or only the passage's status. */
  assessmentDetail: z.boolean(),
});
export type Board = z.infer<typeof BoardSchema>;

export const RoundTableInvitationSchema = z.object({
  passageId: IdSchema,
  situationId: IdSchema,
  situationNumber: z.string(),
  status: z.enum(ROUND_TABLE_STATUSES),
  meetingStart: z.string().nullable(),
  place: z.string(),
  coordinatorName: z.string(),
});
export type RoundTableInvitation = z.infer<typeof RoundTableInvitationSchema>;
