import { describe, expect, it } from 'vitest';
import { messageParameters } from '../../../domain/format/message.ts';
import { frenchInGerman } from '../../../domain/format/french-only.ts';
import { USERS_TEXT } from './users-text.ts';

/** The users screens' own words (a lazy dictionary) exist in French and German with the same parameters. */
describe('users screens’ words', () => {
  it('have the same keys and parameters in both languages, and no French left in German', () => {
    expect(Object.keys(USERS_TEXT.de).sort()).toEqual(Object.keys(USERS_TEXT.fr).sort());
    for (const [key, fr] of Object.entries(USERS_TEXT.fr)) {
      const de = USERS_TEXT.de[key as keyof typeof USERS_TEXT.de];
      expect(messageParameters(de), key).toEqual(messageParameters(fr));
      expect(frenchInGerman(de), key).toEqual([]);
    }
  });
});
