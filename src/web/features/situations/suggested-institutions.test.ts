import { describe, expect, it } from 'vitest';
import { suggestableKinds, suggestedName } from './suggested-institutions.ts';

const any = (kind: string, lang: 'fr' | 'de') =>
  suggestedName({ kind: kind as 'cms', institutionId: null, nameFr: null, nameDe: null }, lang);

describe('the institutions a refusal suggests (issue 13)', () => {
  it('offers "any <kind>" only for a kind with several institutions, not beside its only one', () => {
    const institutions = [
      { kind: 'cms', active: true },
      { kind: 'cms', active: true },
      { kind: 'addiction_valais', active: true },
      { kind: 'suva', active: true },
      { kind: 'oai', active: true },
      { kind: 'oai', active: false },
    ];
    expect(suggestableKinds(['cms', 'addiction_valais', 'suva', 'oai', 'commune', 'bureau_cii'], institutions)).toEqual(
      ['cms', 'commune'],
    );
  });

  it('says "any CMS" naturally in each language, with no double bracket', () => {
    expect(any('cms', 'fr')).toBe('tout CMS (aide sociale)');
    expect(any('cms', 'de')).toBe('jede SMZ-Stelle (Sozialhilfe)');
    expect(any('commune', 'fr')).toBe('toute commune');
    for (const kind of ['orp', 'cms', 'oai', 'osp', 'addiction_valais', 'suva', 'sas', 'sict_lmmt', 'commune'])
      for (const lang of ['fr', 'de'] as const) {
        expect(any(kind, lang)).not.toMatch(/\).*\(/);
        expect(any(kind, lang)).not.toMatch(/toute institution de ce type|beliebige Stelle/);
      }
  });
});
