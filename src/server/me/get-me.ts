import { eq } from 'drizzle-orm';
import type { Me } from '../../contracts/auth.ts';
import { actorAbilities } from '../../domain/access/policy.ts';
import { notFound } from '../../domain/errors.ts';
import { institutions, users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';

/** The signed-in user's own profile and screen-level abilities (one's own data: not audited as a read). */
export async function getMe(ctx: AuthedContext): Promise<Me> {
  const [row] = await ctx.db
    .select({ user: users, institution: institutions })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(eq(users.id, ctx.actor.userId));
  if (!row) throw notFound();
  const { user, institution } = row;
  return {
    id: user.id,
    username: user.username,
    givenName: user.givenName,
    familyName: user.familyName,
    email: user.email,
    language: user.language,
    roles: user.roles,
    institution: { id: institution.id, kind: institution.kind, nameFr: institution.nameFr, nameDe: institution.nameDe },
    regionId: user.regionId,
    mustChangePassword: user.mustChangePassword,
    abilities: actorAbilities(ctx.actor),
  };
}
