/**
 * The tandem's journal: meetings and coaching objectives. The intensity rule
 * counts the meetings the person took part in (seed 000: "entretiens").
 */
export const MEETING_KINDS = ['with_person', 'phone', 'employer', 'network', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * A meeting "with the person" always counts; the others count when the person took part (a network meeting with them, a
 * call with them).
 */
export const countsForIntensity = (m: { kind: MeetingKind; personPresent: boolean }) =>
  m.kind === 'with_person' || m.personPresent;

export type MeetingProblem = { path: string; problem: 'before_mandate' | 'in_future' | 'after_closure' };

/** A meeting is dated within the mandate, not in the future. */
export function checkMeetingDate(
  heldOn: string,
  mandate: { startOn: string; closedOn: string | null },
  today: string,
): MeetingProblem[] {
  if (heldOn < mandate.startOn) return [{ path: 'heldOn', problem: 'before_mandate' }];
  if (heldOn > today) return [{ path: 'heldOn', problem: 'in_future' }];
  if (mandate.closedOn && heldOn > mandate.closedOn) return [{ path: 'heldOn', problem: 'after_closure' }];
  return [];
}

export const OBJECTIVE_STATUSES = ['planned', 'in_progress', 'achieved', 'abandoned'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
