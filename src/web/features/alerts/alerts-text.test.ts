import { describe, expect, it } from 'vitest';
import { messageParameters } from '../../../domain/format/message.ts';
import { frenchInGerman } from '../../../domain/format/french-only.ts';
import { ALERTS_TEXT } from './alerts-text.ts';

/** Issue 14: the alerts screens' own words exist in French and German with the same parameters. */
describe('alerts screens’ words', () => {
  it('have the same keys and parameters in both languages, and no French left in German', () => {
    expect(Object.keys(ALERTS_TEXT.de).sort()).toEqual(Object.keys(ALERTS_TEXT.fr).sort());
    for (const [key, fr] of Object.entries(ALERTS_TEXT.fr)) {
      const de = ALERTS_TEXT.de[key as keyof typeof ALERTS_TEXT.de];
      expect(messageParameters(de), key).toEqual(messageParameters(fr));
      expect(frenchInGerman(de), key).toEqual([]);
    }
  });
});
