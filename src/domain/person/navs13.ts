/**
 * The AVS number NAVS13 (eCH-0044 person identification): 756, nine digits,
 * an EAN-13 check digit — weights 1 and 3 alternating from the left of the
 * first twelve digits (3 and 1 from the right), check = (10 − sum mod 10) mod 10.
 * Written 756.XXXX.XXXX.XX; accepted with or without the dots and spaces.
 */
export type Navs13Problem = 'length' | 'prefix' | 'check_digit' | 'characters';

export function navs13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function checkNavs13(input: string): { ok: true; value: string } | { ok: false; problem: Navs13Problem } {
  const compact = input.replace(/[.\s]/g, '');
  if (!/^\d*$/.test(compact)) return { ok: false, problem: 'characters' };
  if (compact.length !== 13) return { ok: false, problem: 'length' };
  if (!compact.startsWith('756')) return { ok: false, problem: 'prefix' };
  if (navs13CheckDigit(compact.slice(0, 12)) !== Number(compact[12])) return { ok: false, problem: 'check_digit' };
  return { ok: true, value: formatNavs13(compact) };
}

export function formatNavs13(compact: string): string {
  return `${compact.slice(0, 3)}.${compact.slice(3, 7)}.${compact.slice(7, 11)}.${compact.slice(11, 13)}`;
}
