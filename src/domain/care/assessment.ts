/**
 * The MAMAC assessment (DOMAIN.md §4.1, seed 004 §6): a regional team — the institutions' répondants CII, the
 * announcing professional, a doctor delegated by the OAI's medical service (SMR) and the person — assesses the
 * medical, professional and social situation and the person's resources, under the responsibility and in the
 * presence of a Bureau member, and writes a binding objectives contract.
 *
 *   to_organise ─schedule→ scheduled ─hold→ held ─contract_in_force→ in_execution
 *                  ↑  move ↺  │
 *                  └─cancel───┘
 *   any state but closed ─close (with an outcome)→ closed
 *
 * Pure: the table says which event is allowed from which state; who may fire it is the access policy's business
 * (`assessment-access.ts`).
 */
export const ASSESSMENT_STATUSES = ['to_organise', 'scheduled', 'held', 'in_execution', 'closed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const isAssessmentStatus = (s: string): s is AssessmentStatus =>
  (ASSESSMENT_STATUSES as readonly string[]).includes(s);

export type AssessmentEvent =
  | 'schedule' // a date, a time, a place: the invitations go out
  | 'move' // another date or place: an update of the same invitation
  | 'cancel' // the meeting is called off: back to organise, the invitations cancelled
  | 'hold' // the meeting took place: the three sections and the SMR doctor's conclusions
  | 'contract_in_force' // every party accepted and the Bureau found the contract conforming
  | 'close'; // with an outcome (DOMAIN.md §4.5)

export const ASSESSMENT_EVENTS: readonly AssessmentEvent[] = [
  'schedule',
  'move',
  'cancel',
  'hold',
  'contract_in_force',
  'close',
];

export function nextAssessmentStatus(from: AssessmentStatus, event: AssessmentEvent): AssessmentStatus | null {
  switch (event) {
    case 'schedule':
      return from === 'to_organise' ? 'scheduled' : null;
    case 'move':
      return from === 'scheduled' ? 'scheduled' : null;
    case 'cancel':
      return from === 'scheduled' ? 'to_organise' : null;
    case 'hold':
      return from === 'scheduled' ? 'held' : null;
    case 'contract_in_force':
      return from === 'held' ? 'in_execution' : null;
    case 'close':
      // Closure is possible from any state: a person may find work or withdraw before the meeting is even held.
      return from === 'closed' ? null : 'closed';
  }
}

export const allowedAssessmentEvents = (from: AssessmentStatus) =>
  ASSESSMENT_EVENTS.filter((e) => nextAssessmentStatus(from, e) !== null);

/**
 * The outcomes of a MAMAC (DOMAIN.md §4.5; 2012: three insertions in the primary labour market, two followed by
 * social aid, one by the AI — seed 004 §6), in the passages' shared vocabulary (`passage.ts`) so that the yearly
 * figures count every kind of care alike: inserted (primary labour market), followed by social aid alone, followed by
 * the AI, lack of cooperation, lack of availability or employability, other.
 */
export const ASSESSMENT_OUTCOMES = [
  'inserted',
  'social_aid_only',
  'disability_insurance',
  'lack_of_cooperation',
  'unavailable',
  'other',
] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

/** The assessment's state from its passage's row: an ended passage is a closed assessment. */
export const assessmentStatusOf = (p: { status: string; endedAt: Date | null }): AssessmentStatus =>
  p.endedAt !== null ? 'closed' : isAssessmentStatus(p.status) ? p.status : 'to_organise';

/** "Other" needs a reason in words; the others may carry one. */
/** Every transition says why (DOMAIN.md §4): each outcome needs its reason, not only "other". */
export const outcomeNeedsReason = (_o: AssessmentOutcome) => true;

const DAY = 86_400_000;

/**
 * How long an assessment has waited since the Bureau oriented the situation to it (seed 004 §6: "quatre sont en
 * attente d'organisation"), in whole Swiss calendar days. `day` turns an instant into yyyy-mm-dd in Switzerland.
 */
export function waitingDays(startedAt: Date, now: Date, day: (d: Date) => string): number {
  const a = Date.parse(`${day(startedAt)}T00:00:00Z`);
  const b = Date.parse(`${day(now)}T00:00:00Z`);
  return Math.max(0, Math.round((b - a) / DAY));
}

/** Whom an open assessment waits on, for the Bureau's view (issue 12: "what waits on whom"). */
export type AssessmentWaitsOn =
  | { on: 'bureau_organise' }
  | { on: 'meeting'; at: string }
  | { on: 'team_contract' }
  | { on: 'parties'; missing: string[] }
  | { on: 'bureau_conformity' }
  | { on: 'case_manager' }
  | { on: 'nobody' };

export function assessmentWaitsOn(a: {
  status: AssessmentStatus;
  meetingStart: string | null;
  contract: { status: string; missingParties: string[] } | null;
}): AssessmentWaitsOn {
  switch (a.status) {
    case 'to_organise':
      return { on: 'bureau_organise' };
    case 'scheduled':
      return { on: 'meeting', at: a.meetingStart ?? '' };
    case 'held': {
      const c = a.contract;
      if (!c || c.status === 'non_conforming' || c.status === 'superseded') return { on: 'team_contract' };
      if (c.missingParties.length) return { on: 'parties', missing: c.missingParties };
      return { on: 'bureau_conformity' };
    }
    case 'in_execution':
      return { on: 'case_manager' };
    case 'closed':
      return { on: 'nobody' };
  }
}

/** The parts of the assessment and the category of the procuration each needs (DOMAIN.md §3, decision 005). */
export const ASSESSMENT_SECTIONS = ['medical', 'professional', 'social', 'resources', 'smrConclusions'] as const;
export type AssessmentSection = (typeof ASSESSMENT_SECTIONS)[number];
export const SECTION_CATEGORY = {
  medical: 'health',
  smrConclusions: 'health',
  professional: 'employment',
  social: 'social_situation',
  resources: 'social_situation',
} as const satisfies Record<AssessmentSection, string>;

/**
 * Which sections a reader sees. `shows(category)` is the consent's answer for the reader's institution; an SMR doctor
 * sees only the medical section and the SMR conclusions (issue 12: "its medical section, nothing else").
 */
export function visibleSections(
  reader: { smrDoctorOnly: boolean },
  shows: (category: (typeof SECTION_CATEGORY)[AssessmentSection]) => boolean,
): AssessmentSection[] {
  return ASSESSMENT_SECTIONS.filter(
    (s) => shows(SECTION_CATEGORY[s]) && (!reader.smrDoctorOnly || SECTION_CATEGORY[s] === 'health'),
  );
}

/** A meeting: a date and a time in Switzerland, a duration, a place. */
export interface MeetingPlan {
  startOn: string; // yyyy-mm-dd
  startTime: string; // HH:mm
  durationMinutes: number;
  place: string;
}

export type MeetingProblem = {
  path: keyof MeetingPlan;
  problem: 'in_past' | 'duration_out_of_range' | 'place_required';
};

/** A meeting is planned ahead (today or later), lasts 30 minutes to 8 hours, somewhere named. */
export function checkMeeting(m: MeetingPlan, today: string): MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  if (m.startOn < today) problems.push({ path: 'startOn', problem: 'in_past' });
  if (!(m.durationMinutes >= 30 && m.durationMinutes <= 480))
    problems.push({ path: 'durationMinutes', problem: 'duration_out_of_range' });
  if (!m.place.trim()) problems.push({ path: 'place', problem: 'place_required' });
  return problems;
}
