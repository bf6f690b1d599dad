import type { Regime } from './catalogue.ts';
import { type ApprovalStep, type RuleSet, ruleSetAt } from './rule-sets.ts';

/**
 * Who decides a measure (seeds 002/003, DOMAIN.md §4.4):
 * - LACI/LEMC within the ORP's delegated competence: the tandem decides;
 * - LEMC measures and those not delegated (art. 59d, out of canton, AFO,
 *   specific courses…): the tandem proposes, the LMMT decides;
 * - LIAS: the commune approves; from 2023 after the SAS's prior opinion.
 * The day is the submission day; the route is kept with the measure.
 */
export function approvalRoute(
  kind: { regime: Regime; delegated: boolean },
  day: string,
): { ruleSet: RuleSet; steps: ApprovalStep[] } {
  const ruleSet = ruleSetAt(day);
  if (kind.regime === 'LIAS') return { ruleSet, steps: [...ruleSet.liasSteps] };
  // The LMMT is competent for every LEMC measure, whatever the catalogue says.
  return { ruleSet, steps: [kind.regime === 'LACI' && kind.delegated ? 'tandem' : 'lmmt'] };
}
