import { addMonths } from './mandate.ts';

/** Closing outcomes (DOMAIN.md §4.5, seeds 000 and 004). "Still open" is not an outcome: it is an open mandate. */
export const OUTCOMES = [
  'inserted', // primary labour market
  'lack_of_cooperation',
  'unavailable', // illness, other project: lack of availability or employability
  'social_aid_only', // institutional follow-up by social aid alone
  'disability_insurance', // followed by the AI
  'network_follow_up',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'temporary', 'apprenticeship', 'ait_cofinanced'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export interface Insertion {
  employer: string;
  startOn: string; // yyyy-mm-dd
  contractType: ContractType;
  ratePercent: number;
}

/** Follow-ups of an insertion (seed 000: a "durable" insertion), months after the outcome date. */
export const FOLLOW_UP_MONTHS = [6, 12] as const;

export type ClosureProblem = {
  path: string;
  problem:
    | 'insertion_required'
    | 'employer_required'
    | 'rate_out_of_range'
    | 'outcome_before_start'
    | 'outcome_in_future'
    | 'final_report_required';
};

/**
 * What closing a mandate needs: a final report, an outcome dated within the mandate and not in the future, insertion
 * details for an insertion.
 */
export function checkClosure(
  c: { outcome: Outcome; outcomeOn: string; insertion: Insertion | null },
  mandate: { startOn: string; finalReportDone: boolean },
  today: string,
): ClosureProblem[] {
  const problems: ClosureProblem[] = [];
  if (!mandate.finalReportDone) problems.push({ path: 'finalReport', problem: 'final_report_required' });
  if (c.outcomeOn < mandate.startOn) problems.push({ path: 'outcomeOn', problem: 'outcome_before_start' });
  if (c.outcomeOn > today) problems.push({ path: 'outcomeOn', problem: 'outcome_in_future' });
  if (c.outcome === 'inserted') {
    if (!c.insertion) problems.push({ path: 'insertion', problem: 'insertion_required' });
    else {
      if (!c.insertion.employer.trim()) problems.push({ path: 'insertion.employer', problem: 'employer_required' });
      if (!(c.insertion.ratePercent >= 1 && c.insertion.ratePercent <= 100))
        problems.push({ path: 'insertion.ratePercent', problem: 'rate_out_of_range' });
    }
  }
  return problems;
}

/** The follow-up dates set at closure: only an insertion is followed, 6 and 12 months after the outcome. */
export function followUpDates(outcome: Outcome, outcomeOn: string): { months: number; dueOn: string }[] {
  if (outcome !== 'inserted') return [];
  return FOLLOW_UP_MONTHS.map((months) => ({ months, dueOn: addMonths(outcomeOn, months) }));
}
