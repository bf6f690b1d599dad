import type { InstitutionKind, Language } from './roles.ts';

/**
 * What an institution kind is called, written once for screens, PDFs and e-mails. German-speaking Valais says RAV
 * for the ORP, SMZ for the CMS, IV-Stelle for the OAI, BSL (Berufsberatung) for the OSP and DSW for the SAS
 * (DOMAIN.md §2). `short` is the acronym a sentence uses ("Tandem RAV–SMZ"), `long` the label of a list or a form.
 */
export const INSTITUTION_KIND_LABELS: Record<Language, Record<InstitutionKind, { short: string; long: string }>> = {
  fr: {
    orp: { short: 'ORP', long: 'ORP' },
    cms: { short: 'CMS', long: 'CMS (aide sociale)' },
    oai: { short: 'OAI', long: 'Office AI' },
    osp: { short: 'OSP', long: 'Orientation (OSP)' },
    addiction_valais: { short: 'Addiction Valais', long: 'Addiction Valais' },
    suva: { short: 'Suva', long: 'Suva' },
    sas: { short: 'SAS', long: 'Service de l’action sociale (SAS)' },
    sict_lmmt: { short: 'LMMT', long: 'SICT / LMMT' },
    commune: { short: 'commune', long: 'Commune' },
    bureau_cii: { short: 'Bureau CII', long: 'Bureau CII' },
  },
  de: {
    orp: { short: 'RAV', long: 'RAV' },
    cms: { short: 'SMZ', long: 'SMZ (Sozialhilfe)' },
    oai: { short: 'IV-Stelle', long: 'IV-Stelle' },
    osp: { short: 'BSL', long: 'Berufsberatung (BSL)' },
    addiction_valais: { short: 'Sucht Wallis', long: 'Sucht Wallis' },
    suva: { short: 'Suva', long: 'Suva' },
    sas: { short: 'DSW', long: 'Dienststelle für Sozialwesen (DSW)' },
    sict_lmmt: { short: 'LAM', long: 'DIHA / LAM' },
    commune: { short: 'Gemeinde', long: 'Gemeinde' },
    bureau_cii: { short: 'IIZ-Büro', long: 'IIZ-Büro' },
  },
};

/** The acronym a sentence uses: ORP / RAV, CMS / SMZ… */
export const kindShort = (kind: InstitutionKind, lang: Language) => INSTITUTION_KIND_LABELS[lang][kind].short;

/** The label of a list, a form or a badge: "CMS (aide sociale)" / "SMZ (Sozialhilfe)". */
export const kindLabel = (kind: InstitutionKind, lang: Language) => INSTITUTION_KIND_LABELS[lang][kind].long;

/** The web dictionaries' `kind.*` entries, made from the table above. */
export const kindDictionary = (lang: Language) =>
  Object.fromEntries(
    Object.entries(INSTITUTION_KIND_LABELS[lang]).map(([kind, label]) => [`kind.${kind}`, label.long]),
  ) as Record<`kind.${InstitutionKind}`, string>;

/** A tandem's two members with their institutions' kinds: "Pierre M. (ORP) · Anne T. (CMS)" / "… (RAV) · … (SMZ)". */
export const tandemMembers = (orpName: string, cmsName: string, lang: Language) =>
  `${orpName} (${kindShort('orp', lang)}) · ${cmsName} (${kindShort('cms', lang)})`;
