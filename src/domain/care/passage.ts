import { type CareKind, CARE_KINDS } from '../situation/situation-lifecycle.ts';
import { OUTCOMES } from '../tandem/closure.ts';

/**
 * A passage: one situation's stay in one kind of care (DOMAIN.md §4: "a
 * situation can go through several kinds of care in sequence"). Each passage
 * keeps its own dates, who opened and ended it, and its outcome with the
 * reason (issue 12), so that the figures count assessments, round tables and
 * tandems by outcome (004 §6: 22 assessments, 12 round tables, 26 tandems in
 * 2012).
 */
export { CARE_KINDS, type CareKind };

/**
 * How a passage ends (DOMAIN.md §4.5, seeds 000 and 004): the tandem's closing
 * outcomes, "other", followed by one institution (a round table's "1 followed
 * by the ORP"), or oriented on to another kind of care (a round table that
 * orients to a tandem; the next passage carries the situation on). A round
 * table's "found work" is `inserted`; "pending" is not an end.
 */
export const PASSAGE_OUTCOMES = [
  ...OUTCOMES,
  'other',
  'followed_by_institution',
  'oriented_assessment',
  'oriented_round_table',
  'oriented_tandem',
  'oriented_network_follow_up',
] as const;
export type PassageOutcome = (typeof PASSAGE_OUTCOMES)[number];
export const isPassageOutcome = (s: string): s is PassageOutcome => (PASSAGE_OUTCOMES as readonly string[]).includes(s);

/** The outcome a passage gets when the situation is oriented on from it without one of its own. */
export const orientedTo = (kind: CareKind): PassageOutcome => `oriented_${kind}`;

/** The state a passage starts in, per kind (each kind's lifecycle lives in its own file). */
export const FIRST_STATUS: Record<CareKind, string> = {
  assessment: 'to_organise',
  round_table: 'in_preparation',
  tandem: 'waiting_tandem',
  network_follow_up: 'active',
};

/** A passage is closed by its end: the status every kind ends in. */
export const ENDED_STATUS = 'ended';

/**
 * Who takes part in an assessment or a round table (004 §6): the Bureau member
 * responsible or the coordinator piloting, the institutions' répondants CII, the
 * announcing professional, other professionals, a doctor delegated by the OAI's
 * SMR, the reference of a network follow-up, and — at an assessment only — the
 * person (a round table is held without the person).
 */
export const PARTICIPANT_ROLES = [
  'bureau',
  'coordinator',
  'correspondent',
  'announcer',
  'professional',
  'smr_doctor',
  'reference',
  'person',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The person takes part in an assessment; a round table is a pre-evaluation among professionals, without them. */
export const personMayTakePart = (kind: CareKind) => kind === 'assessment';

/** Whole days a passage has waited or lasted, from its start to `end` (its end, or now while open). */
export function daysBetween(start: Date, end: Date): number {
  return Math.max(0, Math.floor((end.getTime() - start.getTime()) / 86_400_000));
}
