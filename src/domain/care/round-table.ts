import type { CareKind } from '../situation/situation-lifecycle.ts';
import { hasVisibleText } from '../text/visible-text.ts';

/**
 * The round table, TRO (DOMAIN.md §4.2, seed 004 §6): a pre-evaluation of a situation among professionals of several
 * institutions, **without the person**, piloted by the regional coordinator, to decide the appropriate kind of care.
 * It gives no coaching. Pure: the clock is an argument.
 *
 *   in_preparation ─schedule→ scheduled ─hold (minutes)→ held ─conclude→ concluded
 *        ↑ cancel ──────────────┘ (re-schedule: a moved date)      └ pending: stays held, concluded later
 *
 * 2012 (004 §6): twelve held, three "in preparation", and of the held ones three found work, four network
 * follow-ups, one followed by the ORP, four still pending.
 */
export const ROUND_TABLE_STATUSES = ['in_preparation', 'scheduled', 'held', 'concluded'] as const;
export type RoundTableStatus = (typeof ROUND_TABLE_STATUSES)[number];

export const ROUND_TABLE_OUTCOMES = [
  'found_work',
  'network_follow_up',
  'followed_by_institution',
  'oriented_assessment',
  'oriented_tandem',
  'pending',
] as const;
export type RoundTableOutcome = (typeof ROUND_TABLE_OUTCOMES)[number];

/** A round table brings together professionals of at least two institutions (004 §6: "entre les professionnels"). */
export const MIN_INSTITUTIONS = 2;

export type RoundTableProblem = {
  path: string;
  problem:
    | 'not_allowed_now'
    | 'in_past'
    | 'too_few_institutions'
    | 'place_required'
    | 'not_yet'
    | 'minutes_required'
    | 'minutes_name_the_person'
    | 'reason_required'
    | 'institution_required';
};

export interface RoundTableFacts {
  status: RoundTableStatus;
  outcome: RoundTableOutcome | null;
  meetingStart: Date | null;
}

/** Who takes part: users of institutions — never the person concerned (a round table is held without them). */
export interface ParticipantFacts {
  userId: string;
  institutionId: string;
}

/** Setting or moving the date: while in preparation or scheduled; a start from now on; place; two institutions. */
export function checkSchedule(
  rt: RoundTableFacts,
  input: { meetingStart: Date; place: string; participants: readonly ParticipantFacts[] },
  now: Date,
): RoundTableProblem[] {
  const problems: RoundTableProblem[] = [];
  if (rt.status !== 'in_preparation' && rt.status !== 'scheduled')
    return [{ path: 'status', problem: 'not_allowed_now' }];
  if (input.meetingStart.getTime() < now.getTime()) problems.push({ path: 'meetingStart', problem: 'in_past' });
  if (!hasVisibleText(input.place)) problems.push({ path: 'place', problem: 'place_required' });
  if (new Set(input.participants.map((p) => p.institutionId)).size < MIN_INSTITUTIONS)
    problems.push({ path: 'participants', problem: 'too_few_institutions' });
  return problems;
}

/** A scheduled round table may be called off (back in preparation); its invitations are cancelled. */
export function checkCancel(rt: RoundTableFacts): RoundTableProblem[] {
  return rt.status === 'scheduled' ? [] : [{ path: 'status', problem: 'not_allowed_now' }];
}

/**
 * Recording it held: scheduled and its start reached; the minutes written. When the server knows who the person is,
 * the minutes must not name them (the minutes are read by participants who may not): `personWords` are the names
 * and the AVS number, empty for an anonymous situation.
 */
export function checkHold(
  rt: RoundTableFacts,
  minutes: string,
  now: Date,
  personWords: readonly string[] = [],
): RoundTableProblem[] {
  if (rt.status !== 'scheduled') return [{ path: 'status', problem: 'not_allowed_now' }];
  const problems: RoundTableProblem[] = [];
  if (rt.meetingStart && rt.meetingStart.getTime() > now.getTime())
    problems.push({ path: 'meetingStart', problem: 'not_yet' });
  if (!hasVisibleText(minutes, 10)) problems.push({ path: 'minutes', problem: 'minutes_required' });
  else if (namesThePerson(minutes, personWords)) problems.push({ path: 'minutes', problem: 'minutes_name_the_person' });
  return problems;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether a text names the person: one of their names (three letters at least) as a word, or their AVS number. */
export function namesThePerson(text: string, personWords: readonly string[]): boolean {
  const folded = ` ${fold(text)} `;
  const digits = text.replace(/\D/g, '');
  return personWords.some((w) => {
    const onlyDigits = w.replace(/\D/g, '');
    if (onlyDigits.length >= 13 && /^[\d.\s]+$/.test(w)) return digits.includes(onlyDigits);
    return fold(w)
      .split(' ')
      .filter((part) => part.length >= 3)
      .some((part) => folded.includes(` ${part} `));
  });
}

/** What concluding with an outcome does to the situation. */
export type ConclusionEffect =
  | { kind: 'stay' } // pending: the round table stays held, to be concluded later
  | { kind: 'close' } // found work, followed by one institution: the care ends, the situation is closed
  | { kind: 'orient'; to: CareKind }; // carried on by another kind of care (the lifecycle's orient)

export function conclusionEffect(outcome: RoundTableOutcome): ConclusionEffect {
  switch (outcome) {
    case 'pending':
      return { kind: 'stay' };
    case 'found_work':
    case 'followed_by_institution':
      return { kind: 'close' };
    case 'network_follow_up':
      return { kind: 'orient', to: 'network_follow_up' };
    case 'oriented_assessment':
      return { kind: 'orient', to: 'assessment' };
    case 'oriented_tandem':
      return { kind: 'orient', to: 'tandem' };
  }
}

/** Concluding: from held (also when pending); a reason; for "followed by one institution", which. */
export function checkConclude(
  rt: RoundTableFacts,
  input: { outcome: RoundTableOutcome; reason: string; institutionId: string | null },
): RoundTableProblem[] {
  if (rt.status !== 'held') return [{ path: 'status', problem: 'not_allowed_now' }];
  const problems: RoundTableProblem[] = [];
  if (!hasVisibleText(input.reason)) problems.push({ path: 'reason', problem: 'reason_required' });
  if (input.outcome === 'followed_by_institution' && !input.institutionId)
    problems.push({ path: 'institutionId', problem: 'institution_required' });
  return problems;
}

/** The status after an event, or null when the table does not allow it. */
export function nextRoundTableStatus(
  from: RoundTableStatus,
  event: 'schedule' | 'cancel' | 'hold' | { conclude: RoundTableOutcome },
): RoundTableStatus | null {
  if (event === 'schedule') return from === 'in_preparation' || from === 'scheduled' ? 'scheduled' : null;
  if (event === 'cancel') return from === 'scheduled' ? 'in_preparation' : null;
  if (event === 'hold') return from === 'scheduled' ? 'held' : null;
  if (from !== 'held') return null;
  return event.conclude === 'pending' ? 'held' : 'concluded';
}
