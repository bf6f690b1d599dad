import type { InstitutionKind, Language, Role } from '../../domain/access/roles.ts';
import type { Queryable } from '../open-db.ts';
import { insertCommune, insertInstitution, insertOffice, insertRegion } from './factories.ts';
import { found } from './found.ts';

/**
 * The demo canton: regions, communes, institutions of every kind of
 * DOMAIN.md §2 with their offices, and about twenty users covering every
 * role. Configuration data, exactly as an administrator would enter it.
 */
export const DEMO_PASSWORD = 'Tandem-Demo-2026';

const REGIONS = {
  sion: { code: 'SION', nameFr: 'Sion (Valais central)', nameDe: 'Sitten (Mittelwallis)' },
  monthey: { code: 'MONTHEY', nameFr: 'Monthey (Chablais)', nameDe: 'Monthey (Chablais)' },
  brig: { code: 'BRIG', nameFr: 'Haut-Valais (Brigue)', nameDe: 'Oberwallis (Brig)' },
} as const;
type RegionKey = keyof typeof REGIONS;

const COMMUNES: {
  key: string;
  bfsNumber: number;
  name: string;
  district: string;
  language: Language;
  region: RegionKey;
}[] = [
  { key: 'sion', bfsNumber: 6266, name: 'Sion', district: 'Sion', language: 'fr', region: 'sion' },
  { key: 'saviese', bfsNumber: 6267, name: 'Savièse', district: 'Sion', language: 'fr', region: 'sion' },
  { key: 'conthey', bfsNumber: 6023, name: 'Conthey', district: 'Conthey', language: 'fr', region: 'sion' },
  { key: 'sierre', bfsNumber: 6248, name: 'Sierre', district: 'Sierre', language: 'fr', region: 'sion' },
  { key: 'monthey', bfsNumber: 6153, name: 'Monthey', district: 'Monthey', language: 'fr', region: 'monthey' },
  {
    key: 'collombey',
    bfsNumber: 6152,
    name: 'Collombey-Muraz',
    district: 'Monthey',
    language: 'fr',
    region: 'monthey',
  },
  { key: 'martigny', bfsNumber: 6136, name: 'Martigny', district: 'Martigny', language: 'fr', region: 'monthey' },
  { key: 'brig', bfsNumber: 6002, name: 'Brig-Glis', district: 'Brig', language: 'de', region: 'brig' },
  { key: 'naters', bfsNumber: 6007, name: 'Naters', district: 'Brig', language: 'de', region: 'brig' },
  { key: 'visp', bfsNumber: 6297, name: 'Visp', district: 'Visp', language: 'de', region: 'brig' },
];

const INSTITUTIONS: Record<
  string,
  { kind: InstitutionKind; nameFr: string; nameDe: string; region?: RegionKey; commune?: string }
