import { z } from 'zod';
import { INSTITUTION_KINDS } from '../domain/access/roles.ts';
import { DATA_CATEGORIES } from '../domain/consent/consent.ts';
import { MAX_SUGGESTED_INSTITUTIONS } from '../domain/situation/refusal.ts';
import { CARE_KINDS, SITUATION_STATUSES } from '../domain/situation/situation-lifecycle.ts';
import { PASSAGE_OUTCOMES } from '../domain/care/passage.ts';
import { TANDEM_CRITERIA, checkTandemEligibility } from '../domain/situation/tandem-eligibility.ts';
import { hasVisibleText } from '../domain/text/visible-text.ts';
import {
  AGE_BANDS,
  CORRESPONDENCE_LANGUAGES,
  RESIDENCE_PERMITS,
  RISK_FACTORS,
  SEXES,
  TARGET_GROUPS,
} from '../domain/situation/vocabulary.ts';
import { IdSchema, IsoDateSchema, VersionSchema, trimmed } from './common.ts';

export { IsoDateSchema };
const text = (max: number) => z.string().trim().max(max);

export const PersonInputSchema = z.object({
  navs13: text(20).default(''), // checked by the domain (length, prefix, check digit)
  officialName: trimmed(100),
  firstNames: trimmed(100),
  birthDate: IsoDateSchema,
  sex: z.enum(SEXES),
  correspondenceLanguage: z.enum(CORRESPONDENCE_LANGUAGES),
  communeId: IdSchema.nullable(),
  residencePermit: z.enum(RESIDENCE_PERMITS),
  street: text(200).default(''),
  postalCode: text(10).default(''),
  locality: text(100).default(''),
  phone: text(40).default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
});
export type PersonInput = z.infer<typeof PersonInputSchema>;

export const PersonSchema = PersonInputSchema.extend({ id: IdSchema, version: z.number().int() });
export type Person = z.infer<typeof PersonSchema>;

export const DuplicateCandidateSchema = z.object({
  id: IdSchema,
  officialName: z.string(),
  firstNames: z.string(),
  birthDate: z.string(),
  navs13: z.string(),
  matchedOn: z.enum(['navs13', 'name_and_birth_date']),
  createdByInstitutionName: z.string(),
});
/** What the duplicate check answers: the candidate, and whether the caller may attach an announcement to it. */
export const DuplicateMatchSchema = DuplicateCandidateSchema.extend({ usable: z.boolean() });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>;
export type DuplicateMatch = z.infer<typeof DuplicateMatchSchema>;

export const CreatePersonBodySchema = z.object({
  person: PersonInputSchema,
  // The user saw the candidates and states that this is someone else.
  confirmDistinctFrom: z.array(IdSchema).default([]),
});

/** A draft accepts incomplete content: what was typed is never lost; announcing checks it all. */
export const DraftBodySchema = z.object({
  regionId: IdSchema,
  anonymous: z.boolean(),
  personId: IdSchema.nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  followingInstitutionIds: z.array(IdSchema).max(20),
  riskFactors: z.array(z.enum(RISK_FACTORS)).max(RISK_FACTORS.length),
  riskFactorsOther: text(2000),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length),
  laciBasicProgramme: z.boolean(),
  laciEmployabilityCheck: z.boolean(),
  liasEmployabilityChecked: z.boolean(),
  liasIntegrationIndicated: z.boolean(),
  description: text(20000),
  helpExpected: text(20000),
});
export type DraftBody = z.infer<typeof DraftBodySchema>;

/** A new, empty announcement: the start of every draft, on screen and in the demo seed. */
export const emptyDraft = (o: { regionId: string; personId: string | null; institutionId: string }): DraftBody => ({
  regionId: o.regionId,
  anonymous: o.personId === null,
  personId: o.personId,
  ageBand: null,
  followingInstitutionIds: [o.institutionId],
  riskFactors: [],
  riskFactorsOther: '',
  targetGroups: [],
  laciBasicProgramme: false,
  laciEmployabilityCheck: false,
  liasEmployabilityChecked: false,
  liasIntegrationIndicated: false,
  description: '',
  helpExpected: '',
});
export const UpdateDraftBodySchema = DraftBodySchema.extend({ version: VersionSchema });

export const VersionBodySchema = z.object({ version: VersionSchema });

export const CriterionAnswerSchema = z.object({
  criterion: z.enum(TANDEM_CRITERIA),
  answer: z.enum(['met', 'not_met', 'not_applicable']),
  justification: text(2000),
});

/**
 * The decision's own rules checked with its fields, so that a missing reason and an unjustified criterion are
 * answered together, not one after the other (the use case checks them again for callers other than HTTP).
 */
export const SuggestedInstitutionInputSchema = z.object({
  kind: z.enum(INSTITUTION_KINDS),
  institutionId: IdSchema.nullable().default(null).describe('One institution of the directory; null: any of the kind.'),
});
export const SuggestedInstitutionSchema = SuggestedInstitutionInputSchema.extend({
  institutionId: IdSchema.nullable(),
  nameFr: z.string().nullable().describe('The institution’s name when suggested (null: a kind).'),
  nameDe: z.string().nullable(),
});

