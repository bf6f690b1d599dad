import { describe, expect, it } from 'vitest';
import type { CareKind } from '../care/passage.ts';
import { reportTableRows } from './annual-report.ts';
import { figureSheets, figuresCsv } from './figures-sheet.ts';
import { type CubeCell, type Figures, type PeriodBucket, composeFigures } from './figures.ts';
import { percent } from './rates.ts';

/**
 * Seed 004 §6 (the 2012 report) and seed 000 (since the start) rebuilt from a cube of counts, as the database
 * returns it: every figure of DOMAIN.md §7.
 */
const SION = 'r-sion';
const MONTHEY = 'r-monthey';
const regions = [
  { id: SION, code: 'SION', nameFr: 'Sion', nameDe: 'Sitten' },
  { id: MONTHEY, code: 'MONTHEY', nameFr: 'Monthey', nameDe: 'Monthey' },
];
const cells: CubeCell[] = [];
const add = (period: PeriodBucket, regionId: string, careKind: CareKind | null, counts: Record<string, number>) => {
  for (const [measure, count] of Object.entries(counts))
    cells.push({ period, regionId, institutionKind: 'orp', careKind, measure, count });
};
// 2012: 97 announced, over 2/3 taken into coordinated care.
add('current', SION, null, { announced: 80, taken_into_care: 56, refused: 18 });
add('current', MONTHEY, null, { announced: 17, taken_into_care: 11, refused: 2 });
// The 20 refusals by the institutions they suggest: 12 an ORP, 6 a CMS, 4 a note only (Monthey: 2 ORP).
add('current', SION, null, { 'refused_suggested:orp': 10, 'refused_suggested:cms': 6, 'refused_suggested:none': 4 });
add('current', MONTHEY, null, { 'refused_suggested:orp': 2 });
// Assessments: 22 organised, 4 waiting, 6 closed = 3 insertions, 2 social aid, 1 AI.
add('current', SION, 'assessment', {
  'open:to_organise': 4,
  'open:scheduled': 10,
  'open:in_execution': 6,
  'ended:inserted': 3,
  'ended:social_aid_only': 2,
  'ended:disability_insurance': 1,
});
// Round tables: 12 held, 3 in preparation; 3 jobs, 4 network follow-ups, 1 ORP, 4 pending.
add('current', SION, 'round_table', {
  'open:in_preparation': 2,
  'open:scheduled': 1,
  'open:held': 4,
  'ended:inserted': 3,
  'ended:oriented_network_follow_up': 4,
  'ended:followed_by_institution': 1,
});
// Tandems: 26 = 24 Sion + 2 Monthey; 13 jobs, 2 lack of cooperation, 3 unavailable, 1 social aid, 7 open.
add('current', SION, 'tandem', {
  'ended:inserted': 12,
  'ended:lack_of_cooperation': 2,
  'ended:unavailable': 3,
  'ended:social_aid_only': 1,
  'open:active': 6,
});
add('current', MONTHEY, 'tandem', { 'ended:inserted': 1, 'open:active': 1 });
// Before 2012 (seed 000, since the start: 109 situations, 39 insertions, 46 % of the closed ones).
add('previous', SION, 'tandem', {
  'ended:inserted': 20,
  'ended:lack_of_cooperation': 10,
  'ended:unavailable': 10,
  'ended:social_aid_only': 5,
  'open:active': 5,
});
add('earlier', SION, 'tandem', {
  'ended:inserted': 6,
  'ended:lack_of_cooperation': 5,
  'ended:unavailable': 6,
  'ended:social_aid_only': 4,
  'open:active': 12,
});

const indicators = {
  durations: [],
  intensity: [],
  survival: [],
  followUps: [],
  costSituations: 0,
  costs: {
    laciCents: 0,
    lemcCents: 0,
    liasCantonCents: 0,
    liasCommuneCents: 0,
    mipCantonCents: 0,
    mipCommuneCents: 0,
    tandemOrpCents: 0,
    tandemCmsCents: 0,
    totalCents: 13_000_00,
  },
};
const compose = (publication: 'internal' | 'public', threshold = 3) =>
  composeFigures(cells, indicators, { publication, threshold, regions, institutionKinds: ['orp', 'cms'] });
