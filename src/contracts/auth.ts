import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../domain/auth/password-policy.ts';
import { IdSchema, InstitutionKindSchema, LanguageSchema, RoleSchema } from './common.ts';

export const SignInBodySchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type SignInBody = z.infer<typeof SignInBodySchema>;

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const MeSchema = z.object({
  id: IdSchema,
  username: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string(),
  language: LanguageSchema,
  roles: z.array(RoleSchema),
  institution: z.object({ id: IdSchema, kind: InstitutionKindSchema, nameFr: z.string(), nameDe: z.string() }),
  regionId: IdSchema.nullable(),
  mustChangePassword: z.boolean(),
  abilities: z.object({
    manageUsers: z.boolean(),
    seeUsers: z.boolean(),
    manageOrganisations: z.boolean(),
    readAudit: z.boolean(),
    readOutbox: z.boolean(),
    announce: z.boolean(),
    triage: z.boolean(),
    reviewMerges: z.boolean(),
    seeTandems: z.boolean(),
    coach: z.boolean(),
    decideMeasures: z.boolean(),
    readStatements: z.boolean(),
    manageMeasureKinds: z.boolean(),
    readFigures: z.boolean(),
    editAnnualReport: z.boolean().describe('Writes the annual report texts (the cantonal CII officer).'),
    importHistory: z.boolean().describe('Imports the CII history from a file (an administrator).'),
    readAlerts: z.boolean().describe("Reads the alerts and uploads the caseload of one's institution (issue 14)."),
    manageMachineTokens: z.boolean().describe("Creates and revokes the institutions' machine tokens."),
  }),
});
export type Me = z.infer<typeof MeSchema>;

export const UpdatePreferencesBodySchema = z.object({ language: LanguageSchema });

export const AttentionItemSchema = z.object({
  kind: z.enum([
    'change_password',
    'locked_accounts',
    'triage_queue',
    'drafts',
    'tandem_to_assign',
    'intensity_behind',
    'months_missed',
    'report_due',
    'follow_up_due',
    'handed_back',
    'hand_back_due',
    'mandate_ending',
    'measures_to_decide',
    'alerts',
  ]),
  count: z.number().int().optional(),
  // Items about one situation (tandem reminders) name it, and the months or date concerned.
  situationId: z.uuid().optional(),
  situationNumber: z.string().optional(),
  months: z.array(z.string()).optional(),
  date: z.string().optional(),
});
export const AttentionListSchema = z.object({ items: z.array(AttentionItemSchema) });
export type AttentionItem = z.infer<typeof AttentionItemSchema>;
