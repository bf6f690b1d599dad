import { z } from 'zod';
import { LANGUAGES } from '../domain/access/roles.ts';
import { ASSESSMENT_OUTCOMES, ASSESSMENT_SECTIONS, ASSESSMENT_STATUSES } from '../domain/care/assessment.ts';
import { CONTRACT_STATUSES, OBJECTIVE_STATUSES } from '../domain/care/objectives-contract.ts';
import { IdSchema, InstitutionKindSchema, IsoDateSchema, VersionSchema, trimmed } from './common.ts';

/** The MAMAC assessment of a situation (issue 12, DOMAIN.md §4.1): organising, the meeting, the contract. */
const text = (max: number) => z.string().trim().max(max);
const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const ParticipantRoleSchema = z.enum(['correspondent', 'announcer', 'smr_doctor', 'professional']);

export const OrganiseBodySchema = z.object({
  /** The Bureau member responsible, present at the meeting. */
  responsibleUserId: IdSchema,
  participants: z
    .array(z.object({ userId: IdSchema, role: ParticipantRoleSchema }))
    .min(1)
    .max(20),
  /** The person's address for the invitation (an identified situation only); null: she is invited otherwise. */
  person: z.object({ email: z.email().max(200), language: z.enum(LANGUAGES) }).nullable(),
  version: VersionSchema, // the passage's
});

export const ScheduleBodySchema = z.object({
  startOn: IsoDateSchema,
  startTime: TimeSchema,
  durationMinutes: z.number().int().min(1).max(1440).default(120),
  place: trimmed(200),
  version: VersionSchema,
});

export const HoldBodySchema = z.object({
  medical: text(20000).optional(),
  professional: text(20000).optional(),
  social: text(20000).optional(),
  resources: text(20000).optional(),
  smrConclusions: text(20000).optional(),
  version: VersionSchema, // the passage's (hold) or the sections' (update)
});

export const ObjectiveBodySchema = z.object({
  text: trimmed(2000),
  measuresPlanned: trimmed(2000),
  responsibleInstitutionId: IdSchema,
  deadline: IsoDateSchema,
});

export const ContractBodySchema = z.object({
  caseManagerInstitutionId: IdSchema,
  objectives: z.array(ObjectiveBodySchema).max(30),
  /** A new version names the latest one it amends (null for the first); an edit names the row's version. */
  basedOnVersionNo: z.number().int().min(1).max(1000).nullable().optional(),
  version: VersionSchema.optional(),
});

export const AcceptBodySchema = z.object({
  /** An institution id, or `person`. */
  party: z.union([IdSchema, z.literal('person')]),
  /** The date on the PDF the person signed (required for the person's acceptance). */
  signedOn: IsoDateSchema.nullable().default(null),
  version: VersionSchema, // the contract version's row
});

export const ConformityBodySchema = z.object({
  answers: z.array(z.object({ institutionId: IdSchema, itemId: z.string().max(60), ok: z.boolean() })).max(200),
  result: z.enum(['conforming', 'non_conforming']),
  reasons: text(4000).default(''),
  version: VersionSchema,
});

export const ObjectiveStatusBodySchema = z.object({
  status: z.enum(OBJECTIVE_STATUSES),
  version: VersionSchema, // the contract version's row
});

export const NoteBodySchema = z.object({
  kind: z.enum(['note', 'review_meeting']),
  at: IsoDateSchema,
  text: trimmed(10000),
});

export const CloseAssessmentBodySchema = z.object({
  outcome: z.enum(ASSESSMENT_OUTCOMES),
  reason: text(4000).default(''),
  version: VersionSchema, // the passage's
});

const UserRef = z.object({ id: IdSchema, name: z.string(), institution: z.string() });

export const AssessmentParticipantSchema = z.object({
  id: IdSchema,
  role: z.string(),
  user: UserRef.nullable(),
  institutionId: IdSchema.nullable(),
  /** The person's invitation address: only for whoever sees who she is. */
  email: z.string().nullable(),
  language: z.string(),
  invited: z.boolean(),
});

