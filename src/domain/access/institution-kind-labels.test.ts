import { describe, expect, it } from 'vitest';
import { INSTITUTION_KINDS, LANGUAGES } from './roles.ts';
import { kindDictionary, kindLabel, kindShort } from './institution-kind-labels.ts';

describe('institution kind labels', () => {
  it('say RAV, SMZ, IV-Stelle, BSL and DSW in German, ORP, CMS, OAI, OSP and SAS in French', () => {
    expect(['orp', 'cms', 'oai', 'osp', 'sas'].map((k) => kindShort(k as 'orp', 'de'))).toEqual([
      'RAV',
      'SMZ',
      'IV-Stelle',
      'BSL',
      'DSW',
    ]);
    expect(['orp', 'cms', 'oai', 'osp', 'sas'].map((k) => kindShort(k as 'orp', 'fr'))).toEqual([
      'ORP',
      'CMS',
      'OAI',
      'OSP',
      'SAS',
    ]);
    expect(kindLabel('cms', 'de')).toBe('SMZ (Sozialhilfe)');
  });

  it('name every kind in both languages, German without a French acronym', () => {
    for (const lang of LANGUAGES)
      for (const kind of INSTITUTION_KINDS) {
        expect(kindShort(kind, lang).trim(), `${lang}:${kind}`).not.toBe('');
        expect(kindDictionary(lang)[`kind.${kind}`]).toBe(kindLabel(kind, lang));
      }
    for (const kind of INSTITUTION_KINDS)
      expect(`${kindShort(kind, 'de')} ${kindLabel(kind, 'de')}`).not.toMatch(/\b(ORP|CMS|OAI|OSP|SAS)\b/);
  });
});
