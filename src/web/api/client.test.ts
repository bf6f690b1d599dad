import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';

describe('the API error of a form', () => {
  const error = () =>
    new ApiError(400, {
      error: {
        code: 'validation',
        message: 'Certaines données sont invalides.',
        fields: [
          { path: 'person.navs13', message: 'Le chiffre de contrôle est faux.' },
          { path: 'person.birthDate', message: 'La date de naissance ne peut pas être dans le futur.' },
          { path: 'person.birthDate', message: 'Format invalide.' },
          { path: 'person.birthDate', message: 'Format invalide.' },
          { path: 'consent', message: 'Une procuration valable est nécessaire.' },
        ],
      },
    });

  it('keeps every message of a field, each once', () => {
    expect(error().fields['person.birthDate']).toBe(
      'La date de naissance ne peut pas être dans le futur. Format invalide.',
    );
  });

  it('lists the messages no field on screen has shown, so that all are seen at once', () => {
    const e = error();
    expect(e.unshownFieldMessages()).toHaveLength(3);
    expect(e.fieldMessage('person.navs13')).toBe('Le chiffre de contrôle est faux.');
    expect(e.fieldMessage('person.birthDate')).toMatch(/futur/);
    expect(e.fieldMessage('person.sex')).toBeUndefined();
    expect(e.unshownFieldMessages()).toEqual(['Une procuration valable est nécessaire.']);
  });
});
