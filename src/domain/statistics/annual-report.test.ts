import { describe, expect, it } from 'vitest';
import type { CareKind } from '../care/passage.ts';
import { annualReport, emptyReportTexts, reportTableNote, reportTableRows } from './annual-report.ts';
import { type CubeCell, type PeriodBucket, composeFigures } from './figures.ts';

/** The annual report (issue 13) in the structure of seed 004 §2–§7, its figures from the published cube. */
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
// Seed 004 §2 and §6: 97 announced; tandems 24 Sion + 2 Monthey, 13 jobs, 7 open.
add('current', SION, null, { announced: 80, taken_into_care: 56, refused: 18 });
add('current', MONTHEY, null, { announced: 17, taken_into_care: 11, refused: 2 });
add('current', SION, 'tandem', {
  'ended:inserted': 12,
  'ended:lack_of_cooperation': 2,
  'ended:unavailable': 3,
  'ended:social_aid_only': 1,
  'open:active': 6,
});
add('current', MONTHEY, 'tandem', { 'ended:inserted': 1, 'open:active': 1 });
const indicators = {
  durations: [],
  intensity: [],
  survival: [],
  followUps: [],
  costs: {
    laciCents: 0,
    lemcCents: 0,
    liasCantonCents: 0,
    liasCommuneCents: 0,
    mipCantonCents: 0,
    mipCommuneCents: 0,
    tandemOrpCents: 0,
    tandemCmsCents: 0,
    totalCents: 0,
  },
  costSituations: 0,
};
const compose = (publication: 'internal' | 'public') =>
  composeFigures(cells, indicators, { publication, threshold: 3, regions, institutionKinds: ['orp', 'cms'] });
const texts = {
  ...emptyReportTexts(),
  achievements: 'Élaboration des procédures CII.',
  conclusions: 'Une culture CII.',
};

describe('the annual report (seed 004 §2–§7)', () => {
  it('has the sections of the 2012 report, numbered 2 to 7, with the officer’s texts', () => {
    const r = annualReport(compose('public'), texts, 'fr', 2012, '31.01.2013');
    expect(r.title).toBe('Rapport annuel 2012');
    expect(r.sections.map((s) => s.number)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(r.sections.map((s) => s.title)).toEqual([
      'Réalisations clés pour l’année 2012',
      'Activités du COPIL',
      'Activités du Comité de développement et de coordination (CDC)',
      'Activités de la Commission droit',
      'Activités du Bureau CII',
      'Conclusion et recommandations',
    ]);
    expect(r.sections[0]?.text).toBe('Élaboration des procédures CII.');
    expect(r.sections[5]?.text).toBe('Une culture CII.');
  });

  it('§2 says how many situations were announced and the share taken into coordinated care (97, over 2/3)', () => {
    const r = annualReport(compose('public'), texts, 'fr', 2012, '31.01.2013');
    expect(r.sections[0]?.parts[0]?.sentences[0]).toContain('97 situations ont été annoncées en 2012');
    expect(r.sections[0]?.parts[0]?.sentences[0]).toMatch(/69\s?%/);
  });

  it('§6 gives the Bureau’s activity by kind of care, both insertion rates labelled', () => {
    const r = annualReport(compose('internal'), texts, 'de', 2012, '31.01.2013');
    const bureau = r.sections.find((s) => s.key === 'bureau');
    expect(bureau?.parts.map((p) => p.heading)).toEqual([
      'Das MAMAC-Assessment',
      'Der runde Tisch',
      'Das Tandem-Coaching (Massnahme LIAS-LEMC)',
      'Die Netzwerkbegleitung',
    ]);
    const tandem = bureau?.parts[2]?.sentences[0] ?? '';
    expect(tandem).toContain('26 Situationen');
    expect(tandem).toContain('13 Personen');
    expect(tandem).toMatch(/50\s?% aller Situationen/);
    expect(tandem).toMatch(/68\s?% der abgeschlossenen Situationen/);
  });

  it('published: a sentence resting on a hidden figure says it is not published, never "x d’entre elles"', () => {
    const f = compose('public');
    const hide = new Set(['taken_into_care_share', 'tandem_inserted', 'insertion_rate_of_all', 'tandem_open']);
    const g = { ...f, keyFigures: f.keyFigures.map((k) => (hide.has(k.key) ? { ...k, value: null } : k)) };
    const says = { fr: 'n’est pas publié', de: 'nicht veröffentlicht' };
    for (const lang of ['fr', 'de'] as const) {
      const sentences = annualReport(g, texts, lang, 2012, '31.01.2013').sections.flatMap((s) =>
        s.parts.flatMap((p) => p.sentences),
      );
      for (const s of sentences) expect(s, s).not.toMatch(/(^|[\s(])x([\s.,:;)]|$)/);
      expect(sentences.join(' ')).toContain(says[lang]);
      // The figures that are published still read as numbers.
      expect(sentences.join(' ')).toMatch(/\d+ (situations|Situationen)/);
    }
  });

  it('published: a hidden count is written x, in the sentences and the tables, never the number', () => {
    const f = compose('public');
    const r = annualReport(f, texts, 'fr', 2012, '31.01.2013');
    const tandem = r.sections.find((s) => s.key === 'bureau')?.parts[2];
    const rows = reportTableRows(tandem?.table ?? f.tables[0]!, 'fr', 'Total');
    const monthey = rows.find((row) => row[0] === 'Monthey') ?? [];
    // Monthey's 1 job and 1 open situation are hidden, and its total of 2 with them.
    expect(monthey).not.toContain('1');
    expect(monthey).not.toContain('2');
    expect(monthey).toContain('x');
    expect(r.note).toContain('inférieurs à 3');
  });

  it('a table leaves out the columns nothing counts in, and ends with its totals', () => {
    const f = compose('internal');
    const t = f.tables.find((x) => x.key === 'tandem_by_region');
    const rows = reportTableRows(t ?? f.tables[0]!, 'fr', 'Total');
    expect(rows[0]).not.toContain('En attente d’un tandem');
    expect(rows.at(-1)).toEqual(['Total', '7', '13', '2', '3', '1', '26']);
  });

  it('under each table: how it is counted and its source, named as the COPIL knows it (not "004 §6")', () => {
    const t = compose('internal').tables.find((x) => x.key === 'tandem_by_region');
    const fr = reportTableNote(t ?? compose('internal').tables[0]!, 'fr');
    const de = reportTableNote(t ?? compose('internal').tables[0]!, 'de');
    expect(fr).toContain('Source : Rapport annuel CII 2012, §6');
    expect(de).toContain('Quelle: IIZ-Jahresbericht 2012, §6');
    for (const note of [fr, de]) expect(note).not.toMatch(/\b00\d\b|DOMAIN/);
  });

  it('§2 says which institutions the refusals suggested, with their table', () => {
    const f = composeFigures(
      [...cells, { ...cells[0]!, careKind: null, measure: 'refused_suggested:orp', count: 5 }],
      indicators,
      { publication: 'internal', threshold: 3, regions, institutionKinds: ['orp', 'cms'] },
    );
    const part = annualReport(f, texts, 'fr', 2012, '31.01.2013').sections[0]?.parts[1];
    expect(part?.sentences[0]).toBe('Les refus ont été retournés avec des suggestions d’institutions : ORP 5.');
    expect(part?.table?.key).toBe('refused_by_suggested_institution');
  });
});
