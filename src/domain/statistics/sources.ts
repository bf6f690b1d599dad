import type { Text } from './vocabulary.ts';

/**
 * The documents a figure's definition follows, named as a reader of the figures knows them (issue 13): the
 * definitions cite the seeds by number ("004 §6", "000") and the specification ("DOMAIN §7"), which a member of the
 * COPIL has never seen; the screens, files and reports say "Rapport annuel CII 2012, §6" instead. The project's
 * internal records (the specification, its decisions) are left out where a document is cited with them; alone, the
 * specification is named as the platform's documentation, published with it. German names Sion "Sitten".
 */
const DOCUMENTS: [RegExp, Text][] = [
  [/\b000\b/g, { fr: 'Article CII « Prise en charge en tandem »', de: 'IIZ-Artikel «Tandem-Begleitung»' }],
  [/\b001\b/g, { fr: 'Article « ORP et aide sociale »', de: 'Artikel «RAV und Sozialhilfe»' }],
  [/\b002\b/g, { fr: 'Descriptif de la mesure tandem CII', de: 'Beschreibung der IIZ-Tandem-Massnahme' }],
  [/\b003\b/g, { fr: 'Descriptif coaching ORP-CMS (2023)', de: 'Beschreibung Coaching RAV-SMZ (2023)' }],
  [/\b004\b/g, { fr: 'Rapport annuel CII 2012', de: 'IIZ-Jahresbericht 2012' }],
  [/\bDOMAIN\b/g, { fr: 'Documentation de la plateforme Tandem', de: 'Dokumentation der Plattform Tandem' }],
  [/\bSion\b/g, { fr: 'Sion', de: 'Sitten' }],
];

/** "004 §6, DOMAIN §7" → "004 §6"; "DOMAIN §5; 002, 003" → "002, 003"; a decision is never cited to a reader. */
function withoutInternal(code: string): string {
  const internal = /^(DOMAIN §[\d.]+|decision \d{3})$/;
  const parts = code.split(/(?<=^[^()]*(?:\([^()]*\)[^()]*)*)[,;] /).map((p) => p.trim());
  const kept = parts.filter((p) => !internal.test(p));
  const published = kept.length > 0 ? kept : parts.filter((p) => p.startsWith('DOMAIN'));
  return published.join('; ');
}

export function readableSource(code: string): Text {
  const read = (lang: 'fr' | 'de') => {
    let s = withoutInternal(code);
    for (const [pattern, name] of DOCUMENTS) s = s.replace(pattern, name[lang]);
    // "Rapport annuel CII 2012 §6" → "…, §6"; French puts a space before : ; ! ? (a no-break one).
    s = s.replace(/ (§[\d.]+)/g, ', $1');
    return lang === 'fr' ? s.replace(/(\S) ?([:;!?])/g, '$1\u00a0$2') : s;
  };
  return { fr: read('fr'), de: read('de') };
}
