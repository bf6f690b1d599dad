import { describe, expect, it } from 'vitest';
import { MESSAGES, languageFromHeader, translate } from './messages.ts';

describe('server messages', () => {
  it('exist in French and German for every key', () => {
    expect(Object.keys(MESSAGES.de).sort()).toEqual(Object.keys(MESSAGES.fr).sort());
    for (const lang of ['fr', 'de'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[lang])) expect(text.trim(), `${lang}:${key}`).not.toBe('');
    }
  });
  it('fill parameters and pick the language from Accept-Language', () => {
    expect(translate('de', 'password.tooShort', { min: 12 })).toBe(
      'Das Passwort muss mindestens 12 Zeichen lang sein.',
    );
    expect(languageFromHeader('de-CH,de;q=0.9,en;q=0.8')).toBe('de');
    expect(languageFromHeader('en-US,fr;q=0.5')).toBe('fr');
    expect(languageFromHeader(undefined)).toBe('fr');
  });
});
