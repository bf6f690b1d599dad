import { INSTITUTION_KIND_LABELS } from '../access/institution-kind-labels.ts';
import { INSTITUTION_KINDS, type InstitutionKind } from '../access/roles.ts';
import { type CareKind, CARE_KINDS, FIRST_STATUS } from '../care/passage.ts';
import { type Bucket, type Summary, summarise } from './distribution.ts';
import { type CostsByPayer, costPerInsertion } from './costs.ts';
import { type FollowUpCounts, durability } from './durability.ts';
import { intensitySummary } from './intensity.ts';
import { share } from './rates.ts';
import { suppressCount, suppressTable, withTotals } from './suppression.ts';
import { type CurvePoint, type SurvivalBucket, timeToInsertion } from './survival.ts';
import { DEFINITIONS, type FigureKey, type Text, stateLabel } from './vocabulary.ts';

/**
 * The figures of a period (issue 13, DOMAIN.md §7), composed from one cube of counts that the database computes
 * (GROUP BY period, region, announcing institution kind, kind of care, measure). Every table, chart and file is drawn
 * from the tables composed here — for publication after suppression — and every key figure is read from those tables,
 * so that a published figure can never disagree with a published table, nor reveal a cell it hides.
 */

/** Which period a cube cell counts in: the one asked for, the one before it (comparison), or earlier (since start). */
export const PERIOD_BUCKETS = ['current', 'previous', 'earlier'] as const;
export type PeriodBucket = (typeof PERIOD_BUCKETS)[number];

/**
 * One cell of the cube. Situations (careKind null): `announced`, `taken_into_care`, `refused`, counted in the period
 * of their announcement. Passages (careKind set): `open:<status>` and `ended:<outcome>`, counted in the period in
 * which the passage started.
 */
export interface CubeCell {
  period: PeriodBucket;
  regionId: string;
  institutionKind: InstitutionKind;
  careKind: CareKind | null;
  measure: string;
  count: number;
}

export interface RegionInfo {
  id: string;
  code: string;
  nameFr: string;
  nameDe: string;
}

export interface IndicatorInputs {
  /** Days, counted by the database: `announcement_to_decision`, `decision_to_start:<kind>`, `length:<kind>`. */
  durations: { key: string; value: number; count: number }[];
  /** Meetings with the person per month of mandate, in quarter steps, per mandate of the period. */
  intensity: Bucket[];
  survival: SurvivalBucket[];
  followUps: FollowUpCounts[];
  costs: CostsByPayer;
  /** How many situations the costs come from (published costs hide a handful). */
  costSituations: number;
}

export interface Line {
  key: string;
  label: Text;
}

export interface FigureTable {
  key: string;
  label: Text;
  counted: Text;
  source: Text;
  rowHeading: Text;
  rows: Line[];
  columns: (Line & { group: 'situation' | 'open' | 'ended' | 'follow_up' })[];
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  /**
   * Whether the table has a totals row: not when its rows are not parts of a whole (the 6- and 12-month follow-ups
   * count the same insertions twice); then columnTotals is empty and total null.
   */
  totalsRow: boolean;
  /** Cells hidden in this table (public figures only). */
  hidden: number;
}

export type Unit = 'count' | 'share' | 'days' | 'chf';
export interface KeyFigure {
  key: string;
  unit: Unit;
  value: number | null;
  previous: number | null;
  label: Text;
  counted: Text;
  source: Text;
}

export interface DurationFigure extends Summary {
  key: string;
  careKind: CareKind | null;
  label: Text;
}

export interface Figures {
  publication: 'internal' | 'public';
  /** Counts below this are hidden (public only). */
  threshold: number | null;
  keyFigures: KeyFigure[];
  tables: FigureTable[];
  durations: DurationFigure[];
  intensity: ReturnType<typeof intensitySummary> & { hidden: boolean };
  /** Published, a point's insertions and censorings are not given (null). */
  timeToInsertion: {
    points: (Omit<CurvePoint, 'events' | 'censored'> & { events: number | null; censored: number | null })[];
    situations: number;
    hidden: boolean;
  };
  /** Published, the costs of fewer situations than the threshold are hidden (null). */
  costs: { [K in keyof CostsByPayer]: number | null } & { perInsertionCents: number | null; hidden: boolean };
  definitions: Record<string, { label: Text; counted: Text; source: Text }>;
}

