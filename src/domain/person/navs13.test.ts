import { describe, expect, it } from 'vitest';
import { checkNavs13, navs13CheckDigit } from './navs13.ts';

describe('NAVS13 (DOMAIN.md §3, eCH-0044)', () => {
  it('accepts the example of DOMAIN.md, with or without dots', () => {
    expect(checkNavs13('756.9217.0769.85')).toEqual({ ok: true, value: '756.9217.0769.85' });
    expect(checkNavs13('7569217076985')).toEqual({ ok: true, value: '756.9217.0769.85' });
    expect(checkNavs13(' 756 9217 0769 85 ')).toEqual({ ok: true, value: '756.9217.0769.85' });
  });
  it('computes the EAN-13 check digit', () => {
    expect(navs13CheckDigit('756921707698')).toBe(5);
    expect(navs13CheckDigit('756123456789')).toBe(7);
  });
  it('says what is wrong: length, prefix, check digit, characters', () => {
    expect(checkNavs13('756.9217.0769.8')).toEqual({ ok: false, problem: 'length' });
    expect(checkNavs13('757.9217.0769.85')).toEqual({ ok: false, problem: 'prefix' });
    expect(checkNavs13('756.9217.0769.86')).toEqual({ ok: false, problem: 'check_digit' });
    expect(checkNavs13('756.9217.0769.8X')).toEqual({ ok: false, problem: 'characters' });
  });
});
