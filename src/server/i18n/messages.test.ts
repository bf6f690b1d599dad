import { describe, expect, it } from 'vitest';
import { FRENCH_ONLY_PATTERNS, PLURAL_SHORTCUT } from '../../domain/format/french-only.ts';
import { formatMessage, messageParameters } from '../../domain/format/message.ts';
import { MESSAGES, languageFromHeader, translate } from './messages.ts';

describe('server messages', () => {
  it('exist in French and German for every key, with the same parameters', () => {
    expect(Object.keys(MESSAGES.de).sort()).toEqual(Object.keys(MESSAGES.fr).sort());
    for (const lang of ['fr', 'de'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[lang])) expect(text.trim(), `${lang}:${key}`).not.toBe('');
    }
    for (const key of Object.keys(MESSAGES.fr))
      expect(messageParameters(MESSAGES.de[key] ?? ''), key).toEqual(messageParameters(MESSAGES.fr[key] ?? ''));
  });
  it('fill parameters and pick the language from Accept-Language', () => {
    expect(translate('de', 'password.tooShort', { min: 12 })).toBe(
      'Das Passwort muss mindestens 12 Zeichen lang sein.',
    );
    expect(languageFromHeader('de-CH,de;q=0.9,en;q=0.8')).toBe('de');
    expect(languageFromHeader('en-US,fr;q=0.5')).toBe('fr');
    expect(languageFromHeader(undefined)).toBe('fr');
  });
  it('write every count with its form', () => {
    expect(translate('fr', 'error.rateLimited', { minutes: 1 })).toBe('Trop de tentatives. Réessayez dans 1 minute.');
    expect(translate('de', 'error.rateLimited', { minutes: 5 })).toBe(
      'Zu viele Versuche. Bitte versuchen Sie es in 5 Minuten erneut.',
    );
    expect(translate('fr', 'field.tooShort', { min: 3 })).toBe('Au moins 3 caractères.');
    for (const lang of ['fr', 'de'] as const)
      expect(Object.entries(MESSAGES[lang]).filter(([, text]) => PLURAL_SHORTCUT.test(text))).toEqual([]);
  });
  it.each(FRENCH_ONLY_PATTERNS.map((p) => [p.what, p.pattern] as const))('in German contain no %s', (_, pattern) => {
    const read = (text: string, n: number) =>
      formatMessage(text, Object.fromEntries(messageParameters(text).map((p) => [p, n])), 'de');
    const offending = Object.entries(MESSAGES.de).filter(([, text]) =>
      [1, 2].some((n) => pattern.test(read(text, n)) || pattern.test(text)),
    );
    expect(offending).toEqual([]);
  });
});
