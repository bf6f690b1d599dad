/**
 * The labour-market measures (MMT) vocabulary (DOMAIN.md §4.4, seeds 002/003).
 * Which kinds exist is data (table measure_kinds, editable by an administrator);
 * the defaults below are what a new installation starts with.
 */
export const REGIMES = ['LACI', 'LEMC', 'LIAS'] as const;
export type Regime = (typeof REGIMES)[number];

/** How a kind's cost is counted: per month, per day, or one lump sum. */
export const COST_UNITS = ['month', 'day', 'lump_sum'] as const;
export type CostUnit = (typeof COST_UNITS)[number];

/**
 * Extra rules a kind carries: `ait` — the work-introduction allowance of
 * art. 65–66 LACI (60 % of the salary at most, 6 or 12 months); `mip` — the
 * professional-integration mandate of social aid, under the rules before 2023.
 */
export const KIND_CHECKS = ['ait', 'mip'] as const;
export type KindCheck = (typeof KIND_CHECKS)[number];

export interface MeasureKindData {
  code: string;
  nameFr: string;
  nameDe: string;
  regime: Regime;
  /** Within the ORP's delegated competence: the tandem decides itself. */
  delegated: boolean;
  costUnit: CostUnit;
  checks: KindCheck | null;
}

export const MIP_CODE = 'mip';

export const DEFAULT_MEASURE_KINDS: readonly MeasureKindData[] = [
  {
    code: 'internship_laci',
    nameFr: 'Stage professionnel (LACI)',
    nameDe: 'Berufspraktikum (AVIG)',
    regime: 'LACI',
    delegated: true,
    costUnit: 'month',
    checks: null,
  },
  {
    code: 'ait',
    nameFr: 'Allocation d’initiation au travail (AIT)',
    nameDe: 'Einarbeitungszuschuss (EAZ)',
    regime: 'LACI',
    delegated: true,
    costUnit: 'month',
    checks: 'ait',
  },
  {
    code: 'course_laci',
    nameFr: 'Cours (LACI)',
    nameDe: 'Kurs (AVIG)',
    regime: 'LACI',
    delegated: true,
    costUnit: 'lump_sum',
    checks: null,
  },
  {
    code: 'language_course_laci',
    nameFr: 'Cours de langue (LACI)',
    nameDe: 'Sprachkurs (AVIG)',
    regime: 'LACI',
    delegated: true,
    costUnit: 'lump_sum',
    checks: null,
  },
  {
    code: 'temporary_employment',
    nameFr: 'Programme d’emploi temporaire (PET)',
    nameDe: 'Programm zur vorübergehenden Beschäftigung (PvB)',
    regime: 'LACI',
    delegated: true,
    costUnit: 'month',
    checks: null,
  },
  {
    code: 'motivation_semester',
    nameFr: 'Semestre de motivation (SeMo)',
    nameDe: 'Motivationssemester (SEMO)',
    regime: 'LACI',
    delegated: true,
    costUnit: 'month',
    checks: null,
  },
  {
    code: 'afo',
    nameFr: 'Allocation de formation (AFO)',
    nameDe: 'Ausbildungszuschuss (AZ)',
    regime: 'LACI',
    delegated: false,
    costUnit: 'month',
    checks: null,
  },
  {
    code: 'art59d',
    nameFr: 'Mesure art. 59d LACI',
    nameDe: 'Massnahme Art. 59d AVIG',
    regime: 'LACI',
    delegated: false,
    costUnit: 'lump_sum',
    checks: null,
  },
  {
    code: 'out_of_canton',
    nameFr: 'Mesure hors canton',
    nameDe: 'Ausserkantonale Massnahme',
    regime: 'LACI',
    delegated: false,
    costUnit: 'lump_sum',
    checks: null,
  },
  {
    code: 'specific_course',
    nameFr: 'Cours spécifique',
    nameDe: 'Spezifischer Kurs',
    regime: 'LACI',
    delegated: false,
    costUnit: 'lump_sum',
    checks: null,
  },
  {
    code: 'internship_lemc',
    nameFr: 'Stage (LEMC)',
    nameDe: 'Praktikum (BMAG)',
    regime: 'LEMC',
    delegated: false,
    costUnit: 'month',
    checks: null,
  },
  {
    code: 'internship_lias',
    nameFr: 'Stage (LIAS)',
    nameDe: 'Praktikum (GES)',
    regime: 'LIAS',
    delegated: false,
    costUnit: 'month',
    checks: null,
  },
  {
    code: 'aits',
    nameFr: 'Allocation sociale d’initiation au travail (AITs)',
    nameDe: 'Sozialer Einarbeitungszuschuss (EAZs)',
    regime: 'LIAS',
    delegated: false,
    costUnit: 'month',
    checks: null,
  },
  {
    code: 'language_course_lias',
    nameFr: 'Cours de langue (LIAS)',
    nameDe: 'Sprachkurs (GES)',
    regime: 'LIAS',
    delegated: false,
    costUnit: 'lump_sum',
    checks: null,
  },
  {
    code: 'course_lias',
    nameFr: 'Cours (LIAS)',
    nameDe: 'Kurs (GES)',
    regime: 'LIAS',
    delegated: false,
    costUnit: 'lump_sum',
    checks: null,
  },
  {
    code: MIP_CODE,
    nameFr: 'Mandat d’insertion professionnelle (MIP)',
    nameDe: 'Mandat zur beruflichen Eingliederung (MIP)',
    regime: 'LIAS',
    delegated: false,
    costUnit: 'month',
    checks: 'mip',
  },
];