export const DecisionBodySchema = z.discriminatedUnion('decision', [
  z
    .object({
      decision: z.literal('refuse'),
      version: VersionSchema,
      reason: trimmed(5000),
      /** The institutions suggested (issue 13), counted in the figures; a free-text note beside them. */
      suggestedInstitutions: z.array(SuggestedInstitutionInputSchema).max(MAX_SUGGESTED_INSTITUTIONS).default([]),
      suggestions: text(5000).default(''),
    })
    .superRefine((body, ctx) => {
      if (body.suggestedInstitutions.length > 0 || hasVisibleText(body.suggestions)) return;
      ctx.addIssue({
        code: 'custom',
        path: ['suggestions'],
        message: 'suggestions required',
        params: { messageKey: 'situation.suggestionsRequired' },
      });
    }),
  z
    .object({
      decision: z.literal('orient'),
      version: VersionSchema,
      careKind: z.enum(CARE_KINDS),
      reason: trimmed(5000),
      eligibility: z.array(CriterionAnswerSchema).max(TANDEM_CRITERIA.length).default([]),
    })
    .superRefine((body, ctx) => {
      if (body.careKind !== 'tandem') return;
      for (const p of checkTandemEligibility(body.eligibility)) {
        ctx.addIssue({
          code: 'custom',
          // The justification's problem goes to the justification's box, the answer's to the answer's.
          path: !p.criterion
            ? ['eligibility']
            : p.problem === 'justification_missing'
              ? ['eligibility', p.criterion, 'justification']
              : ['eligibility', p.criterion],
          message: p.problem,
          params: { messageKey: `eligibility.${p.problem}` },
        });
      }
    }),
  z.object({ decision: z.literal('move_region'), version: VersionSchema, regionId: IdSchema, reason: trimmed(5000) }),
]);
export type DecisionBody = z.infer<typeof DecisionBodySchema>;

export const ConsentBodySchema = z.object({
  institutionIds: z.array(IdSchema).min(1).max(20),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).min(1),
  signedOn: IsoDateSchema,
  validUntil: IsoDateSchema,
  scanAttachmentId: IdSchema,
});
export const RevokeConsentBodySchema = z.object({ version: VersionSchema, reason: trimmed(2000) });

export const ReviewConsentBodySchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), version: VersionSchema }),
  z.object({ decision: z.literal('reject'), version: VersionSchema, reason: trimmed(2000) }),
]);

export const CONSENT_STATES = [
  'in_force',
  'pending_review',
  'rejected',
  'revoked',
  'expired',
  'not_yet_valid',
] as const;

export const ConsentSchema = z.object({
  id: IdSchema,
  institutionIds: z.array(IdSchema),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  signedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  // Null for a caller who may not see who the person is: the scan identifies them.
  scanAttachmentId: IdSchema.nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  valid: z.boolean(),
  state: z.enum(CONSENT_STATES),
  recordedByName: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  /** The caller may check the scan and put it in force (not its recorder). */
  canReview: z.boolean(),
  /** The caller may record its revocation: it was recorded on this situation and is still valid. */
  canRevoke: z.boolean(),
  version: z.number().int(),
});

export const CaseTeamMemberSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  institutionName: z.string(),
  addedAt: z.string(),
  addedByName: z.string(),
  removedAt: z.string().nullable(),
  /** Until when a member who left keeps reading the file (ACCESS_AFTER_ROLE_DAYS). */
  accessUntil: z.string().nullable(),
  version: z.number().int(),
});
export type CaseTeamMember = z.infer<typeof CaseTeamMemberSchema>;
export const AddCaseTeamMemberBodySchema = z.object({ userId: IdSchema });
export const CaseTeamCandidateSchema = z.object({ userId: IdSchema, name: z.string(), institutionName: z.string() });

