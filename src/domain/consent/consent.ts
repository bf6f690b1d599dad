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

export interface ConsentTerms {
  signedOn: string | null; // yyyy-mm-dd; null until the signed scan is recorded
  validUntil: string | null;
  revokedAt: Date | null;
  institutionIds: readonly string[];
  dataCategories: readonly DataCategory[];
}

/** Valid on `today` (yyyy-mm-dd, Swiss calendar day): signed, not expired, not revoked. */
export function isConsentValid(consent: ConsentTerms, today: string): boolean {
  if (!consent.signedOn || consent.revokedAt) return false;
  if (consent.signedOn > today) return false;
  return !consent.validUntil || consent.validUntil >= today;
}

/** The institutions that have a basis to see the person's identity through any valid consent. */
export function institutionsWithBasis(consents: readonly ConsentTerms[], today: string): Set<string> {
  const ids = new Set<string>();
  for (const c of consents) if (isConsentValid(c, today)) for (const id of c.institutionIds) ids.add(id);
  return ids;
}

/** The Swiss calendar day of an instant: validity dates are days in Switzerland. */
export function swissDay(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parts; // en-CA formats as yyyy-mm-dd
}
