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
      fr: 'Rapport annuel CII 2012, §6',
      de: 'IIZ-Jahresbericht 2012, §6',
    });
    expect(readableSource('004 §6 (2012: 97, > 2/3)').fr).toBe('Rapport annuel CII 2012, §6 (2012\u00a0: 97, > 2/3)');
    expect(readableSource('004 §6 (ASGAL), decision 025').de).toBe('IIZ-Jahresbericht 2012, §6 (ASGAL)');
  });

  it('cites no internal record a COPIL reader cannot find; German says Sitten; French spaces before ; and :', () => {
    expect(readableSource('000, 002, 003, decision 027').fr).not.toContain('décision');
    expect(readableSource('DOMAIN §4.2')).toEqual({
      fr: 'Documentation de la plateforme Tandem, §4.2',
      de: 'Dokumentation der Plattform Tandem, §4.2',
    });
    expect(readableSource('DOMAIN §5; 002, 003').fr).not.toContain('plateforme');
    const tandems = readableSource('004 §6 (2012: 26 = 24 Sion + 2 Monthey)');
    expect(tandems.de).toContain('24 Sitten + 2 Monthey');
    expect(tandems.fr).toContain('24 Sion + 2 Monthey');
    const rates = readableSource('000 (39 ≈ 46 %); 004 (2012: 13 / 19 = 68 %)');
    expect(rates.fr).toContain('(39 ≈ 46 %)\u00a0; Rapport annuel CII 2012 (2012\u00a0: 13');
    expect(rates.de).toContain('(39 ≈ 46 %); IIZ-Jahresbericht 2012 (2012: 13');
  });
});
