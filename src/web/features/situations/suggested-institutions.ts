import type { SuggestedInstitution } from '../../../domain/situation/refusal.ts';
import { INSTITUTION_KIND_LABELS } from '../../../domain/access/institution-kind-labels.ts';
import type { InstitutionKind } from '../../../domain/access/roles.ts';

type Named = Pick<SuggestedInstitution, 'kind' | 'institutionId' | 'nameFr' | 'nameDe'>;

/** A refusal's suggested institution as a person reads it: its name, or "any <kind>" (issue 13). */
export function suggestedName(s: Named, lang: 'fr' | 'de'): string {
  if (s.institutionId) return (lang === 'de' ? s.nameDe : s.nameFr) ?? '';
  const kind = INSTITUTION_KIND_LABELS[lang][s.kind as InstitutionKind]?.long ?? s.kind;
  return lang === 'de' ? `${kind} (beliebige Stelle)` : `${kind} (toute institution de ce type)`;
}

/** The institutions of a refusal event's details, if the refusal named any (before issue 13 it named none). */
export function suggestedOf(details: Record<string, unknown>): Named[] {
  const list = details.institutions;
  return Array.isArray(list) ? (list as Named[]).filter((x) => x && typeof x.kind === 'string') : [];
}
