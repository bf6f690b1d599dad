/**
 * What a German reader must never see, as patterns over the text they read: French spacing before punctuation,
 * French acronyms of institution kinds (RAV, SMZ, IV-Stelle, BSL, DSW in German), French words, and count
 * shortcuts like "(s)". Used by the unit tests of the dictionaries and server messages and by the journeys' check
 * of every German page (e2e/support/german-check.ts). Add a pattern here and every check applies it; a pattern must
 * not match German text, nor the names and data a German page shows (people, streets, employers).
 */
export interface FrenchOnlyPattern {
  what: string;
  pattern: RegExp;
}

export const FRENCH_ONLY_PATTERNS: FrenchOnlyPattern[] = [
  { what: 'a space before : ; ? or !', pattern: /[ \u00a0\u202f][:;?!](?![\w/])/ },
  { what: 'a French acronym', pattern: /\b(ORP|CMS|OAI|OSP|SAS|SICT|LMMT|AVS)\b/ },
  {
    what: 'French words',
    pattern: /\b(le|la|les|du|une|et|pour|avec|dans|aux|est|sont|ou|votre|vos|nous)\b (?=\p{Ll})/u,
  },
  { what: 'an elided French article', pattern: /\b[dlL]’\p{L}/u },
  { what: 'a count written with "(s)"', pattern: /\p{L}\((s|e|n|en|es|x)\)|\p{L}\/-\p{L}/u },
];

/** Count shortcuts in any language: a count is written with its own form (domain/format/message.ts). */
export const PLURAL_SHORTCUT = /\p{L}\((s|e|n|en|es|x)\)|\p{L}\/-\p{L}|Konto\/Konten/u;

/** The patterns a German text breaks, each with the words around the first match. */
export function frenchInGerman(text: string, patterns = FRENCH_ONLY_PATTERNS): string[] {
  return patterns.flatMap(({ what, pattern }) => {
    const m = pattern.exec(text);
    if (!m) return [];
    const around = text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ');
    return [`${what}: “…${around}…”`];
  });
}
