import { and, isNull, sql } from 'drizzle-orm';
import { decidesStep } from '../../domain/access/policy.ts';
import type { DecisionStep } from '../../domain/measures/rule-sets.ts';
import type { Queryable } from '../../db/open-db.ts';
import { institutions, users } from '../../db/schema.ts';
import { eq } from 'drizzle-orm';
import { actorOf } from '../notifications/notify.ts';

export interface Decider {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  language: 'fr' | 'de';
}

/**
 * The active users who decide `step` for a measure of `communeId`: the candidates by role, then the policy's
 * `decidesStep` itself, so that who is told is who could have decided.
 */
export async function decidersOf(q: Queryable, step: DecisionStep, communeId: string | null): Promise<Decider[]> {
  const rows = await q
    .select({
      id: users.id,
      givenName: users.givenName,
      familyName: users.familyName,
      email: users.email,
      language: users.language,
      institutionId: users.institutionId,
      regionId: users.regionId,
      roles: users.roles,
      actorCommuneId: institutions.communeId,
    })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(
      and(
        isNull(users.disabledAt),
        sql`${users.roles} && ARRAY['measures_decider', 'sas_reviewer', 'commune_approver', 'bureau_member']::role[]`,
      ),
    );
  return rows
    .filter((u) => decidesStep(actorOf(u), step, { communeId, actorCommuneId: u.actorCommuneId }))
    .map((u) => ({ id: u.id, givenName: u.givenName, familyName: u.familyName, email: u.email, language: u.language }));
}