> = {
  bureau: { kind: 'bureau_cii', nameFr: 'Bureau CII Valais', nameDe: 'IIZ-Büro Wallis' },
  orpCentre: { kind: 'orp', nameFr: 'ORP Valais central', nameDe: 'RAV Mittelwallis', region: 'sion' },
  orpChablais: { kind: 'orp', nameFr: 'ORP Chablais', nameDe: 'RAV Chablais', region: 'monthey' },
  ravOberwallis: { kind: 'orp', nameFr: 'ORP Haut-Valais', nameDe: 'RAV Oberwallis', region: 'brig' },
  cmsSion: { kind: 'cms', nameFr: 'CMS de Sion – aide sociale', nameDe: 'SMZ Sitten – Sozialhilfe', region: 'sion' },
  cmsMonthey: {
    kind: 'cms',
    nameFr: 'CMS de Monthey – aide sociale',
    nameDe: 'SMZ Monthey – Sozialhilfe',
    region: 'monthey',
  },
  smzOberwallis: {
    kind: 'cms',
    nameFr: 'CMS du Haut-Valais – aide sociale',
    nameDe: 'SMZ Oberwallis – Sozialdienst',
    region: 'brig',
  },
  oai: { kind: 'oai', nameFr: 'Office AI du Valais', nameDe: 'IV-Stelle Wallis' },
  osp: {
    kind: 'osp',
    nameFr: 'Orientation scolaire et professionnelle',
    nameDe: 'Berufs-, Studien- und Laufbahnberatung',
  },
  addiction: { kind: 'addiction_valais', nameFr: 'Addiction Valais', nameDe: 'Sucht Wallis' },
  suva: { kind: 'suva', nameFr: 'Suva, agence de Sion', nameDe: 'Suva, Agentur Sitten' },
  sas: { kind: 'sas', nameFr: 'Service de l’action sociale (SAS)', nameDe: 'Dienststelle für Sozialwesen (DSW)' },
  lmmt: {
    kind: 'sict_lmmt',
    nameFr: 'SICT – Logistique des mesures du marché du travail',
    nameDe: 'DIHA – Logistik arbeitsmarktliche Massnahmen',
  },
  communeSion: {
    kind: 'commune',
    nameFr: 'Commune de Sion – services sociaux',
    nameDe: 'Gemeinde Sitten – Sozialdienste',
    commune: 'sion',
    region: 'sion',
  },
  communeMonthey: {
    kind: 'commune',
    nameFr: 'Commune de Monthey',
    nameDe: 'Gemeinde Monthey',
    commune: 'monthey',
    region: 'monthey',
  },
  gemeindeBrig: {
    kind: 'commune',
    nameFr: 'Commune de Brigue-Glis',
    nameDe: 'Stadtgemeinde Brig-Glis',
    commune: 'brig',
    region: 'brig',
  },
};
type InstitutionKey = keyof typeof INSTITUTIONS;

const OFFICES: { key: string; institution: InstitutionKey; name: string; region: RegionKey; address: string }[] = [
  {
    key: 'orpSion',
    institution: 'orpCentre',
    name: 'ORP Sion',
    region: 'sion',
    address: 'Av. de la Gare 39, 1950 Sion',
  },
  {
    key: 'orpSierre',
    institution: 'orpCentre',
    name: 'ORP Sierre',
    region: 'sion',
    address: 'Av. Max-Huber 2, 3960 Sierre',
  },
  {
    key: 'orpMonthey',
    institution: 'orpChablais',
    name: 'ORP Monthey',
    region: 'monthey',
    address: 'Rue du Coppet 2, 1870 Monthey',
  },
  {
    key: 'ravBrig',
    institution: 'ravOberwallis',
    name: 'RAV Brig',
    region: 'brig',
    address: 'Kantonsstrasse 6, 3900 Brig',
  },
  {
    key: 'cmsSion',
    institution: 'cmsSion',
    name: 'CMS Sion, secteur social',
    region: 'sion',
    address: 'Ch. des Perdrix 2, 1950 Sion',
  },
  {
    key: 'cmsMonthey',
    institution: 'cmsMonthey',
    name: 'CMS Monthey, secteur social',
    region: 'monthey',
    address: 'Av. France 6, 1870 Monthey',
  },
];

