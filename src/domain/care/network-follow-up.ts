import { hasVisibleText } from '../text/visible-text.ts';

/**
 * The network follow-up (suivi réseau, seed 004 §6: "plusieurs institutions gravitent autour de la personne mais la
 * situation n'est pas complexe"; DOMAIN.md §4.2, §4.5): the institutions around the person, one reference (an
 * institution, and within it a person if named), a review date, reviews, and a closure with an outcome.
 * Pure: today is an argument (yyyy-mm-dd, the Swiss day).
 */
export const NETWORK_STATUSES = ['active', 'closed'] as const;
export type NetworkStatus = (typeof NETWORK_STATUSES)[number];

/** Closing codes of DOMAIN.md §4.5 that end a network follow-up ("network follow-up" itself is what ends). */
export const NETWORK_OUTCOMES = [
  'inserted', // primary labour market
  'social_aid_only', // institutional follow-up by social aid alone
  'disability_insurance', // followed by the AI
  'lack_of_cooperation',
  'unavailable', // illness, other project
  'other',
] as const;
export type NetworkOutcome = (typeof NETWORK_OUTCOMES)[number];

/** "Several institutions gravitate around the person": two at least. */
export const MIN_NETWORK_INSTITUTIONS = 2;

export type NetworkProblem = {
  path: string;
  problem:
    | 'closed'
    | 'too_few_institutions'
    | 'reference_required'
    | 'reference_outside_network'
    | 'review_in_past'
    | 'review_in_future'
    | 'review_before_start'
    | 'note_required'
    | 'reason_required'
    | 'next_review_before';
};

/** The network: two institutions at least; the reference institution among them; its person (if any) of it. */
export function checkNetwork(
  status: NetworkStatus,
  input: {
    institutionIds: readonly string[];
    referenceInstitutionId: string | null;
    referenceUserInstitutionId: string | null;
    reviewOn: string | null;
  },
  today: string,
): NetworkProblem[] {
  if (status !== 'active') return [{ path: 'status', problem: 'closed' }];
  const problems: NetworkProblem[] = [];
  if (new Set(input.institutionIds).size < MIN_NETWORK_INSTITUTIONS)
    problems.push({ path: 'institutionIds', problem: 'too_few_institutions' });
  if (!input.referenceInstitutionId) problems.push({ path: 'referenceInstitutionId', problem: 'reference_required' });
  else if (!input.institutionIds.includes(input.referenceInstitutionId))
    problems.push({ path: 'referenceInstitutionId', problem: 'reference_outside_network' });
  if (
    input.referenceInstitutionId &&
    input.referenceUserInstitutionId !== null &&
    input.referenceUserInstitutionId !== input.referenceInstitutionId
  )
    problems.push({ path: 'referenceUserId', problem: 'reference_outside_network' });
  if (input.reviewOn !== null && input.reviewOn < today) problems.push({ path: 'reviewOn', problem: 'review_in_past' });
  return problems;
}

/** A review: held today or earlier, a note, and the next review date (if any) after it and not in the past. */
export function checkReview(
  status: NetworkStatus,
  input: { heldOn: string; note: string; nextReviewOn: string | null },
  today: string,
  /** The Swiss day the follow-up began: a review cannot come before it. */
  startedOn = '0000-01-01',
): NetworkProblem[] {
  if (status !== 'active') return [{ path: 'status', problem: 'closed' }];
  const problems: NetworkProblem[] = [];
  if (input.heldOn > today) problems.push({ path: 'heldOn', problem: 'review_in_future' });
  else if (input.heldOn < startedOn) problems.push({ path: 'heldOn', problem: 'review_before_start' });
  if (!hasVisibleText(input.note)) problems.push({ path: 'note', problem: 'note_required' });
  if (input.nextReviewOn !== null) {
    if (input.nextReviewOn <= input.heldOn) problems.push({ path: 'nextReviewOn', problem: 'next_review_before' });
    else if (input.nextReviewOn < today) problems.push({ path: 'nextReviewOn', problem: 'review_in_past' });
  }
  return problems;
}

/** Closing: while active, with a reason (who and when are the server's). */
export function checkNetworkClosure(status: NetworkStatus, reason: string): NetworkProblem[] {
  if (status !== 'active') return [{ path: 'status', problem: 'closed' }];
  return hasVisibleText(reason) ? [] : [{ path: 'reason', problem: 'reason_required' }];
}

/** Days a review is overdue (0: due today or later; null: no review date). */
export function reviewOverdueDays(reviewOn: string | null, today: string): number | null {
  if (reviewOn === null) return null;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${reviewOn}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}
