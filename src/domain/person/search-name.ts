/** Names compared "up to accents and case": Évéquoz ≡ EVEQUOZ ≡ evequoz. */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const personSearchName = (officialName: string, firstNames: string) =>
  `${foldName(officialName)} ${foldName(firstNames)}`.trim();