const figure = (f: Figures, key: string) => f.keyFigures.find((k) => k.key === key);
const value = (f: Figures, key: string) => figure(f, key)?.value;
const table = (f: Figures, key: string) => f.tables.find((t) => t.key === key);

describe('the 2012 figures of seed 004 §6 (internal: exact)', () => {
  const f = compose('internal');
  it('situations announced and the share taken into coordinated care', () => {
    expect(value(f, 'situations_announced')).toBe(97);
    expect(value(f, 'taken_into_care_share')).toBeGreaterThan(2 / 3);
    expect(value(f, 'refused')).toBe(20);
  });
  it('assessments: 22 organised, 4 waiting, 6 closed by outcome', () => {
    expect(value(f, 'assessment_organised')).toBe(22);
    expect(value(f, 'assessment_waiting')).toBe(4);
    expect(value(f, 'assessment_closed')).toBe(6);
    const t = table(f, 'assessment_by_region');
    const outcome = (k: string) => t?.columnTotals[t.columns.findIndex((c) => c.key === `ended:${k}`)];
    expect([outcome('inserted'), outcome('social_aid_only'), outcome('disability_insurance')]).toEqual([3, 2, 1]);
  });
  it('round tables: 12 held, 3 in preparation, 4 pending', () => {
    expect(value(f, 'round_table_held')).toBe(12);
    expect(value(f, 'round_table_in_preparation')).toBe(3);
    expect(value(f, 'round_table_pending')).toBe(4);
  });
  it('tandems: 24 Sion + 2 Monthey, 13 jobs, 7 open; both insertion rates, labelled', () => {
    const t = table(f, 'tandem_by_region');
    expect(t?.rowTotals).toEqual([24, 2]);
    expect(value(f, 'tandem_situations')).toBe(26);
    expect(value(f, 'tandem_inserted')).toBe(13);
    expect(value(f, 'tandem_open')).toBe(7);
    expect(percent(value(f, 'insertion_rate_of_all') ?? null)).toBe(50);
    expect(percent(value(f, 'insertion_rate_of_closed') ?? null)).toBe(68);
    expect(figure(f, 'insertion_rate_of_all')?.label.fr).toContain('toutes');
    expect(figure(f, 'insertion_rate_of_closed')?.label.de).toContain('abgeschlossenen');
    expect(figure(f, 'insertion_rate_of_closed')?.source.fr).toContain('Article CII « Prise en charge en tandem »');
    expect(figure(f, 'insertion_rate_of_closed')?.source.de).toContain('IIZ-Jahresbericht 2012 (2012: 13 / 19 = 68 %)');
  });
  it('since the start (seed 000): 109 situations, 39 insertions, 46 % of the closed ones', () => {
    expect(value(f, 'since_start_tandem_situations')).toBe(109);
    expect(value(f, 'since_start_insertions')).toBe(39);
    expect(percent(value(f, 'since_start_rate_of_closed') ?? null)).toBe(46);
  });
  it('compares with the previous year', () => {
    expect(figure(f, 'tandem_situations')?.previous).toBe(50);
    expect(f.publication).toBe('internal');
    expect(f.threshold).toBeNull();
  });
  it('cost per insertion: the period’s costs over its tandem insertions', () => {
    expect(f.costs.perInsertionCents).toBe(1_000_00);
  });
  it('every key figure says how it is counted, in French and German, with its source', () => {
    for (const k of f.keyFigures) {
      expect(k.counted.fr.length).toBeGreaterThan(10);
      expect(k.counted.de.length).toBeGreaterThan(10);
      // Named as documents a COPIL member knows (seed 004 = the annual report 2012), never by seed number.
      for (const text of [k.source.fr, k.source.de]) expect(text).not.toMatch(/\b00\d\b|DOMAIN|decision \d/);
    }
  });
  it('a coordinator’s canton view: the other regions in one row, the canton’s totals unchanged', () => {
    const g = composeFigures(cells, indicators, {
      publication: 'internal',
      threshold: 3,
      regions: [regions[1] as (typeof regions)[number]],
      institutionKinds: ['orp'],
    });
    const t = g.tables.find((x) => x.key === 'tandem_by_region');
    expect(t?.rows.map((r) => r.key)).toEqual([MONTHEY, 'other_regions']);
    expect(t?.rowTotals).toEqual([2, 24]);
    expect(g.keyFigures.find((k) => k.key === 'tandem_situations')?.value).toBe(26);
  });
});

