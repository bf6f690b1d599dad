import { describe, expect, it } from 'vitest';
import { sheetScope } from './figures-sheet.ts';
import { readableSource } from './sources.ts';

describe('the files’ header line (CSV, XLSX)', () => {
  it('gives the period in Swiss dates, with the colon of each language', () => {
    const year = { from: '2012-01-01', to: '2012-12-31' };
    expect(sheetScope(year, 'Canton', 'fr')).toBe('Période : 01.01.2012 – 31.12.2012 · Région : Canton');
    expect(sheetScope(year, 'Kanton', 'de')).toBe('Zeitraum: 01.01.2012 – 31.12.2012 · Region: Kanton');
  });
});

describe('the documents a definition follows, as a reader knows them', () => {
  it('names the seeds and the specification as documents, in French and German', () => {
    expect(readableSource('004 §6, DOMAIN §7')).toEqual({
      fr: 'Rapport annuel CII 2012, §6, Règles de la plateforme Tandem, §7',
      de: 'IIZ-Jahresbericht 2012, §6, Regeln der Plattform Tandem, §7',
    });
    expect(readableSource('004 §6 (2012: 97, > 2/3)').fr).toBe('Rapport annuel CII 2012, §6 (2012 : 97, > 2/3)');
    expect(readableSource('004 §6 (ASGAL), decision 025').de).toBe(
      'IIZ-Jahresbericht 2012, §6 (ASGAL), Projektentscheid 025',
    );
  });
});
