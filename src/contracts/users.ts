import { z } from 'zod';
import { IdSchema, LanguageSchema, PageQuerySchema, RoleSchema, VersionSchema, pageOf, trimmed } from './common.ts';

const userFields = {
  email: z.email().max(200),
  givenName: trimmed(100),
  familyName: trimmed(100),
  institutionId: IdSchema,
  officeId: IdSchema.nullable(),
  regionId: IdSchema.nullable(),
  roles: z.array(RoleSchema).min(1).max(10),
  language: LanguageSchema,
  // A CII correspondent's phone reaches the other institutions' correspondents in a co-follow-up alert (issue 14).
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()./-]*$/)
    .optional()
    .describe('Office phone, digits and + ( ) . / - only; empty: none. Absent on an update: unchanged.'),
};

export const CreateUserBodySchema = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-zA-Z0-9._-]+$/),
  ...userFields,
});
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = z.object({
  version: VersionSchema,
  ...userFields,
  disabled: z.boolean(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;

export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  email: z.string(),
  phone: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  institutionId: IdSchema,
  institutionName: z.string(),
  officeId: IdSchema.nullable(),
  regionId: IdSchema.nullable(),
  roles: z.array(RoleSchema),
  language: LanguageSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), disable: z.boolean(), resetPassword: z.boolean() }),
});
export type User = z.infer<typeof UserSchema>;

export const UserListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  institutionId: IdSchema.optional(),
  role: RoleSchema.optional(),
  includeDisabled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;
export const UserPageSchema = pageOf(UserSchema);

/** The temporary password is shown once to the administrator, never stored in clear. */
export const TemporaryPasswordSchema = z.object({ user: UserSchema, temporaryPassword: z.string() });