describe('the same figures published (suppressed)', () => {
  const f = compose('public');
  it('hides Monthey’s small tandem counts, and enough others that they cannot be recovered', () => {
    const t = table(f, 'tandem_by_region');
    expect(t?.rowTotals[1]).toBeNull();
    const inserted = t?.columns.findIndex((c) => c.key === 'ended:inserted') ?? -1;
    expect(t?.cells[1]?.[inserted]).toBeNull();
    // Monthey's 1 insertion is not 13 − 12: Sion's insertions are hidden too.
    expect(t?.cells[0]?.[inserted]).toBeNull();
    for (const tb of f.tables) {
      for (const [i, row] of tb.cells.entries())
        expect([...row, tb.rowTotals[i]].filter((x) => x === null).length).not.toBe(1);
      if (tb.totalsRow) expect([...tb.columnTotals, tb.total].filter((x) => x === null).length).not.toBe(1);
    }
    expect(t?.hidden).toBeGreaterThan(0);
  });
  it('key figures are read from the published tables: a figure resting on a hidden cell is hidden', () => {
    expect(f.publication).toBe('public');
    expect(f.threshold).toBe(3);
    expect(value(f, 'tandem_situations')).toBe(26);
    expect(value(f, 'assessment_closed')).toBeNull();
    const all = value(f, 'insertion_rate_of_all');
    if (all !== null && all !== undefined) expect(percent(all)).toBe(50);
  });
  it('a threshold of 1 hides nothing', () => {
    const g = compose('public', 1);
    expect(g.tables.every((t) => t.hidden === 0)).toBe(true);
    expect(percent(value(g, 'insertion_rate_of_closed') ?? null)).toBe(68);
  });
});

describe('situations imported from the history (issue 13, decision 025)', () => {
  const withImported = (n: number, publication: 'internal' | 'public') =>
    composeFigures(
      [
        ...cells,
        { period: 'current', regionId: SION, institutionKind: 'orp', careKind: null, measure: 'imported', count: n },
      ],
      indicators,
      { publication, threshold: 3, regions, institutionKinds: ['orp', 'cms'] },
    );
  it('are counted among the situations announced, and said so; a small count is hidden when published', () => {
    expect(value(withImported(40, 'internal'), 'situations_imported')).toBe(40);
    expect(value(withImported(40, 'internal'), 'situations_announced')).toBe(97);
    expect(value(withImported(2, 'internal'), 'situations_imported')).toBe(2);
    expect(value(withImported(2, 'public'), 'situations_imported')).toBeNull();
    expect(figure(withImported(2, 'public'), 'situations_imported')?.counted.de).toContain('Historie');
  });
});

describe('refusals by the institutions they suggest (issue 13, seed 004 §6)', () => {
  it('counts each suggested kind, then the refusals with a note only; published, small cells hidden', () => {
    const t = compose('internal').tables.find((x) => x.key === 'refused_by_suggested_institution');
    expect(t?.columns.map((c) => c.key)).toEqual(['suggested:orp', 'suggested:cms', 'suggested:none']);
    expect(t?.columns.map((c) => c.label.fr)).toEqual(['ORP', 'CMS (aide sociale)', 'Note seule (sans institution)']);
    expect(t?.cells).toEqual([
      [10, 6, 4],
      [2, 0, 0],
    ]);
    const p = compose('public').tables.find((x) => x.key === 'refused_by_suggested_institution');
    expect(p?.rowTotals[1]).toBeNull();
    expect(p?.cells[1]?.[0]).toBeNull();
    // The other counts ignore these cells: 20 refused still.
    expect(value(compose('internal'), 'refused')).toBe(20);
  });
});

