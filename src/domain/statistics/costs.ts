import type { Regime } from '../measures/catalogue.ts';
import { type CostedMeasure, incurredIn, shares } from '../measures/costs.ts';

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

/** The period's measure costs divided by the period's tandem insertions; null without an insertion. */
export const costPerInsertion = (c: CostsByPayer, insertions: number): number | null =>
  insertions > 0 ? Math.round(c.totalCents / insertions) : null;
