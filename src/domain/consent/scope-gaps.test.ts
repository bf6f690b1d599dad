import { describe, expect, it } from 'vitest';
import { scopeGaps } from './scope-gaps.ts';

describe('what a narrower procuration will prevent', () => {
  const orp = { id: 'orp', kind: 'orp' as const };
  const cms = { id: 'cms', kind: 'cms' as const };
  const bureau = { id: 'bureau', kind: 'bureau_cii' as const };
  it('nothing for the scope a tandem needs: the announcer, the ORP, the CMS and the Bureau CII', () => {
    expect(scopeGaps([orp, cms, bureau], 'orp')).toEqual([]);
  });
  it('names each missing part', () => {
    expect(scopeGaps([orp, bureau], 'orp')).toEqual(['cms']);
    expect(scopeGaps([cms], 'orp')).toEqual(['announcer', 'bureau', 'orp']);
    expect(scopeGaps([], 'orp')).toEqual(['announcer', 'bureau', 'orp', 'cms']);
  });
});