export const DEMO_USERS: readonly {
  username: string;
  givenName: string;
  familyName: string;
  institution: InstitutionKey;
  office?: string;
  region?: RegionKey;
  roles: readonly Role[];
  language: Language;
  what: string;
}[] = [
  {
    username: 'admin',
    givenName: 'Alain',
    familyName: 'Administrateur',
    institution: 'bureau',
    roles: ['admin'],
    language: 'fr',
    what: 'administrator',
  },
  {
    username: 'cii.officer',
    givenName: 'Nathalie',
    familyName: 'Crettenand',
    institution: 'bureau',
    roles: ['bureau_member', 'statistics_reader'],
    language: 'fr',
    what: 'cantonal CII officer (Bureau CII)',
  },
  {
    username: 'coord.sion',
    givenName: 'Sophie',
    familyName: 'Délèze',
    institution: 'bureau',
    region: 'sion',
    roles: ['regional_coordinator', 'bureau_member'],
    language: 'fr',
    what: 'regional coordinator, Sion',
  },
  {
    username: 'coord.monthey',
    givenName: 'Marc',
    familyName: 'Vannay',
    institution: 'bureau',
    region: 'monthey',
    roles: ['regional_coordinator', 'bureau_member'],
    language: 'fr',
    what: 'regional coordinator, Monthey',
  },
  {
    username: 'coord.brig',
    givenName: 'Stefan',
    familyName: 'Imboden',
    institution: 'bureau',
    region: 'brig',
    roles: ['regional_coordinator', 'bureau_member'],
    language: 'de',
    what: 'regional coordinator, Oberwallis (German)',
  },
  {
    username: 'bureau.assistant',
    givenName: 'Élodie',
    familyName: 'Zufferey',
    institution: 'bureau',
    roles: ['bureau_member'],
    language: 'fr',
    what: 'administrative assistant of the Bureau',
  },
  {
    username: 'orp.sion',
    givenName: 'Julien',
    familyName: 'Fournier',
    institution: 'orpCentre',
    office: 'orpSion',
    region: 'sion',
    roles: ['field_professional'],
    language: 'fr',
    what: 'ORP counsellor, Sion',
  },
  {
    username: 'orp.monthey',
    givenName: 'Claire',
    familyName: 'Rey-Mermet',
    institution: 'orpChablais',
    office: 'orpMonthey',
    region: 'monthey',
    roles: ['field_professional'],
    language: 'fr',
    what: 'ORP counsellor, Monthey',
  },
  {
    username: 'rav.brig',
    givenName: 'Andrea',
    familyName: 'Zenklusen',
    institution: 'ravOberwallis',
    office: 'ravBrig',
    region: 'brig',
    roles: ['field_professional'],
    language: 'de',
    what: 'RAV counsellor, Brig (German)',
  },
  {
    username: 'cms.sion',
    givenName: 'Laura',
    familyName: 'Bonvin',
    institution: 'cmsSion',
    office: 'cmsSion',
    region: 'sion',
    roles: ['field_professional'],
    language: 'fr',
    what: 'social worker, CMS Sion',
  },
  {
    username: 'cms.monthey',
    givenName: 'David',
    familyName: 'Berrut',
    institution: 'cmsMonthey',
    office: 'cmsMonthey',
    region: 'monthey',
    roles: ['field_professional'],
    language: 'fr',
    what: 'social worker, CMS Monthey',
  },
  {
    username: 'tandem.orp',
    givenName: 'Pierre',
    familyName: 'Métrailler',
    institution: 'orpCentre',
    office: 'orpSion',
    region: 'sion',
    roles: ['tandem_member', 'field_professional'],
    language: 'fr',
    what: 'tandem ORP counsellor, Sion',
  },
  {
    username: 'tandem.cms',
    givenName: 'Anne',
    familyName: 'Théodoloz',
    institution: 'cmsSion',
    office: 'cmsSion',
    region: 'sion',
    roles: ['tandem_member', 'field_professional'],
    language: 'fr',
    what: 'tandem social worker, CMS Sion',
  },
  {
    username: 'tandem.orp.monthey',
    givenName: 'Sébastien',
    familyName: 'Ançay',
    institution: 'orpChablais',
    office: 'orpMonthey',
    region: 'monthey',
    roles: ['tandem_member', 'field_professional'],
    language: 'fr',
    what: 'tandem ORP counsellor, Monthey',
  },
  {
    username: 'tandem.cms.monthey',
    givenName: 'Valérie',
    familyName: 'Cornut',
    institution: 'cmsMonthey',
    office: 'cmsMonthey',
    region: 'monthey',
    roles: ['tandem_member', 'field_professional'],
    language: 'fr',
    what: 'tandem social worker, CMS Monthey',
  },
  {
    username: 'tandem.rav.brig',
    givenName: 'Reto',
    familyName: 'Ruppen',
    institution: 'ravOberwallis',
    office: 'ravBrig',
    region: 'brig',
    roles: ['tandem_member', 'field_professional'],
    language: 'de',
    what: 'tandem RAV counsellor, Brig (German)',
  },
  {
    username: 'tandem.smz.brig',
    givenName: 'Sandra',
    familyName: 'Summermatter',
    institution: 'smzOberwallis',
    region: 'brig',
    roles: ['tandem_member', 'field_professional'],
    language: 'de',
    what: 'tandem social worker, SMZ Oberwallis (German)',
  },
  {
    username: 'orp.repondant',
    givenName: 'Yves',
    familyName: 'Mayor',
    institution: 'orpCentre',
    office: 'orpSion',
    region: 'sion',
    roles: ['cii_correspondent', 'field_professional'],
    language: 'fr',
    what: 'CII correspondent of the ORP Valais central',
  },
  {
    username: 'oai.repondant',
    givenName: 'Isabelle',
    familyName: 'Carron',
    institution: 'oai',
    roles: ['cii_correspondent'],
    language: 'fr',
    what: 'CII correspondent, OAI',
  },
  {
    username: 'oai.smr',
    givenName: 'Claire',
    familyName: 'Bonvin',
    institution: 'oai',
    roles: ['smr_doctor'],
    language: 'fr',
    what: "doctor of the OAI's medical service (SMR), delegated to MAMAC assessments",
  },
  {
    username: 'osp.repondant',
    givenName: 'Thomas',
    familyName: 'Michellod',
    institution: 'osp',
    roles: ['cii_correspondent'],
    language: 'fr',
    what: 'CII correspondent, OSP',
  },
  {
    username: 'sucht.wallis',
    givenName: 'Martina',
    familyName: 'Kalbermatten',
    institution: 'addiction',
    roles: ['cii_correspondent'],
    language: 'de',
    what: 'CII correspondent, Addiction Valais (German)',
  },
  {
    username: 'suva.repondant',
    givenName: 'Olivier',
    familyName: 'Pitteloud',
    institution: 'suva',
    roles: ['cii_correspondent'],
    language: 'fr',
    what: 'CII correspondent, Suva',
  },
  {
    username: 'lmmt.decideur',
    givenName: 'Patrick',
    familyName: 'Gaillard',
    institution: 'lmmt',
    roles: ['measures_decider'],
    language: 'fr',
    what: 'measures decider, LMMT',
  },
  {
    username: 'sas.preavis',
    givenName: 'Catherine',
    familyName: 'Roduit',
    institution: 'sas',
    roles: ['sas_reviewer'],
    language: 'fr',
    what: 'SAS reviewer (préavis)',
  },
  {
    username: 'commune.sion',
    givenName: 'Jean',
    familyName: 'Favre',
    institution: 'communeSion',
    region: 'sion',
    roles: ['commune_approver'],
    language: 'fr',
    what: 'commune approver, Sion',
  },
  {
    username: 'gemeinde.brig',
    givenName: 'Beat',
    familyName: 'Schmid',
    institution: 'gemeindeBrig',
    region: 'brig',
    roles: ['commune_approver'],
    language: 'de',
    what: 'commune approver, Brig-Glis (German)',
  },
  {
    username: 'copil.stats',
    givenName: 'Monique',
    familyName: 'Udry',
    institution: 'sas',
    roles: ['statistics_reader'],
    language: 'fr',
    what: 'statistics reader (COPIL)',
  },
];

export async function demoCanton(q: Queryable) {
  const regions = {} as Record<RegionKey, { id: string }>;
  for (const [key, r] of Object.entries(REGIONS)) regions[key as RegionKey] = await insertRegion(q, r);
  const communes: Record<string, { id: string }> = {};
  for (const { key, region, ...c } of COMMUNES) {
    communes[key] = await insertCommune(q, { ...c, canton: 'VS', regionId: regions[region].id });
  }
  const institutions = {} as Record<InstitutionKey, { id: string }>;
  for (const [key, { region, commune, ...i }] of Object.entries(INSTITUTIONS)) {
    institutions[key] = await insertInstitution(q, {
      ...i,
      regionId: region ? regions[region].id : null,
      communeId: commune ? found(communes[commune], `commune ${commune}`).id : null,
    });
  }
  const offices: Record<string, { id: string }> = {};
  for (const { key, institution, region, ...o } of OFFICES) {
    offices[key] = await insertOffice(q, {
      ...o,
      institutionId: found(institutions[institution], `institution ${institution}`).id,
      regionId: regions[region].id,
    });
  }
  return { regions, communes, institutions, offices };
}
