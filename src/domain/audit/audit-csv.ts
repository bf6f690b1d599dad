import type { Language } from '../access/roles.ts';
import { auditActionLabel, auditRecordTypeLabel } from './action-labels.ts';
import { csvCell } from '../text/csv-cell.ts';

/** One line of the export: what the audit page shows of a row, the person's name only where the reader sees it. */
export interface AuditCsvRow {
  id: string;
  seq: number | null;
  at: string; // ISO instant
  actorName: string | null;
  actorInstitutionName: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  recordName: string | null;
  situationNumber: string | null;
  personName: string | null;
  ip: string | null;
  allowed: boolean;
}

const HEAD: Record<Language, string[]> = {
  fr: [
    'Date et heure',
    'Utilisateur',
    'Institution',
    'Action',
    'Code de l’action',
    'Type d’enregistrement',
    'Enregistrement',
    'Identifiant de l’enregistrement',
    'Situation',
    'Personne',
    'Adresse IP',
    'Résultat',
    'Position dans la chaîne',
    'N° de l’entrée',
  ],
  de: [
    'Datum und Zeit',
    'Benutzer',
    'Institution',
    'Aktion',
    'Code der Aktion',
    'Art des Datensatzes',
    'Datensatz',
    'Kennung des Datensatzes',
    'Situation',
    'Person',
    'IP-Adresse',
    'Ergebnis',
    'Position in der Kette',
    'Nr. des Eintrags',
  ],
};

const WORDS = {
  fr: { system: 'Système', allowed: 'Autorisé', denied: 'Refusé' },
  de: { system: 'System', allowed: 'Erlaubt', denied: 'Verweigert' },
} as const;

/** Built once: an export formats up to 10,000 rows. */
const SECONDS = new Intl.DateTimeFormat('de-CH', {
  timeZone: 'Europe/Zurich',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** dd.mm.yyyy HH:MM:SS in Switzerland's time, whatever the server's zone: an audit entry is read to the second. */
export function swissDateTimeSeconds(iso: string): string {
  const p = Object.fromEntries(SECONDS.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** A cell for Swiss spreadsheets: the exports' one (`src/domain/text/csv-cell.ts`). */
export { csvCell };

/**
 * The audit export in the reader's language: a header line, one line per row, CRLF line ends as spreadsheets
 * write them; a last line says when the export stopped at its bound (`truncatedAt`), so that nobody takes a partial
 * file for the whole log. The byte-order mark is the route's (it belongs to the file, not the text).
 */
export function auditCsv(rows: readonly AuditCsvRow[], lang: Language, truncatedAt: number | null): string {
  const w = WORDS[lang];
  const lines = [HEAD[lang].map(csvCell).join(';')];
  for (const r of rows) {
    lines.push(
      [
        swissDateTimeSeconds(r.at),
        r.actorName ?? w.system,
        r.actorInstitutionName,
        auditActionLabel(r.action, lang),
        r.action,
        auditRecordTypeLabel(r.recordType, lang),
        r.recordName,
        r.recordId,
        r.situationNumber,
        r.personName,
        r.ip,
        r.allowed ? w.allowed : w.denied,
        r.seq,
        r.id,
      ]
        .map(csvCell)
        .join(';'),
    );
  }
  if (truncatedAt !== null) {
    lines.push(
      csvCell(
        lang === 'de'
          ? `Export auf die ${truncatedAt} neuesten Einträge begrenzt: Filter enger setzen, um den Rest zu erhalten.`
          : `Export limité aux ${truncatedAt} entrées les plus récentes : resserrez les filtres pour obtenir la suite.`,
      ),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
