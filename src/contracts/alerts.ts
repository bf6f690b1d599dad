import { z } from 'zod';
import { ALERT_RULE_CODES, ALERT_STATES } from '../domain/alerts/alert-rules.ts';
import { IdSchema, IsoDateSchema, VersionSchema, trimmed } from './common.ts';

/**
 * Caseloads and alerts (issue 14). A caseload is sent as the raw CSV or XLSX file (like the history import); a dry
 * run says what would be kept and why each refused row is refused, and changes nothing. An alert carries only what
 * may cross: the caller's own reference, the other institution, the month it follows since, and its correspondents'
 * contact — or, for an early-risk alert, the rule and the caller's own facts that made it fire.
 */
export const CaseloadUploadQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true (default): check the file, change nothing.'),
});

export const CaseloadUploadResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int().describe('Rows read (empty lines skipped).'),
    accepted: z.number().int().describe('Rows that make (or would make) the new caseload.'),
    rejected: z.array(
      z.object({
        line: z.number().int().describe('The line in the file (the header is line 1).'),
        reference: z.string(),
        reasons: z.array(z.string()).describe('Why, in the caller’s language (never the number itself).'),
      }),
    ),
    fileProblems: z.array(z.string()).describe('Problems of the file itself: nothing is changed.'),
    left: z.number().int().describe('Persons of the previous caseload not in this one.'),
    alertsRaised: z.number().int().describe('New alerts for the uploading institution.'),
    alertsClosed: z.number().int().describe('Alerts of the uploading institution closed (persons who left).'),
  })
  .describe('What the upload did (or would do).');
export type CaseloadUploadResult = z.infer<typeof CaseloadUploadResultSchema>;

export const CaseloadSummarySchema = z.object({
  institution: z.object({ id: IdSchema, nameFr: z.string(), nameDe: z.string() }),
  rows: z.number().int(),
  uploadedAt: z.iso.datetime().nullable(),
});
export type CaseloadSummary = z.infer<typeof CaseloadSummarySchema>;

const ContactSchema = z.object({ name: z.string(), phone: z.string(), email: z.string() });

export const AlertSchema = z.object({
  id: IdSchema,
  rule: z.enum(ALERT_RULE_CODES),
  state: z.enum(ALERT_STATES),
  stateReason: z.string(),
  stateChangedAt: z.iso.datetime().nullable().describe('When it was last acted on or closed.'),
  stateBy: z.string().nullable().describe('Who of the caller’s institution acted on it (null: closed by Tandem).'),
  reference: z.string().describe('The caller’s own file reference.'),
  otherInstitution: z.object({ nameFr: z.string(), nameDe: z.string() }).nullable(),
  otherSince: z.string().nullable().describe('co_follow_up: the month (yyyy-mm) the other institution follows since.'),
  contacts: z.array(ContactSchema).describe('co_follow_up: the other institution’s CII correspondents.'),
  why: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .describe('Early-risk rules: the caller’s own facts the rule compared.'),
  situationId: IdSchema.nullable(),
  createdAt: z.iso.datetime(),
  version: VersionSchema,
});
export type Alert = z.infer<typeof AlertSchema>;
export const AlertListSchema = z.object({ alerts: z.array(AlertSchema) });

export const AlertActionBodySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('not_relevant'), reason: trimmed(500), version: VersionSchema }),
  z.object({ action: z.literal('lapse'), version: VersionSchema }),
]);
export type AlertActionBody = z.infer<typeof AlertActionBodySchema>;
export const AlertDraftResultSchema = z.object({ situationId: IdSchema });

export const AlertRuleSchema = z.object({
  code: z.enum(ALERT_RULE_CODES),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  params: z.record(z.string(), z.number()),
});
export const AlertRuleListSchema = z.object({ rules: z.array(AlertRuleSchema) });

export const MachineTokenSchema = z.object({
  id: IdSchema,
  institution: z.object({ id: IdSchema, nameFr: z.string(), nameDe: z.string() }),
  label: z.string(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  version: VersionSchema,
});
export type MachineToken = z.infer<typeof MachineTokenSchema>;
export const MachineTokenListSchema = z.object({ tokens: z.array(MachineTokenSchema) });
export const CreateMachineTokenBodySchema = z.object({
  institutionId: IdSchema,
  label: trimmed(100),
  expiresOn: z.iso.date().describe('The last day the token works (at most two years ahead).'),
});
export const CreatedMachineTokenSchema = z.object({
  token: MachineTokenSchema,
  secret: z.string().describe('Shown once: only its SHA-256 is kept.'),
});
export const RevokeMachineTokenBodySchema = z.object({ version: VersionSchema });

/** Co-follow-ups counted per institution pair and month (issue 14, figures): no person, small counts hidden. */
export const CoFollowUpQuerySchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional().describe('A calendar year (default: this one).'),
    from: IsoDateSchema.optional().describe('First day of a period (with `to`), yyyy-mm-dd.'),
    to: IsoDateSchema.optional().describe('Last day of a period (with `from`), yyyy-mm-dd, included.'),
    publication: z
      .enum(['internal', 'public'])
      .default('internal')
      .describe('internal: exact counts, for the CII only; public: small counts hidden, a calendar year only.'),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    path: ['to'],
    params: { messageKey: 'figures.periodBoth' },
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], params: { messageKey: 'figures.periodOrder' } })
  .refine((q) => !(q.year && q.from), { path: ['year'], params: { messageKey: 'figures.yearOrPeriod' } })
  .refine((q) => q.publication === 'internal' || !q.from, {
    path: ['from'],
    params: { messageKey: 'figures.publicYear' },
  });
export type CoFollowUpQuery = z.infer<typeof CoFollowUpQuerySchema>;

export const CoFollowUpCountsSchema = z.object({
  publication: z.enum(['internal', 'public']),
  period: z.object({ from: z.string(), to: z.string() }).describe('The days counted, both included.'),
  threshold: z.number().int().describe('Published counts below it (and above 0) are hidden: null.'),
  rows: z.array(
    z.object({
      month: z.string().describe('yyyy-mm: when the co-follow-up was found.'),
      institutionA: z.object({ nameFr: z.string(), nameDe: z.string() }),
      institutionB: z.object({ nameFr: z.string(), nameDe: z.string() }),
      count: z.number().int().nullable(),
    }),
  ),
});
export type CoFollowUpCounts = z.infer<typeof CoFollowUpCountsSchema>;
