import { asc, eq, inArray } from 'drizzle-orm';
import type { NetworkFollowUp } from '../../../contracts/round-tables.ts';
import { can } from '../../../domain/access/policy.ts';
import type { SituationFacts } from '../../../domain/access/situation-access.ts';
import type { NetworkOutcome } from '../../../domain/care/network-follow-up.ts';
import type { Queryable } from '../../../db/open-db.ts';
import { networkReviews, users } from '../../../db/schema.ts';
import type { AuthedContext } from '../../http/context.ts';
import { fullName } from '../../situations/present-situation.ts';
import type { SituationRow } from '../../situations/situation-repository.ts';
import type { PassageRow } from '../passage-repository.ts';
import { participantsOf } from '../participants.ts';

/** Who may change a network follow-up: the Bureau of the region, and its reference person (reviews, closure). */
export function managesNetwork(ctx: AuthedContext, facts: SituationFacts, passage: PassageRow, asReference = true) {
  if (passage.endedAt) return false;
  if (can(ctx.actor, 'pilot_care', { type: 'situation', ...facts })) return true;
  return asReference && passage.responsibleUserId === ctx.actor.userId;
}

/** The network follow-up as any reader of the situation sees it: institutions, reference, reviews, outcome. */
export async function presentNetwork(
  ctx: AuthedContext,
  q: Queryable,
  found: { row: SituationRow; facts: SituationFacts },
  passage: PassageRow,
): Promise<NetworkFollowUp> {
  const [participants, reviews] = await Promise.all([
    participantsOf(q, passage.id),
    q
      .select()
      .from(networkReviews)
      .where(eq(networkReviews.passageId, passage.id))
      .orderBy(asc(networkReviews.heldOn), asc(networkReviews.recordedAt)),
  ]);
  const ids = [passage.endedByUserId, passage.responsibleUserId, ...reviews.map((r) => r.recordedByUserId)].filter(
    (id): id is string => typeof id === 'string',
  );
  const names = ids.length
    ? await q
        .select({ id: users.id, givenName: users.givenName, familyName: users.familyName })
        .from(users)
        .where(inArray(users.id, ids))
    : [];
  const nameOf = (id: string | null) => (id ? fullName(names.find((n) => n.id === id)) : '');
  const network = participants.filter((p) => p.role === 'professional' || p.role === 'reference');
  const reference = network.find((p) => p.role === 'reference') ?? null;
  return {
    passageId: passage.id,
    situationId: found.row.id,
    status: passage.endedAt ? 'closed' : 'active',
    institutionIds: [...new Set(network.map((p) => p.institutionId).filter((id): id is string => id !== null))],
    referenceInstitutionId: reference?.institutionId ?? null,
    referenceUserId: reference?.userId ?? null,
    referenceUserName: reference?.userId
      ? fullName({ givenName: reference.givenName ?? '', familyName: reference.familyName ?? '' })
      : '',
    reviewOn: passage.reviewOn,
    reviews: reviews.map((r) => ({
      id: r.id,
      heldOn: r.heldOn,
      note: r.note,
      nextReviewOn: r.nextReviewOn,
      recordedByName: nameOf(r.recordedByUserId),
    })),
    startedAt: passage.startedAt.toISOString(),
    endedAt: passage.endedAt?.toISOString() ?? null,
    endedByName: passage.endedByUserId ? nameOf(passage.endedByUserId) : null,
    outcome: (passage.endedAt ? passage.outcome : null) as NetworkOutcome | null,
    outcomeReason: passage.outcomeReason,
    abilities: {
      manage: managesNetwork(ctx, found.facts, passage, false),
      review: managesNetwork(ctx, found.facts, passage),
    },
    version: passage.version,
  };
}
