import { eq, inArray } from 'drizzle-orm';
import type { AnonymousProfile, RoundTable } from '../../../contracts/round-tables.ts';
import { can } from '../../../domain/access/policy.ts';
import type { SituationFacts } from '../../../domain/access/situation-access.ts';
import { zurichLocal } from '../../../domain/calendar/zurich-time.ts';
import type { RoundTableOutcome, RoundTableStatus } from '../../../domain/care/round-table.ts';
import type { Queryable } from '../../../db/open-db.ts';
import { roundTableMinutes, users } from '../../../db/schema.ts';
import type { AuthedContext } from '../../http/context.ts';
import { fullName } from '../../situations/present-situation.ts';
import type { SituationRow } from '../../situations/situation-repository.ts';
import type { PassageRow } from '../passage-repository.ts';
import { participantsOf } from '../participants.ts';
import { anonymousProfile } from './round-table-repository.ts';

/** An ended passage is a concluded round table, whatever outcome ended it. */
export const roundTableStatus = (p: PassageRow): RoundTableStatus =>
  p.endedAt ? 'concluded' : (p.status as RoundTableStatus);

/** A passage's outcome as a round table's: "found work" is the passages' `inserted` (domain/care/passage.ts). */
export function roundTableOutcome(outcome: string | null): RoundTableOutcome | null {
  switch (outcome) {
    case null:
      return null;
    case 'inserted':
      return 'found_work';
    case 'oriented_network_follow_up':
      return 'network_follow_up';
    case 'pending':
    case 'followed_by_institution':
    case 'oriented_assessment':
    case 'oriented_tandem':
      return outcome;
    default:
      return null;
  }
}

/**
 * The round table as any reader of the situation sees it. Nothing in it identifies the person: the professionals
 * taking part, the meeting, the anonymous profile and the minutes (written without the person's name, kept as
 * written). Whoever sees the identity reads it on the situation itself.
 */
export async function presentRoundTable(
  ctx: AuthedContext,
  q: Queryable,
  found: { row: SituationRow; facts: SituationFacts },
  passage: PassageRow,
): Promise<RoundTable> {
  const [participants, minutesRows] = await Promise.all([
    participantsOf(q, passage.id),
    q.select().from(roundTableMinutes).where(eq(roundTableMinutes.passageId, passage.id)),
  ]);
  const minutes = minutesRows[0] ?? null;
  const nameIds = [passage.responsibleUserId, passage.endedByUserId, minutes?.writtenByUserId].filter(
    (id): id is string => typeof id === 'string',
  );
  const names = nameIds.length
    ? await q
        .select({ id: users.id, givenName: users.givenName, familyName: users.familyName })
        .from(users)
        .where(inArray(users.id, nameIds))
    : [];
  const nameOf = (id: string | null) => (id ? fullName(names.find((n) => n.id === id)) : '');
  const local = passage.meetingStart ? zurichLocal(passage.meetingStart) : null;
  const resource = { type: 'situation' as const, ...found.facts };
  const status = roundTableStatus(passage);
  const lang = ctx.lang;
  return {
    passageId: passage.id,
    situationId: found.row.id,
    situationNumber: found.row.number,
    status,
    outcome: roundTableOutcome(passage.outcome),
    outcomeReason: passage.outcomeReason,
    outcomeInstitutionId: passage.outcomeInstitutionId,
    startedAt: passage.startedAt.toISOString(),
    endedAt: passage.endedAt?.toISOString() ?? null,
    endedByName: passage.endedByUserId ? nameOf(passage.endedByUserId) : null,
    coordinatorName: nameOf(passage.responsibleUserId ?? passage.startedByUserId),
    meetingStart: passage.meetingStart?.toISOString() ?? null,
    meetingOn: local?.date ?? null,
    meetingTime: local?.time ?? null,
    durationMinutes: passage.meetingDurationMinutes,
    place: passage.meetingPlace,
    invitationSequence: passage.invitationSequence,
    // Called off: back in preparation after invitations went out (their CANCEL carried the last sequence).
    invitationsCancelled:
      status === 'in_preparation' && passage.meetingStart === null && passage.invitationSequence > 0,
    participants: participants
      .filter((p) => p.role !== 'person')
      .map((p) => ({
        id: p.id,
        userId: p.userId,
        name: fullName({ givenName: p.givenName ?? '', familyName: p.familyName ?? '' }),
        institutionId: p.institutionId,
        institutionName: (lang === 'de' ? p.institutionNameDe : p.institutionNameFr) ?? '',
        role: p.role,
      })),
    minutes: minutes
      ? {
          text: minutes.text,
          writtenByName: nameOf(minutes.writtenByUserId),
          writtenAt: minutes.writtenAt.toISOString(),
          profile: minutes.profile as AnonymousProfile,
        }
      : null,
    profile: await anonymousProfile(q, found.row, ctx.now()),
    abilities: {
      manage: !passage.endedAt && can(ctx.actor, 'pilot_care', resource),
      linkPerson: can(ctx.actor, 'link_person', resource),
    },
    version: passage.version,
  };
}
