/**
 * The procuration (DOMAIN.md §3, seeds 000, 002, 003): signed by the person,
 * it names the institutions between which the necessary information may be
 * exchanged, and the categories of data. Valid from its signature to its
 * validity date unless revoked.
 */
export const DATA_CATEGORIES = [
  'identity', // identity and contact
  'social_situation', // family, housing, finances
  'employment', // professional path, unemployment insurance
  'social_aid', // social aid and its measures (sensitive)
  'health', // health and work capacity (sensitive)
  'measures', // labour-market measures and their follow-up
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export const ALL_CATEGORIES: readonly DataCategory[] = DATA_CATEGORIES;

export interface ConsentTerms {
  signedOn: string | null; // yyyy-mm-dd; null until the signed scan is recorded
  validUntil: string | null;
  revokedAt: Date | null;
  /** Set once someone other than the recorder checked the scan (the announcer's own recording counts as checked). */
  reviewedAt: Date | null;
  institutionIds: readonly string[];
  dataCategories: readonly DataCategory[];
}

/** In force on `today` (yyyy-mm-dd, Swiss calendar day): signed, reviewed, not expired, not revoked. */
export function isConsentValid(consent: ConsentTerms, today: string): boolean {
  if (!consent.signedOn || consent.revokedAt || !consent.reviewedAt) return false;
  if (consent.signedOn > today) return false;
  return !consent.validUntil || consent.validUntil >= today;
}

/**
 * The basis each institution has today: the union of the data categories of
 * the valid procurations that name it. An institution absent from the map has
 * no basis to see who the person is.
 */
export function consentBasis(consents: readonly ConsentTerms[], today: string): Map<string, Set<DataCategory>> {
  const basis = new Map<string, Set<DataCategory>>();
  for (const c of consents) {
    if (!isConsentValid(c, today)) continue;
    for (const id of c.institutionIds) {
      const categories = basis.get(id) ?? new Set<DataCategory>();
      for (const category of c.dataCategories) categories.add(category);
      basis.set(id, categories);
    }
  }
  return basis;
}

/** Built once: a formatter costs far more to build than to use (it was a fifth of a situation page's time). */
const SWISS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Zurich',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Swiss calendar day of an instant: validity dates are days in Switzerland. */
export function swissDay(now: Date): string {
  return SWISS_DAY.format(now); // en-CA formats as yyyy-mm-dd
}
