/**
 * Effective-dated rule sets (DOMAIN.md §5 "Rules that changed in 2023"). A
 * measure is routed by the rules in force on the day it is submitted, and keeps
 * that route: both sets stay here so that old files stay right.
 */
export type ApprovalStep = 'tandem' | 'lmmt' | 'sas' | 'commune';
export const APPROVAL_STEPS = ['tandem', 'lmmt', 'sas', 'commune', 'commission'] as const;
export type DecisionStep = (typeof APPROVAL_STEPS)[number];

export interface RuleSet {
  id: 'lias_commune' | 'lias_sas_commune';
  /** First day the set applies (yyyy-mm-dd). */
  from: string;
  /** Who decides a LIAS measure, in order. */
  liasSteps: readonly ApprovalStep[];
  /**
   * Whether the tandem's social worker sets up a MIP for situations announced by social aid (seed 002, struck in 003).
   */
  mipOffered: boolean;
}

export const RULE_SETS: readonly [RuleSet, ...RuleSet[]] = [
  // Seed 002: LIAS measures are submitted to the commune, which approves; a MIP funds the CMS tandem time.
  { id: 'lias_commune', from: '0001-01-01', liasSteps: ['commune'], mipOffered: true },
  // Seed 003: the SAS gives its prior opinion, then the commune approves; the CMS ordinary budget, no MIP.
  { id: 'lias_sas_commune', from: '2023-01-01', liasSteps: ['sas', 'commune'], mipOffered: false },
];

export function ruleSetAt(day: string): RuleSet {
  let current = RULE_SETS[0];
  for (const set of RULE_SETS) if (set.from <= day) current = set;
  return current;
}
