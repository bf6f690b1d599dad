import { z } from 'zod';
import { INSTITUTION_KINDS, LANGUAGES, ROLES } from '../domain/access/roles.ts';
import { hasVisibleText } from '../domain/text/visible-text.ts';

export const LanguageSchema = z.enum(LANGUAGES);
export const RoleSchema = z.enum(ROLES);
export const InstitutionKindSchema = z.enum(INSTITUTION_KINDS);
export const IdSchema = z.uuid();
export const IdParamsSchema = z.object({ id: IdSchema });
/** PostgreSQL's `integer`: a larger number cannot even be compared with an integer column (22003). */
export const INT4_MAX = 2_147_483_647;
/** Every update names the version it read; a stale one gets 409. */
export const VersionSchema = z.number().int().min(1).max(INT4_MAX);
/**
 * A calendar date, yyyy-mm-dd. Year 0000 matches the ISO pattern but exists
 * neither in the Gregorian calendar nor in PostgreSQL (22008): refused like 30 February.
 */
export const IsoDateSchema = z.iso.date().refine((date) => !date.startsWith('0000-'));

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/**
 * Required free text: at least one visible character (zero-width spaces, the
 * BOM and other invisible characters do not count: domain/text/visible-text.ts).
 */
export const trimmed = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => hasVisibleText(v), { params: { messageKey: 'field.required' } });