export interface ComposeOptions {
  publication: 'internal' | 'public';
  threshold: number;
  /** The regions shown as rows; cells of any other region count in one "other regions" row. */
  regions: RegionInfo[];
  /** The institution kinds shown as rows, in this order. */
  institutionKinds: readonly InstitutionKind[];
}

const CARE_LABEL: Record<CareKind, Text> = {
  assessment: { fr: 'Assessments MAMAC', de: 'MAMAC-Assessments' },
  round_table: { fr: 'Tables rondes (TRO)', de: 'Runde Tische' },
  tandem: { fr: 'Tandems', de: 'Tandems' },
  network_follow_up: { fr: 'Suivis réseau', de: 'Netzwerkbegleitungen' },
};
export const careKindLabel = (k: CareKind) => CARE_LABEL[k];

/** The open states of each kind, in their order (the lanes' lifecycles, issue 12). */
const OPEN_STATES: Record<CareKind, string[]> = {
  assessment: ['to_organise', 'scheduled', 'held', 'in_execution'],
  round_table: ['in_preparation', 'scheduled', 'held'],
  tandem: ['waiting_tandem', 'active'],
  network_follow_up: ['active'],
};
/** The outcomes each kind always shows (seed 004 §6), others when they occur. */
const USUAL_OUTCOMES: Record<CareKind, string[]> = {
  assessment: ['inserted', 'social_aid_only', 'disability_insurance'],
  round_table: ['inserted', 'oriented_network_follow_up', 'followed_by_institution'],
  tandem: ['inserted', 'lack_of_cooperation', 'unavailable', 'social_aid_only'],
  network_follow_up: ['inserted'],
};
const OTHER_REGIONS = 'other_regions';
const regionText = (r: RegionInfo): Text => ({ fr: r.nameFr, de: r.nameDe });

const sumOf = (xs: readonly (number | null)[]): number | null =>
  xs.some((x) => x === null) ? null : xs.reduce<number>((s, x) => s + (x ?? 0), 0);
const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
const shareOf = (a: number | null, b: number | null) => (a === null || b === null ? null : share(a, b));