export const AttachmentSchema = z.object({
  id: IdSchema,
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const TimelineEventSchema = z.object({
  at: z.string(),
  actorName: z.string(),
  type: z.string(),
  fromStatus: z.enum(SITUATION_STATUSES).nullable(),
  toStatus: z.enum(SITUATION_STATUSES).nullable(),
  reason: z.string(),
  details: z.record(z.string(), z.unknown()),
});

/**
 * One stay of the situation in one kind of care (issue 12): its dates, state and outcome with who and why. A
 * situation may pass through several (a round table that orients to a tandem).
 */
export const CarePassageSummarySchema = z.object({
  id: IdSchema,
  kind: z.enum(CARE_KINDS),
  status: z.string().describe('The state of the passage in its kind of care; "ended" once it has an outcome'),
  startedAt: z.string(),
  startedByName: z.string(),
  endedAt: z.string().nullable(),
  endedByName: z.string().nullable(),
  // "pending": a round table held whose outcome is still open (it is not an end: the passage runs on).
  outcome: z.enum([...PASSAGE_OUTCOMES, 'pending']).nullable(),
  outcomeReason: z.string(),
  /** The institution that follows the person on, for the outcome "followed by one institution". */
  outcomeInstitutionName: z.string().nullable(),
});
export type CarePassageSummary = z.infer<typeof CarePassageSummarySchema>;

export const SituationAbilitiesSchema = z.object({
  readIdentity: z.boolean(),
  manageCaseTeam: z.boolean(),
  update: z.boolean(),
  announce: z.boolean(),
  triage: z.boolean(),
  manageConsent: z.boolean(),
  attach: z.boolean(),
  assign: z.boolean(),
  coach: z.boolean(),
  handBack: z.boolean(),
  followUp: z.boolean(),
});

export const SituationSchema = DraftBodySchema.extend({
  // Null where the caller's procuration does not grant the category (employment for LACI, social aid for LIAS).
  laciBasicProgramme: z.boolean().nullable(),
  laciEmployabilityCheck: z.boolean().nullable(),
  liasEmployabilityChecked: z.boolean().nullable(),
  liasIntegrationIndicated: z.boolean().nullable(),
  id: IdSchema,
  number: z.string(),
  status: z.enum(SITUATION_STATUSES),
  version: z.number().int(),
  person: PersonSchema.nullable(), // null when anonymous or when the caller has no basis to see who it is
  imported: z.boolean().describe('Imported from the CII history (issue 13): anonymous, ended, counted in the figures.'),
  announcingUserName: z.string(),
  /** The institution the data comes from: a procuration must name it for an identified announcement. */
  announcingInstitutionId: IdSchema,
  announcingInstitutionName: z.string(),
  handledByName: z.string().nullable(),
  createdAt: z.string(),
  announcedAt: z.string().nullable(),
  takenUpAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  refusalSuggestions: z.string().nullable(),
  refusalInstitutions: z.array(SuggestedInstitutionSchema).describe('The institutions the refusal suggests.'),
  eligibility: z.array(CriterionAnswerSchema).nullable(),
  consents: z.array(ConsentSchema),
  // Only for a caller who may see who the person is: documents identify the person.
  attachments: z.array(AttachmentSchema),
  caseTeam: z.array(CaseTeamMemberSchema),
  /** Categories of data this file holds that the caller's procuration does not grant: those parts are left out. */
  withheldCategories: z.array(z.enum(DATA_CATEGORIES)),
  timeline: z.array(TimelineEventSchema),
  carePassages: z.array(CarePassageSummarySchema),
  abilities: SituationAbilitiesSchema,
});
export type Situation = z.infer<typeof SituationSchema>;

export const SituationSummarySchema = z.object({
  id: IdSchema,
  number: z.string(),
  status: z.enum(SITUATION_STATUSES),
  regionId: IdSchema,
  anonymous: z.boolean(),
  imported: z.boolean().describe('Imported from the CII history (issue 13).'),
  displayName: z.string().nullable(), // the person's name where the caller may see it
  ageBand: z.string().nullable(),
  announcingInstitutionName: z.string(),
  announcedAt: z.string().nullable(),
  createdAt: z.string(),
  waitingDays: z.number().int().nullable(),
  handledByName: z.string().nullable(),
});
export type SituationSummary = z.infer<typeof SituationSummarySchema>;

/**
 * A list is read page by page with a cursor (keyset): the answer's `nextCursor`
 * asks for the rows after the last one shown, and no page counts every row the
 * caller may see (issue 10: at 100,000 situations an exact count costs more
 * than the page).
 */
export const SituationListQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  q: text(100).optional(),
  status: z.enum(SITUATION_STATUSES).optional(),
  regionId: IdSchema.optional(),
  careKind: z.enum(CARE_KINDS).optional(),
  institutionId: IdSchema.optional(),
  sort: z.enum(['newest', 'oldest', 'number']).default('newest'),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type SituationListQuery = z.infer<typeof SituationListQuerySchema>;
export const SituationPageSchema = z.object({
  items: z.array(SituationSummarySchema),
  pageSize: z.number().int(),
  /** Pass it as `cursor` for the next rows; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const QueueQuerySchema = z.object({ regionId: IdSchema.optional() });

export const NotificationSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  situationId: IdSchema.nullable(),
  situationNumber: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
  details: z.record(z.string(), z.unknown()),
});

export const MergeRequestBodySchema = z.object({ survivorId: IdSchema, duplicateId: IdSchema, reason: trimmed(2000) });
export const MergeReviewBodySchema = z.object({
  version: VersionSchema,
  approve: z.boolean(),
  note: text(2000).default(''),
});
/** A person of a merge request; empty fields and `visible: false` for one the reviewer does not see in any file. */
const MergePersonSchema = DuplicateCandidateSchema.omit({ matchedOn: true }).extend({ visible: z.boolean() });
export const MergeRequestSchema = z.object({
  id: IdSchema,
  survivor: MergePersonSchema,
  duplicate: MergePersonSchema,
  reason: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  version: z.number().int(),
});
