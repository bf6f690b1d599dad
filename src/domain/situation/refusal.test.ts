import { describe, expect, it } from 'vitest';
import { checkRefusalSuggestions, distinctSuggestions } from './refusal.ts';

/** Seed 004 §6: a refusal goes back with suggestions of care or institutional solutions — now naming institutions. */
describe('a refusal’s suggestions', () => {
  const directory = new Map([
    ['orp-sion', 'orp' as const],
    ['cms-sion', 'cms' as const],
  ]);
  it('needs an institution or a note; the institutions named must be the directory’s, of their kind', () => {
    expect(checkRefusalSuggestions([], '  ', directory)).toEqual([{ index: null, problem: 'suggestions_required' }]);
    expect(checkRefusalSuggestions([], 'Suivi ORP ordinaire.', directory)).toEqual([]);
    expect(checkRefusalSuggestions([{ kind: 'oai', institutionId: null }], '', directory)).toEqual([]);
    expect(
      checkRefusalSuggestions(
        [
          { kind: 'orp', institutionId: 'orp-sion' },
          { kind: 'orp', institutionId: 'cms-sion' },
          { kind: 'cms', institutionId: 'nowhere' },
        ],
        '',
        directory,
      ),
    ).toEqual([
      { index: 1, problem: 'kind_mismatch' },
      { index: 2, problem: 'unknown_institution' },
    ]);
  });
  it('keeps each institution once, and a kind only when none of its institutions is named', () => {
    const s = (kind: 'orp' | 'cms', institutionId: string | null) => ({ kind, institutionId });
    expect(distinctSuggestions([s('orp', null), s('orp', 'orp-sion'), s('orp', 'orp-sion'), s('cms', null)])).toEqual([
      s('orp', 'orp-sion'),
      s('cms', null),
    ]);
  });
});