export const ContractVersionSchema = z.object({
  id: IdSchema,
  versionNo: z.number().int(),
  status: z.enum(CONTRACT_STATUSES),
  caseManager: z.object({ id: IdSchema, name: z.string() }),
  createdBy: z.string(),
  createdAt: z.string(),
  objectives: z.array(
    z.object({
      id: IdSchema,
      position: z.number().int(),
      text: z.string(),
      measuresPlanned: z.string(),
      responsibleInstitution: z.object({ id: IdSchema, name: z.string() }),
      deadline: z.string(),
      status: z.enum(OBJECTIVE_STATUSES),
      statusChangedAt: z.string().nullable(),
    }),
  ),
  parties: z.array(
    z.object({
      party: z.string(),
      name: z.string(),
      kind: InstitutionKindSchema.nullable(),
      acceptedBy: z.string().nullable(),
      acceptedAt: z.string().nullable(),
      signedOn: z.string().nullable(),
      /** The caller may accept for this party now. */
      canAccept: z.boolean(),
    }),
  ),
  conformity: z
    .object({
      result: z.enum(['conforming', 'non_conforming']),
      reasons: z.string(),
      checkedBy: z.string(),
      checkedAt: z.string(),
      answers: z.array(z.object({ institutionId: IdSchema, itemId: z.string(), ok: z.boolean() })),
    })
    .nullable(),
  /** The checklist per party institution, for the Bureau's form (in the caller's language). */
  checklist: z.array(
    z.object({
      institutionId: IdSchema,
      name: z.string(),
      kind: InstitutionKindSchema,
      items: z.array(z.object({ id: z.string(), label: z.string() })),
    }),
  ),
  editable: z.boolean(),
  version: z.number().int(),
});

export const AssessmentSchema = z.object({
  passageId: IdSchema,
  situationId: IdSchema,
  status: z.enum(ASSESSMENT_STATUSES),
  startedAt: z.string(),
  waitingDays: z.number().int(),
  responsible: z.object({ id: IdSchema, name: z.string() }).nullable(),
  meeting: z
    .object({ startOn: z.string(), startTime: z.string(), durationMinutes: z.number().int(), place: z.string() })
    .nullable(),
  invitationSequence: z.number().int(),
  participants: z.array(AssessmentParticipantSchema),
  /** The sections the caller may read (by the procuration's categories); the others are absent. */
  sections: z.object({
    medical: z.string().optional(),
    professional: z.string().optional(),
    social: z.string().optional(),
    resources: z.string().optional(),
    smrConclusions: z.string().optional(),
    heldAt: z.string().nullable(),
    version: z.number().int(),
  }),
  withheldSections: z.array(z.enum(ASSESSMENT_SECTIONS)),
  /** Newest first; empty for the SMR doctor, who sees the medical part only. */
  contracts: z.array(ContractVersionSchema),
  notes: z.array(
    z.object({
      id: IdSchema,
      kind: z.enum(['note', 'review_meeting']),
      at: z.string(),
      text: z.string(),
      author: z.string(),
    }),
  ),
  outcome: z
    .object({ outcome: z.enum(ASSESSMENT_OUTCOMES), reason: z.string(), endedAt: z.string(), endedBy: z.string() })
    .nullable(),
  abilities: z.object({
    organise: z.boolean(),
    writeContract: z.boolean(),
    checkConformity: z.boolean(),
    manage: z.boolean(),
    smrOnly: z.boolean(),
  }),
  version: z.number().int(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
export type ContractVersion = z.infer<typeof ContractVersionSchema>;

/** Candidates for the participants' pickers: the users of the region's institutions, with their role. */
export const AssessmentCandidateSchema = z.object({
  id: IdSchema,
  name: z.string(),
  institutionId: IdSchema,
  institution: z.string(),
  kind: InstitutionKindSchema,
  roles: z.array(z.string()),
});

/** One open assessment in the Bureau's list: its state, the days waited, whom it waits on (no name). */
export const AssessmentRowSchema = z.object({
  situationId: IdSchema,
  number: z.string(),
  region: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  waitingDays: z.number().int(),
  responsible: z.string().nullable(),
  meeting: z.object({ startOn: z.string(), startTime: z.string() }).nullable(),
  waitsOn: z.enum([
    'bureau_organise',
    'meeting',
    'team_contract',
    'parties',
    'bureau_conformity',
    'case_manager',
    'nobody',
  ]),
  missingParties: z.array(z.string()),
});
export type AssessmentRow = z.infer<typeof AssessmentRowSchema>;

/** An assessment the caller is invited to (their home page). */
export const AssessmentInvitationSchema = z.object({
  situationId: IdSchema,
  number: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  role: z.string(),
  meeting: z.object({ startOn: z.string(), startTime: z.string(), place: z.string() }).nullable(),
});