describe('durability: the 6- and 12-month follow-ups are not added (issue 13)', () => {
  it('has no totals row across the follow-up months, in the table, the files and the report', () => {
    const followUps = [
      { months: 6, stillInWork: 3, notInWork: 1, pending: 0 },
      { months: 12, stillInWork: 2, notInWork: 1, pending: 1 },
    ];
    for (const publication of ['internal', 'public'] as const) {
      const f = composeFigures(
        cells,
        { ...indicators, followUps },
        {
          publication,
          threshold: 3,
          regions,
          institutionKinds: ['orp', 'cms'],
        },
      );
      const d = table(f, 'durability');
      expect(d?.totalsRow, publication).toBe(false);
      expect(d?.columnTotals, publication).toEqual([]);
      expect(d?.total, publication).toBeNull();
      if (publication === 'internal') expect(d?.rowTotals).toEqual([4, 4]);
      const period = { from: '2012-01-01', to: '2012-12-31' };
      for (const lang of ['fr', 'de'] as const) {
        const sheet = figureSheets({ ...f, period, region: null }, lang).find((s) => s.title === d?.label[lang]);
        expect(sheet?.rows.map((r) => r[0])).toEqual(d?.rows.map((r) => r.label[lang]));
        const rows = reportTableRows(d as NonNullable<typeof d>, lang, 'Total');
        expect(rows.map((r) => r[0]).slice(1)).toEqual(d?.rows.map((r) => r.label[lang]));
      }
    }
    // Other tables keep theirs.
    expect(table(compose('internal'), 'tandem_by_region')?.totalsRow).toBe(true);
  });
});

describe('the tandems since the start say how they are counted (issue 13)', () => {
  it('not with the period’s text, in French and German', () => {
    const f = compose('internal');
    const since = table(f, 'tandem_since_start');
    const period = table(f, 'tandem_by_region');
    for (const lang of ['fr', 'de'] as const) {
      expect(since?.counted[lang]).not.toBe(period?.counted[lang]);
      expect(since?.counted[lang]).toBe(figure(f, 'since_start_tandem_situations')?.counted[lang]);
    }
    expect(since?.counted.fr).toContain('depuis le début');
    expect(since?.counted.fr).not.toContain('dans la période');
    expect(since?.counted.de).toContain('seit Beginn');
  });
});

describe('the files write shares as the screen does (issue 13)', () => {
  it('percentages with "(%)" in the label, never a decimal 0.434, in French and German', () => {
    const f = compose('internal');
    const period = { from: '2012-01-01', to: '2012-12-31' };
    for (const lang of ['fr', 'de'] as const) {
      const sheets = figureSheets({ ...f, period, region: null }, lang);
      const keys = sheets[0];
      const all = figure(f, 'insertion_rate_of_all');
      const row = keys?.rows.find((r) => String(r[0]).startsWith(all?.label[lang] ?? '?'));
      expect(row?.[0]).toBe(`${all?.label[lang]} (%)`);
      expect(row?.[1]).toBe(Math.round((all?.value ?? 0) * 1000) / 10);
      expect(row?.[1]).toBeGreaterThan(1);
      const curve = sheets.find((s) => s.head.some((h) => h.includes('(%)')) && s !== keys);
      for (const p of curve?.rows ?? []) expect(Number(p[1])).toBeLessThanOrEqual(100);
      expect(figuresCsv(sheets)).not.toMatch(/;0\.\d+(;|\r|$)/m);
    }
  });
});
