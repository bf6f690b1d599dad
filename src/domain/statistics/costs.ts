import type { Regime } from '../measures/catalogue.ts';
import { type CostedMeasure, incurredIn, shares } from '../measures/costs.ts';
import type { TandemTimeCosts } from './tandem-time.ts';

/**
 * Costs by payer in a period (DOMAIN.md §5, seeds 002/003), with the same functions as the communes' quarterly
 * statements (src/domain/measures/costs.ts), so that the figures and the statements never disagree: LACI and LEMC
 * measures in full; LIAS measures split canton 70 % / commune 30 %; the MIP (before 2023 only) likewise, apart.
 */
export interface CostSource extends CostedMeasure {
  regime: Regime;
}

export interface CostsByPayer {
  laciCents: number;
  lemcCents: number;
  liasCantonCents: number;
  liasCommuneCents: number;
  mipCantonCents: number;
  mipCommuneCents: number;
  /** The tandems' time (decision 027): the ORP's ordinary budget, the CMS. */
  tandemOrpCents: number;
  tandemCmsCents: number;
  totalCents: number;
}

export function costsByPayer(sources: readonly CostSource[], from: string, to: string): CostsByPayer {
  const c: CostsByPayer = {
    laciCents: 0,
    lemcCents: 0,
    liasCantonCents: 0,
    liasCommuneCents: 0,
    mipCantonCents: 0,
    mipCommuneCents: 0,
    tandemOrpCents: 0,
    tandemCmsCents: 0,
    totalCents: 0,
  };
  for (const m of sources) {
    const cents = incurredIn(m, from, to)?.cents ?? 0;
    if (cents === 0) continue;
    c.totalCents += cents;
    if (m.regime === 'LACI') c.laciCents += cents;
    else if (m.regime === 'LEMC') c.lemcCents += cents;
    else {
      const { cantonCents, communeCents } = shares(cents);
      if (m.mip) {
        c.mipCantonCents += cantonCents;
        c.mipCommuneCents += communeCents;
      } else {
        c.liasCantonCents += cantonCents;
        c.liasCommuneCents += communeCents;
      }
    }
  }
  return c;
}

/** The tandems' time added to the measures' costs, and to their total (decision 027). */
export const withTandemTime = (c: CostsByPayer, time: TandemTimeCosts): CostsByPayer => ({
  ...c,
  tandemOrpCents: c.tandemOrpCents + time.tandemOrpCents,
  tandemCmsCents: c.tandemCmsCents + time.tandemCmsCents,
  totalCents: c.totalCents + time.tandemOrpCents + time.tandemCmsCents,
});

/** The period's costs (measures, the tandems' time) ÷ the period's tandem insertions; null without an insertion. */
export const costPerInsertion = (c: CostsByPayer, insertions: number): number | null =>
  insertions > 0 ? Math.round(c.totalCents / insertions) : null;
