/**
 * Meetings planned ahead (issue 11): a day and time in Europe/Zurich, who is
 * invited, and what becomes of it — held (then written in the journal, dated
 * the day it took place), moved, or cancelled. Pure: today is an argument.
 */
export const PLANNED_MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type PlannedMeetingStatus = (typeof PLANNED_MEETING_STATUSES)[number];

export type PlannedMeetingProblem = {
  path: string;
  problem: 'in_past' | 'before_mandate' | 'after_mandate' | 'mandate_closed' | 'not_yet' | 'not_planned';
};

/** A meeting is planned from today on, inside the open mandate (its current end, extensions included). */
export function checkPlannedDate(
  plannedOn: string,
  mandate: { startOn: string; endOn: string; closedOn: string | null },
  today: string,
): PlannedMeetingProblem[] {
  if (mandate.closedOn) return [{ path: 'plannedOn', problem: 'mandate_closed' }];
  if (plannedOn < today) return [{ path: 'plannedOn', problem: 'in_past' }];
  if (plannedOn < mandate.startOn) return [{ path: 'plannedOn', problem: 'before_mandate' }];
  if (plannedOn > mandate.endOn) return [{ path: 'plannedOn', problem: 'after_mandate' }];
  return [];
}

/**
 * A planned meeting is held from its day on (it is then recorded in the journal as today's meeting); one planned
 * for a later day is moved first.
 */
export function checkHold(
  planned: { plannedOn: string; status: PlannedMeetingStatus },
  today: string,
): PlannedMeetingProblem[] {
  if (planned.status !== 'planned') return [{ path: 'status', problem: 'not_planned' }];
  if (planned.plannedOn > today) return [{ path: 'plannedOn', problem: 'not_yet' }];
  return [];
}

/** The next planned meeting: the earliest still planned from today on. */
export function nextPlanned<T extends { plannedOn: string; startTime: string; status: PlannedMeetingStatus }>(
  planned: readonly T[],
  today: string,
): T | null {
  const ahead = planned
    .filter((p) => p.status === 'planned' && p.plannedOn >= today)
    .sort((a, b) => `${a.plannedOn}T${a.startTime}`.localeCompare(`${b.plannedOn}T${b.startTime}`));
  return ahead[0] ?? null;
}

/** The invitation's UID: stable for the meeting's whole life, so that calendars update the event they hold. */
export const invitationUid = (plannedMeetingId: string) => `${plannedMeetingId}@tandem.cii-valais`;

/**
 * What an invitation says now: REQUEST while planned; CANCEL once cancelled — or once the mandate is closed, which
 * ends every meeting still planned (its SEQUENCE one higher than the last invitation sent, as a change must be).
 */
export function invitationState(
  planned: { status: PlannedMeetingStatus; sequence: number },
  mandateClosed: boolean,
): { status: PlannedMeetingStatus; method: 'REQUEST' | 'CANCEL'; sequence: number } {
  if (planned.status === 'planned' && mandateClosed)
    return { status: 'cancelled', method: 'CANCEL', sequence: planned.sequence + 1 };
  return {
    status: planned.status,
    method: planned.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    sequence: planned.sequence,
  };
}
