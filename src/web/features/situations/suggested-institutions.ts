import type { SuggestedInstitution } from '../../../domain/situation/refusal.ts';
import { INSTITUTION_KIND_LABELS } from '../../../domain/access/institution-kind-labels.ts';
import type { InstitutionKind } from '../../../domain/access/roles.ts';

type Named = Pick<SuggestedInstitution, 'kind' | 'institutionId' | 'nameFr' | 'nameDe'>;

/** "Any institution of a kind", as each language says it (the gender of the French noun, the German compound). */
const ANY_OF_KIND: Record<'fr' | 'de', Partial<Record<InstitutionKind, string>>> = {
  fr: {
    orp: 'tout ORP',
    cms: 'tout CMS (aide sociale)',
    oai: 'tout office AI',
    osp: 'tout office d’orientation (OSP)',
    addiction_valais: 'tout centre d’Addiction Valais',
    suva: 'toute agence Suva',
    sas: 'tout service de l’action sociale (SAS)',
    sict_lmmt: 'tout office SICT / LMMT',
    commune: 'toute commune',
  },
  de: {
    orp: 'jedes RAV',
    cms: 'jede SMZ-Stelle (Sozialhilfe)',
    oai: 'jede IV-Stelle',
    osp: 'jede Berufsberatungsstelle (BSL)',
    addiction_valais: 'jede Stelle von Sucht Wallis',
    suva: 'jede Suva-Agentur',
    sas: 'jede Stelle der Dienststelle für Sozialwesen (DSW)',
    sict_lmmt: 'jede DIHA-/LAM-Stelle',
    commune: 'jede Gemeinde',
  },
};

/** A refusal's suggested institution as a person reads it: its name, or "any <kind>" (issue 13). */
export function suggestedName(s: Named, lang: 'fr' | 'de'): string {
  if (s.institutionId) return (lang === 'de' ? s.nameDe : s.nameFr) ?? '';
  const kind = s.kind as InstitutionKind;
  return ANY_OF_KIND[lang][kind] ?? INSTITUTION_KIND_LABELS[lang][kind]?.long ?? s.kind;
}

/**
 * The kinds a refusal form offers as "any <kind>": not a kind with a single institution (that one is offered by
 * name; "Addiction Valais" and "any Addiction Valais" would say the same twice). A kind with none in the directory
 * is still offered, as the only way to suggest it.
 */
export function suggestableKinds(
  kinds: readonly InstitutionKind[],
  institutions: readonly { kind: string; active: boolean }[],
): InstitutionKind[] {
  const count = (k: string) => institutions.filter((i) => i.active && i.kind === k).length;
  return kinds.filter((k) => k !== 'bureau_cii' && count(k) !== 1);
}

/** The institutions of a refusal event's details, if the refusal named any (before issue 13 it named none). */
export function suggestedOf(details: Record<string, unknown>): Named[] {
  const list = details.institutions;
  return Array.isArray(list) ? (list as Named[]).filter((x) => x && typeof x.kind === 'string') : [];
}
