import { describe, expect, it } from 'vitest';
import { hasVisibleText, visibleLength } from './visible-text.ts';

describe('visible characters of required free text', () => {
  it('counts letters, digits and punctuation, also beyond the BMP', () => {
    expect(visibleLength('vu au dossier')).toBe(11);
    expect(visibleLength('Zoé 👍')).toBe(4);
  });
  it('does not count whitespace, zero-width characters, the BOM, other format characters or fillers', () => {
    expect(visibleLength('\u200B\u200B\u200B')).toBe(0);
    expect(visibleLength('\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F\u202E')).toBe(0);
    expect(visibleLength(' \t\n\u00A0\u2003\u3000')).toBe(0);
    expect(visibleLength('\u3164\u2800\u115F')).toBe(0);
    expect(visibleLength('\u200Bok\u200B')).toBe(2);
  });
  it('says whether a text has at least so many visible characters', () => {
    expect(hasVisibleText('\u200B \u200B')).toBe(false);
    expect(hasVisibleText('a')).toBe(true);
    expect(hasVisibleText('ab\u200B\u200B', 3)).toBe(false);
    expect(hasVisibleText('abc', 3)).toBe(true);
  });
});
