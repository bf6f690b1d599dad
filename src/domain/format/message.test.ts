import { describe, expect, it } from 'vitest';
import { formatMessage, frenchSpacing, messageParameters, pluralForm, withColon } from './message.ts';

describe('messages with counts', () => {
  const days = '{days, plural, one {# jour} other {# jours}}';
  const tage = '{days, plural, one {# Tag} other {# Tage}}';

  it('picks the form Intl.PluralRules gives in fr-CH and de-CH', () => {
    expect([0, 1, 2, 5].map((n) => formatMessage(days, { days: n }, 'fr'))).toEqual([
      '0 jour',
      '1 jour',
      '2 jours',
      '5 jours',
    ]);
    expect([0, 1, 2, 5].map((n) => formatMessage(tage, { days: n }, 'de'))).toEqual([
      '0 Tage',
      '1 Tag',
      '2 Tage',
      '5 Tage',
    ]);
    expect(pluralForm(1000000, 'fr')).toBe('other');
  });

  it('fills parameters inside and around the forms, an exact value first', () => {
    const template =
      '{count, plural, =0 {Aucun brouillon} one {# brouillon de {name}} other {# brouillons de {name}}} à terminer.';
    expect(formatMessage(template, { count: 0, name: 'Léa' }, 'fr')).toBe('Aucun brouillon à terminer.');
    expect(formatMessage(template, { count: 1, name: 'Léa' }, 'fr')).toBe('1 brouillon de Léa à terminer.');
    expect(formatMessage(template, { count: 3, name: 'Léa' }, 'fr')).toBe('3 brouillons de Léa à terminer.');
    expect(formatMessage('Page {page} sur {pages}', { page: 2 }, 'fr', (n) => `{${n}}`)).toBe('Page 2 sur {pages}');
    expect(formatMessage('Pas de paramètre { ici }.', {}, 'fr')).toBe('Pas de paramètre { ici }.');
  });

  it('names the parameters of a template, plural ones included', () => {
    expect(messageParameters('{count, plural, one {# de {name}} other {# de {name}}} le {date}')).toEqual([
      'count',
      'date',
      'name',
    ]);
  });

  it('writes a colon after a label the way each language does', () => {
    expect(withColon('Rempli', 'fr')).toBe('Rempli\u00a0:');
    expect(withColon('Erfüllt', 'de')).toBe('Erfüllt:');
    expect(frenchSpacing('Tandem : {orp} ; « oui » ? Non !')).toBe(
      'Tandem\u00a0: {orp}\u00a0; «\u00a0oui\u00a0»\u00a0? Non\u00a0!',
    );
  });
});
