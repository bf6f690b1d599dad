import { share } from './rates.ts';

/**
 * Durability of an insertion (seed 000: "39 personnes ont pu s'insérer durablement"): each insertion is followed 6
 * and 12 months after its date (src/domain/tandem/closure.ts FOLLOW_UP_MONTHS). The share still in work is taken
 * over the follow-ups done; those not done yet are shown apart, never counted as failures. "Durable" is still in work
 * at 12 months.
 */
export interface FollowUpCounts {
  months: number;
  stillInWork: number;
  notInWork: number;
  pending: number;
}

export function durability(rows: readonly FollowUpCounts[]) {
  return [6, 12].map((months) => {
    const r = rows.find((x) => x.months === months) ?? { months, stillInWork: 0, notInWork: 0, pending: 0 };
    return { ...r, share: share(r.stillInWork, r.stillInWork + r.notInWork) };
  });
}
