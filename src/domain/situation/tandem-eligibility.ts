import { visibleLength } from '../text/visible-text.ts';

/**
 * The six criteria for a tandem coaching (seeds 002 and 003, "Pour qui une
 * mesure tandem CII entre-t-elle en ligne de compte ?"). All must hold, and the
 * Bureau justifies each answer.
 */
export const TANDEM_CRITERIA = [
  'cumulative_risk_factors', // announced for cumulative risk factors or an existing multiple complex problem
  'followed_by_orp_or_cms', // followed by at least one of CMS or ORP
  'laci_prior_measure', // under LACI: a basic-programme and/or employability-check measure done
  'lias_employability_checked', // on social aid: employability checked, professional integration indicated
  'realistic_potential', // insertion problems but a realistic insertion potential
  'intensive_coaching_needed', // a particular follow-up as intensive coaching is needed
] as const;
export type TandemCriterion = (typeof TANDEM_CRITERIA)[number];

export interface CriterionAnswer {
  criterion: TandemCriterion;
  /** met, or not applicable (the LACI criterion for a person not under LACI, the LIAS one off social aid) */
  answer: 'met' | 'not_met' | 'not_applicable';
  justification: string;
}

/** A justification says something: at least this many visible characters (zero-width ones do not count). */
export const JUSTIFICATION_MIN = 3;

/** Criteria 3 and 4 apply to one regime each; a person under neither cannot have both "not applicable". */
export const MAY_BE_NOT_APPLICABLE: TandemCriterion[] = ['laci_prior_measure', 'lias_employability_checked'];

export type EligibilityProblem =
  | { criterion: TandemCriterion; problem: 'missing' | 'not_met' | 'justification_missing' | 'not_applicable_refused' }
  | { criterion: null; problem: 'neither_regime' };

export function checkTandemEligibility(answers: readonly CriterionAnswer[]): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  for (const criterion of TANDEM_CRITERIA) {
    const answer = answers.find((a) => a.criterion === criterion);
    if (!answer) {
      problems.push({ criterion, problem: 'missing' });
      continue;
    }
    if (visibleLength(answer.justification) < JUSTIFICATION_MIN)
      problems.push({ criterion, problem: 'justification_missing' });
    if (answer.answer === 'not_met') problems.push({ criterion, problem: 'not_met' });
    if (answer.answer === 'not_applicable' && !MAY_BE_NOT_APPLICABLE.includes(criterion)) {
      problems.push({ criterion, problem: 'not_applicable_refused' });
    }
  }
  const regimes = answers.filter((a) => MAY_BE_NOT_APPLICABLE.includes(a.criterion));
  if (regimes.length === 2 && regimes.every((a) => a.answer === 'not_applicable')) {
    problems.push({ criterion: null, problem: 'neither_regime' });
  }
  return problems;
}
