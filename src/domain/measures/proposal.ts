import type { FieldError } from '../errors.ts';
import { addMonths } from '../tandem/mandate.ts';
import type { MeasureKindData } from './catalogue.ts';
import { MIP_MONTHLY_CENTS, MIP_MONTHS, mipEndOn } from './costs.ts';
import { ruleSetAt } from './rule-sets.ts';
import { ageOn } from '../situation/vocabulary.ts';

/** AIT (art. 65–66 LACI, DOMAIN.md §4.4): at most 60 % of the normal salary, 6 months, 12 from age 50. */
export const AIT_MAX_PERCENT = 60;
export const AIT_MONTHS = 6;
export const AIT_MONTHS_FROM_50 = 12;
export const AIT_LONGER_FROM_AGE = 50;

export interface ProposalInput {
  startOn: string;
  endOn: string;
  provider: string;
  goals: string;
  unitCostCents: number;
  quantity: number;
  normalSalaryCents?: number | null;
  allowancePercent?: number | null;
}

export interface ProposalContext {
  /** The submission day: it chooses the rule set. */
  today: string;
  birthDate: string;
  /** Kind of the institution that announced the situation. */
  announcedBy: string;
  /** The mandate already has a MIP that is not refused. */
  hasMip: boolean;
}

export interface ProposalVerdict {
  /** Bad input: the proposal cannot be submitted at all. */
  invalid: FieldError[];
  /** Outside the regular rules: refused, unless escalated to the Commission droit. */
  breaches: FieldError[];
  /** What the server stores, computed for the kinds whose cost follows a rule. */
  computed: { endOn: string; unitCostCents: number; quantity: number };
}

export { ageOn };

/** Whole months from start to end, a started month counting as one (01.03–31.05 → 3). */
export function monthsCovered(startOn: string, endOn: string): number {
  let n = 1;
  while (addMonths(startOn, n) <= endOn && n < 240) n++;
  return n;
}

export function checkProposal(kind: MeasureKindData, input: ProposalInput, ctx: ProposalContext): ProposalVerdict {
  const invalid: FieldError[] = [];
  const breaches: FieldError[] = [];
  let { endOn, unitCostCents, quantity } = input;

  if (kind.checks === 'mip') {
    // The MIP is fixed by the rules: six calendar months at CHF 500, ending on the last day of the sixth.
    endOn = mipEndOn(input.startOn);
    unitCostCents = MIP_MONTHLY_CENTS;
    quantity = MIP_MONTHS;
    if (!ruleSetAt(ctx.today).mipOffered) invalid.push({ path: 'kindId', messageKey: 'measure.mipNotOffered' });
    else if (ctx.announcedBy !== 'cms') invalid.push({ path: 'kindId', messageKey: 'measure.mipOnlySocialAid' });
    else if (ctx.hasMip) invalid.push({ path: 'kindId', messageKey: 'measure.mipOnce' });
  } else {
    if (input.provider.trim().length < 2) invalid.push({ path: 'provider', messageKey: 'measure.providerRequired' });
    if (input.goals.trim().length < 3) invalid.push({ path: 'goals', messageKey: 'measure.goalsRequired' });
  }
  if (endOn < input.startOn) invalid.push({ path: 'endOn', messageKey: 'measure.endBeforeStart' });

  if (kind.checks === 'ait') {
    const salary = input.normalSalaryCents ?? 0;
    const percent = input.allowancePercent ?? 0;
    if (salary <= 0) invalid.push({ path: 'normalSalaryCents', messageKey: 'measure.salaryRequired' });
    if (percent <= 0) invalid.push({ path: 'allowancePercent', messageKey: 'measure.percentRequired' });
    else if (percent > AIT_MAX_PERCENT)
      breaches.push({ path: 'allowancePercent', messageKey: 'measure.aitPercent', params: { max: AIT_MAX_PERCENT } });
    const age = ageOn(ctx.birthDate, input.startOn);
    const months = age >= AIT_LONGER_FROM_AGE ? AIT_MONTHS_FROM_50 : AIT_MONTHS;
    const latest = addMonths(input.startOn, months);
    if (endOn > latest) {
      breaches.push({
        path: 'endOn',
        messageKey: age >= AIT_LONGER_FROM_AGE ? 'measure.aitDuration50' : 'measure.aitDuration',
        params: { months, latest, age },
      });
    }
    // The allowance the employer receives each month: the percentage of the normal salary.
    unitCostCents = Math.round((salary * percent) / 100);
    quantity = endOn >= input.startOn ? monthsCovered(input.startOn, endOn) : 0;
  } else if (kind.checks !== 'mip') {
    if (kind.costUnit === 'lump_sum') quantity = 1;
    if (!Number.isInteger(unitCostCents) || unitCostCents < 0)
      invalid.push({ path: 'unitCostCents', messageKey: 'measure.costInvalid' });
    if (!Number.isInteger(quantity) || quantity < 1)
      invalid.push({ path: 'quantity', messageKey: 'measure.quantityInvalid' });
  }
  return { invalid, breaches, computed: { endOn, unitCostCents, quantity } };
}
