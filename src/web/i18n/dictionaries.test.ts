import { describe, expect, it } from 'vitest';
import { ROLES, INSTITUTION_KINDS } from '../../domain/access/roles.ts';
import { formatMessage, messageParameters } from '../../domain/format/message.ts';
import { FRENCH_ONLY_PATTERNS, PLURAL_SHORTCUT } from '../../domain/format/french-only.ts';
import { de } from './de/index.ts';
import { fr } from './fr/index.ts';

describe('web dictionaries', () => {
  it('have the same keys in French and German, none empty, same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(de[key].trim(), key).not.toBe('');
      expect(messageParameters(de[key]), key).toEqual(messageParameters(fr[key]));
    }
  });
  it('name every role and institution kind', () => {
    for (const role of ROLES) expect(fr).toHaveProperty(`role.${role}`);
    for (const kind of INSTITUTION_KINDS) expect(fr).toHaveProperty(`kind.${kind}`);
  });
});

describe('German web texts', () => {
  it.each(FRENCH_ONLY_PATTERNS.map((p) => [p.what, p.pattern] as const))('contain no %s', (_, pattern) => {
    // Read as a person sees them: counts of 1 and 2 filled in, so that every form of a plural is read.
    const offending = Object.entries(de).filter(([, text]) =>
      [1, 2].some((n) => pattern.test(fillAll(text, n)) || pattern.test(text)),
    );
    expect(offending).toEqual([]);
  });
});

describe('counts', () => {
  it('use a form per count in both languages, no "(s)" left', () => {
    const all = [
      ...Object.entries(fr).map(([k, v]) => [`web fr ${k}`, v] as const),
      ...Object.entries(de).map(([k, v]) => [`web de ${k}`, v] as const),
    ];
    expect(all.filter(([, text]) => PLURAL_SHORTCUT.test(text))).toEqual([]);
  });
  it('read as a person writes them', () => {
    expect(formatMessage(de['sit.waitingDays'], { days: 5 }, 'de')).toBe('5 Tage');
    expect(formatMessage(de['sit.waitingDays'], { days: 1 }, 'de')).toBe('1 Tag');
    expect(formatMessage(fr['home.drafts'], { count: 1 }, 'fr')).toBe('1 brouillon d’annonce à terminer.');
    expect(formatMessage(fr['home.drafts'], { count: 3 }, 'fr')).toBe('3 brouillons d’annonce à terminer.');
    expect(formatMessage(fr['org.importResult'], { created: 1, updated: 0, rejected: 2 }, 'fr')).toBe(
      '1 créée, 0 mise à jour, 2 lignes refusées.',
    );
  });
});

/** Every parameter filled with `n` (a reader's view of the text). */
function fillAll(text: string, n: number): string {
  return formatMessage(text, Object.fromEntries(messageParameters(text).map((p) => [p, n])), 'de');
}
