import type { RiskFactor, TargetGroup } from '../situation/vocabulary.ts';
import type { DataCategory } from './consent.ts';

/**
 * Which category of the procuration each part of a file belongs to (issue 9,
 * decision 005). Whoever sees the identity of a person sees a part only when
 * the procuration grants that category to their institution; health data is
 * sensitive (DOMAIN.md §3) and needs the health category by name.
 */
export const RISK_FACTOR_CATEGORY: Record<RiskFactor, DataCategory> = {
  health: 'health',
  psychological: 'health',
  addiction: 'health',
  employability: 'employment',
  qualifications: 'employment',
  language: 'employment',
  behaviour: 'employment',
  financial_resources: 'social_situation',
  family: 'social_situation',
  single_parent_childcare: 'social_situation',
  debts: 'social_situation',
  housing: 'social_situation',
};

export const TARGET_GROUP_CATEGORY: Record<TargetGroup, DataCategory> = {
  laci_end_of_rights: 'employment',
  ex_self_employed: 'employment',
  permit_b_end_of_rights: 'employment',
  unfit_for_placement_motivation: 'employment',
  social_aid_work_capacity: 'social_aid',
};

/** Parts of a file, other than the announcement's checklists, and the category each needs. */
export const PART_CATEGORY = {
  /** LACI prior measures (basic programme, employability check). */
  laciPriorMeasures: 'employment',
  /** LIAS prior measures (employability checked, integration indicated). */
  liasPriorMeasures: 'social_aid',
  /** The tandem's journal, objectives, monthly reports and bilan final: the path back to work. */
  coaching: 'employment',
  /** Labour-market measures, their costs and decisions. */
  measures: 'measures',
} as const satisfies Record<string, DataCategory>;
