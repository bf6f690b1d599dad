import { visibleLength } from '../text/visible-text.ts';
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

/**
 * What is still open when a mandate closes (issue 11): the measures waiting for a decision and the months whose report
 * was neither sent nor skipped, up to the outcome's month.
 */
export interface LooseEnds {
  waitingMeasureIds: string[];
  unsentMonths: string[];
}

/** What the closure says to do with them: the waiting measures withdrawn, each unsent month skipped with a reason. */
export interface Settlement {
  withdrawMeasureIds: string[];
  withdrawReason: string;
  skipReports: { month: string; reason: string }[];
}

export const MIN_REASON_LENGTH = 3;

export type SettlementProblem = {
  path: string;
  problem: 'withdraw_reason_required' | 'skip_reason_required';
};

/** Reasons that say something; each problem names the field to fix. */
export function checkSettlement(s: Settlement): SettlementProblem[] {
  const problems: SettlementProblem[] = [];
  if (s.withdrawMeasureIds.length && visibleLength(s.withdrawReason) < MIN_REASON_LENGTH)
    problems.push({ path: 'withdrawReason', problem: 'withdraw_reason_required' });
  s.skipReports.forEach((r, i) => {
    if (visibleLength(r.reason) < MIN_REASON_LENGTH)
      problems.push({ path: `skipReports.${i}.reason`, problem: 'skip_reason_required' });
  });
  return problems;
}

/** What the settlement leaves open: a closure is refused while anything is. */
export function unsettled(open: LooseEnds, s: Settlement): LooseEnds {
  const withdrawn = new Set(s.withdrawMeasureIds);
  const skipped = new Set(s.skipReports.map((r) => r.month));
  return {
    waitingMeasureIds: open.waitingMeasureIds.filter((id) => !withdrawn.has(id)),
    unsentMonths: open.unsentMonths.filter((m) => !skipped.has(m)),
  };
}
