/**
 * The checklists of an announcement (DOMAIN.md §3). Codes are stable; labels
 * live in the dictionaries.
 */
export const RISK_FACTORS = [
  // seed 000: the components of a complex situation
  'health',
  'employability',
  'financial_resources',
  'psychological',
  'family',
  'addiction',
  // seed 001
  'single_parent_childcare',
  'behaviour',
  'qualifications',
  // common additions
  'language',
  'debts',
  'housing',
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export const TARGET_GROUPS = [
  'laci_end_of_rights', // end of LACI rights or less than 3 months before it (000, 001, 004)
  'ex_self_employed', // ex-self-employed without work (001)
  'permit_b_end_of_rights', // permit B at end of rights (001)
  'social_aid_work_capacity', // social-aid client whose work capacity is established (001)
  'unfit_for_placement_motivation', // declared unfit for placement for motivational reasons (001)
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const RESIDENCE_PERMITS = ['swiss', 'C', 'B', 'L', 'F', 'N', 'S', 'G', 'other'] as const;
export type ResidencePermit = (typeof RESIDENCE_PERMITS)[number];

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const CORRESPONDENCE_LANGUAGES = ['fr', 'de', 'other'] as const;

export const AGE_BANDS = ['under_25', '25_34', '35_44', '45_54', '55_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Age in whole years on a day (yyyy-mm-dd). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age band of an anonymous announcement, from a birth date and the day of the announcement. */
export function ageBand(birthDate: string, on: string): AgeBand {
  const age = ageOn(birthDate, on);
  if (age < 25) return 'under_25';
  if (age < 35) return '25_34';
  if (age < 45) return '35_44';
  if (age < 55) return '45_54';
  return '55_plus';
}