export function composeFigures(cube: readonly CubeCell[], indicators: IndicatorInputs, o: ComposeOptions): Figures {
  const publicFigures = o.publication === 'public';
  const known = new Set(o.regions.map((r) => r.id));
  const regionKey = (id: string) => (known.has(id) ? id : OTHER_REGIONS);
  const hasOther = cube.some((c) => !known.has(c.regionId));
  const regionRows: Line[] = [
    ...o.regions.map((r) => ({ key: r.id, label: regionText(r) })),
    ...(hasOther ? [{ key: OTHER_REGIONS, label: stateLabel(OTHER_REGIONS) }] : []),
  ];
  const kindRows: Line[] = o.institutionKinds.map((k) => ({ key: k, label: kindText(k) }));

  const count = (periods: readonly PeriodBucket[], pred: (c: CubeCell) => boolean) =>
    cube.filter((c) => periods.includes(c.period) && pred(c)).reduce((s, c) => s + c.count, 0);

  const finish = (
    t: Omit<FigureTable, 'rowTotals' | 'columnTotals' | 'total' | 'hidden' | 'totalsRow'>,
    exact: number[][],
    totalsRow = true,
  ): FigureTable => {
    const noTotals = totalsRow ? {} : { columnTotals: [], total: null };
    if (!publicFigures) return { ...t, cells: exact, ...withTotals(exact), totalsRow, ...noTotals, hidden: 0 };
    // Without a totals row the suppression still protects the column totals: more cautious, never less.
    const s = suppressTable(exact, o.threshold);
    return {
      ...t,
      cells: s.cells,
      rowTotals: s.rowTotals,
      columnTotals: s.columnTotals,
      total: s.total,
      totalsRow,
      ...noTotals,
      hidden: s.primary + s.secondary,
    };
  };

  const situationTable = (
    key: FigureKey | string,
    periods: readonly PeriodBucket[],
    rows: Line[],
    rowOf: (c: CubeCell) => string,
    rowHeading: Text,
    label: Text,
  ): FigureTable => {
    const exact = rows.map((r) => {
      const here = (m: string) => count(periods, (c) => c.careKind === null && c.measure === m && rowOf(c) === r.key);
      const announced = here('announced');
      const taken = here('taken_into_care');
      const refused = here('refused');
      return [taken, refused, Math.max(0, announced - taken - refused)];
    });
    const def = DEFINITIONS.situations_announced;
    return finish(
      {
        key,
        label,
        counted: def.counted,
        source: def.source,
        rowHeading,
        rows,
        columns: (['taken_into_care', 'refused', 'awaiting_decision'] as const).map((k) => ({
          key: k,
          label: stateLabel(k),
          group: 'situation' as const,
        })),
        cells: [],
      },
      exact,
    );
  };

  const careTable = (
    kind: CareKind,
    periods: readonly PeriodBucket[],
    key: string,
    label: Text,
    definition = kind === 'tandem' ? DEFINITIONS.tandem_situations : DEFINITIONS.care_passages,
  ): FigureTable => {
    const here = cube.filter((c) => c.careKind === kind && periods.includes(c.period));
    const outcomes = [
      ...USUAL_OUTCOMES[kind],
      ...[...new Set(here.filter((c) => c.measure.startsWith('ended:')).map((c) => c.measure.slice(6)))]
        .filter((x) => !USUAL_OUTCOMES[kind].includes(x))
        .sort(),
    ];
    const opens = [
      ...OPEN_STATES[kind],
      ...[...new Set(here.filter((c) => c.measure.startsWith('open:')).map((c) => c.measure.slice(5)))]
        .filter((x) => !OPEN_STATES[kind].includes(x))
        .sort(),
    ];
    const columns = [
      ...opens.map((s) => ({ key: `open:${s}`, label: stateLabel(s), group: 'open' as const })),
      ...outcomes.map((s) => ({ key: `ended:${s}`, label: stateLabel(s), group: 'ended' as const })),
    ];
    const exact = regionRows.map((r) =>
      columns.map((col) =>
        here.filter((c) => c.measure === col.key && regionKey(c.regionId) === r.key).reduce((s, c) => s + c.count, 0),
      ),
    );
    return finish(
      {
        key,
        label,
        counted: definition.counted,
        source: definition.source,
        rowHeading: { fr: 'Région', de: 'Region' },
        rows: regionRows,
        columns,
        cells: [],
      },
      exact,
    );
  };

  // Refusals by the institutions they suggest (issue 13, seed 004 §6): a column per kind suggested, then "note only".
  const SUGGESTED = 'refused_suggested:';
  const refusalTable = (periods: readonly PeriodBucket[]): FigureTable => {
    const here = cube.filter((c) => periods.includes(c.period) && c.measure.startsWith(SUGGESTED));
    const kinds = new Set(here.filter((c) => c.count > 0).map((c) => c.measure.slice(SUGGESTED.length)));
    const suggested = [...INSTITUTION_KINDS.filter((k) => kinds.has(k)), ...(kinds.has('none') ? ['none'] : [])];
    const columns = suggested.map((k) => ({
      key: `suggested:${k}`,
      label: k === 'none' ? stateLabel('suggested_none') : kindText(k as InstitutionKind),
      group: 'situation' as const,
    }));
    const exact = regionRows.map((r) =>
      suggested.map((k) =>
        here
          .filter((c) => c.measure === `${SUGGESTED}${k}` && regionKey(c.regionId) === r.key)
          .reduce((s, c) => s + c.count, 0),
      ),
    );
    const def = DEFINITIONS.refused_by_suggested_institution;
    return finish(
      {
        key: 'refused_by_suggested_institution',
        label: def.label,
        counted: def.counted,
        source: def.source,
        rowHeading: { fr: 'Région', de: 'Region' },
        rows: regionRows,
        columns,
        cells: [],
      },
      exact,
    );
  };

  const regionHeading = { fr: 'Région', de: 'Region' };
  const tablesOf = (periods: readonly PeriodBucket[]) => ({
    byRegion: situationTable('situations_by_region', periods, regionRows, (c) => regionKey(c.regionId), regionHeading, {
      fr: 'Situations annoncées par région',
      de: 'Gemeldete Situationen nach Region',
    }),
    byKind: situationTable(
      'situations_by_institution_kind',
      periods,
      kindRows,
      (c) => c.institutionKind,
      { fr: 'Institution annonceuse', de: 'Meldende Institution' },
      { fr: 'Situations annoncées par institution annonceuse', de: 'Gemeldete Situationen nach meldender Institution' },
    ),
    care: Object.fromEntries(
      CARE_KINDS.map((k) => [
        k,
        careTable(k, periods, `${k}_by_region`, {
          fr: `${CARE_LABEL[k].fr} par région, état et issue`,
          de: `${CARE_LABEL[k].de} nach Region, Stand und Ergebnis`,
        }),
      ]),
    ) as Record<CareKind, FigureTable>,
  });

  const current = tablesOf(['current']);
  const previous = tablesOf(['previous']);
  const sinceStart = careTable(
    'tandem',
    PERIOD_BUCKETS,
    'tandem_since_start',
    { fr: 'Tandems depuis le début, par région et issue', de: 'Tandems seit Beginn, nach Region und Ergebnis' },
    DEFINITIONS.since_start_tandem_situations,
  );

  const col = (t: FigureTable, key: string) => {
    const i = t.columns.findIndex((c) => c.key === key);
    return i < 0 ? 0 : (t.columnTotals[i] ?? null);
  };
  const cols = (t: FigureTable, group: 'open' | 'ended') =>
    sumOf(t.columns.flatMap((c, i) => (c.group === group ? [t.columnTotals[i] ?? null] : [])));
  const headline = (t: ReturnType<typeof tablesOf>) => {
    const a = t.care.assessment;
    const r = t.care.round_table;
    const td = t.care.tandem;
    const inserted = col(td, 'ended:inserted');
    return {
      situations_announced: t.byRegion.total,
      taken_into_care_share: shareOf(col(t.byRegion, 'taken_into_care'), t.byRegion.total),
      refused: col(t.byRegion, 'refused'),
      assessment_organised: minus(a.total, col(a, `open:${FIRST_STATUS.assessment}`)),
      assessment_waiting: col(a, `open:${FIRST_STATUS.assessment}`),
      assessment_closed: cols(a, 'ended'),
      round_table_held: minus(r.total, sumOf([col(r, 'open:in_preparation'), col(r, 'open:scheduled')])),
      round_table_in_preparation: sumOf([col(r, 'open:in_preparation'), col(r, 'open:scheduled')]),
      round_table_pending: col(r, 'open:held'),
      tandem_situations: td.total,
      tandem_inserted: inserted,
      tandem_open: cols(td, 'open'),
      insertion_rate_of_all: shareOf(inserted, td.total),
      insertion_rate_of_closed: shareOf(inserted, cols(td, 'ended')),
      network_follow_up_situations: t.care.network_follow_up.total,
    } satisfies Partial<Record<FigureKey, number | null>>;
  };
  // Of the situations announced, those imported from the CII's history (issue 13): a count no table holds, hidden
  // when small in published figures.
  const imported = (period: PeriodBucket) => {
    const n = count([period], (c) => c.careKind === null && c.measure === 'imported');
    return publicFigures ? suppressCount(n, o.threshold) : n;
  };
  const now = { ...headline(current), situations_imported: imported('current') };
  const before = { ...headline(previous), situations_imported: imported('previous') };
  const sinceInserted = col(sinceStart, 'ended:inserted');
  const since = {
    since_start_tandem_situations: sinceStart.total,
    since_start_insertions: sinceInserted,
    since_start_rate_of_all: shareOf(sinceInserted, sinceStart.total),
    since_start_rate_of_closed: shareOf(sinceInserted, cols(sinceStart, 'ended')),
  };
  const unitOf = (k: FigureKey): Unit => (k.includes('share') || k.includes('rate') ? 'share' : 'count');
  const keyFigure = (key: FigureKey, value: number | null, prev: number | null): KeyFigure => ({
    key,
    unit: unitOf(key),
    value,
    previous: prev,
    ...DEFINITIONS[key],
  });
  const keyFigures = [
    ...Object.entries(now).map(([k, v]) => keyFigure(k as FigureKey, v, before[k as keyof typeof before])),
    ...Object.entries(since).map(([k, v]) => keyFigure(k as FigureKey, v, null)),
  ];

  // Indicators: each hidden in public when it rests on fewer situations than the threshold.
  const small = (n: number) => publicFigures && n > 0 && n < o.threshold;
  const durations: DurationFigure[] = [...new Set(indicators.durations.map((d) => d.key))].sort().map((key) => {
    const s = summarise(indicators.durations.filter((d) => d.key === key));
    const [kind, care] = key.split(':') as [string, CareKind | undefined];
    const base =
      kind === 'announcement_to_decision'
        ? DEFINITIONS.duration_announcement_to_decision.label
        : kind === 'decision_to_start'
          ? DEFINITIONS.duration_decision_to_start.label
          : DEFINITIONS.duration_length.label;
    const label = care
      ? { fr: `${base.fr} — ${CARE_LABEL[care].fr}`, de: `${base.de} — ${CARE_LABEL[care].de}` }
      : base;
    return small(s.n)
      ? { key, careKind: care ?? null, label, n: s.n, median: null, mean: null }
      : { key, careKind: care ?? null, label, ...s };
  });
  // Published, a duration measured on a handful of situations is left out, its count with it.
  const publishedDurations = publicFigures ? durations.filter((d) => !small(d.n)) : durations;
  const intensity = intensitySummary(indicators.intensity);
  const curve = timeToInsertion(indicators.survival);
  const situations = curve[0]?.atRisk ?? 0;
  // Published, the curve stops where fewer situations than the threshold are still followed.
  // Published, it gives the shares only: the number still followed is rounded to 5, and the insertions and
  // censorings of each month — a difference of two such numbers, often 1 or 2 — are not given (decision 024).
  const points = publicFigures
    ? curve
        .filter((p) => p.atRisk >= o.threshold)
        .map((p) => ({ ...p, atRisk: Math.round(p.atRisk / 5) * 5, events: null, censored: null }))
    : curve;
  const durabilityRows = durability(indicators.followUps);
  const durabilityExact = durabilityRows.map((r) => [r.stillInWork, r.notInWork, r.pending]);
  const durabilityTable = finish(
    {
      key: 'durability',
      label: DEFINITIONS.durability.label,
      counted: DEFINITIONS.durability.counted,
      source: DEFINITIONS.durability.source,
      rowHeading: { fr: 'Suivi', de: 'Nachkontrolle' },
      rows: durabilityRows.map((r) => ({ key: `months_${r.months}`, label: stateLabel(`months_${r.months}`) })),
      columns: (['still_in_work', 'not_in_work', 'pending'] as const).map((k) => ({
        key: k,
        label: stateLabel(k),
        group: 'follow_up' as const,
      })),
      cells: [],
    },
    durabilityExact,
    false,
  );
  const published = (n: number | null) => (n === null || !publicFigures ? n : suppressCount(n, o.threshold));
  return {
    publication: o.publication,
    threshold: publicFigures ? o.threshold : null,
    keyFigures,
    tables: [
      current.byRegion,
      current.byKind,
      refusalTable(['current']),
      ...CARE_KINDS.map((k) => current.care[k]),
      sinceStart,
      durabilityTable,
    ],
    durations: publishedDurations,
    intensity: { ...intensity, hidden: small(intensity.mandates) },
    timeToInsertion: {
      points: small(situations) ? [] : points,
      situations: publicFigures ? (small(situations) ? 0 : Math.round(situations / 5) * 5) : situations,
      hidden: small(situations),
    },
    // Published, the costs of fewer situations than the threshold would be one person's: hidden.
    costs: small(indicators.costSituations)
      ? { ...HIDDEN_COSTS, hidden: true }
      : {
          ...indicators.costs,
          perInsertionCents: perInsertion(indicators.costs, published(now.tandem_inserted)),
          hidden: false,
        },
    definitions: DEFINITIONS,
  };
}

const HIDDEN_COSTS = {
  laciCents: null,
  lemcCents: null,
  liasCantonCents: null,
  liasCommuneCents: null,
  mipCantonCents: null,
  mipCommuneCents: null,
  tandemOrpCents: null,
  tandemCmsCents: null,
  totalCents: null,
  perInsertionCents: null,
};

const perInsertion = (c: CostsByPayer, insertions: number | null) =>
  insertions === null ? null : costPerInsertion(c, insertions);

const kindText = (k: InstitutionKind): Text => ({
  fr: INSTITUTION_KIND_LABELS.fr[k].long,
  de: INSTITUTION_KIND_LABELS.de[k].long,
});
