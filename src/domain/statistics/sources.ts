import type { Text } from './vocabulary.ts';

/**
 * The documents a figure's definition follows, named as a reader of the figures knows them (issue 13): the
 * definitions cite the seeds by number ("004 §6", "000") and the specification ("DOMAIN §7"), which a member of the
 * COPIL has never seen; the screens, files and reports say "Rapport annuel CII 2012, §6" instead.
 */
const DOCUMENTS: [RegExp, Text][] = [
  [/\b000\b/g, { fr: 'Article CII « Prise en charge en tandem »', de: 'IIZ-Artikel «Tandem-Begleitung»' }],
  [/\b001\b/g, { fr: 'Article « ORP et aide sociale »', de: 'Artikel «RAV und Sozialhilfe»' }],
  [/\b002\b/g, { fr: 'Descriptif de la mesure tandem CII', de: 'Beschreibung der IIZ-Tandem-Massnahme' }],
  [/\b003\b/g, { fr: 'Descriptif coaching ORP-CMS (2023)', de: 'Beschreibung Coaching RAV-SMZ (2023)' }],
  [/\b004\b/g, { fr: 'Rapport annuel CII 2012', de: 'IIZ-Jahresbericht 2012' }],
  [/\bDOMAIN\b/g, { fr: 'Règles de la plateforme Tandem', de: 'Regeln der Plattform Tandem' }],
  [/\bdecision (\d{3})\b/g, { fr: 'décision de projet $1', de: 'Projektentscheid $1' }],
];

export function readableSource(code: string): Text {
  const read = (lang: 'fr' | 'de') => {
    let s = code;
    for (const [pattern, name] of DOCUMENTS) s = s.replace(pattern, name[lang]);
    // "Rapport annuel CII 2012 §6" → "…, §6"; the French colon has a space before it.
    s = s.replace(/ (§[\d.]+)/g, ', $1');
    return lang === 'fr' ? s.replace(/(\S):/g, '$1 :') : s;
  };
  return { fr: read('fr'), de: read('de') };
}
