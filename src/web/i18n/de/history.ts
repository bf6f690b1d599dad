import type { frHistory } from '../fr/history.ts';

/** Der Import der Historie (Issue 13) und die Kennzeichnung einer importierten Situation. */
export const deHistory: Record<keyof typeof frHistory, string> = {
  'nav.history': 'Import der Historie',
  'history.title': 'Historie der IIZ importieren',
  'history.intro':
    'Übernehmen Sie die Situationen der vergangenen Jahre (Datenbank ASGAL), damit die Kennzahlen die ganze ' +
    'Geschichte der IIZ abdecken. Laden Sie die Vorlage herunter, füllen Sie eine Zeile pro Situation aus, prüfen ' +
    'Sie die Datei und importieren Sie sie dann.',
  'history.anonymous':
    'Importierte Situationen sind anonym: kein Name, nie einer Person zugeordnet. Nur entschiedene Situationen und ' +
    'beendete Begleitungen werden importiert; eine laufende Situation wird in Tandem erfasst. Dieselbe Datei ' +
    'erneut zu importieren ändert nichts (externer Schlüssel jeder Zeile), ausser Sie wählen «korrigieren».',
  'history.templateXlsx': 'Vorlage (Excel, mit Erläuterungen)',
  'history.templateCsv': 'Vorlage (CSV)',
  'history.file': 'Zu importierende Datei',
  'history.fileHint': 'CSV (mit Strichpunkten oder Kommas getrennt) oder Excel-Arbeitsmappe (.xlsx).',
  'history.check': 'Prüfen (ohne etwas zu ändern)',
  'history.import': 'Importieren',
  'history.dryRunResult':
    'Prüfung: {rows} Zeilen gelesen, {imported} würden importiert, {unchanged} schon importiert, {rejected} ' +
    'abgelehnt. Nichts wurde geändert.',
  'history.importResult':
    'Import abgeschlossen: {imported} Situationen importiert, {unchanged} schon importiert (unverändert), ' +
    '{rejected} Zeilen abgelehnt.',
  'history.correct': 'Bereits importierte Situationen korrigieren',
  'history.correctHint':
    'Eine Zeile, deren externer Schlüssel schon importiert wurde, ersetzt das Importierte, wenn sich ihre Werte ' +
    'geändert haben (Daten, Region, Institution, Entscheid, Begleitungen, Nachkontrollen). Jede Korrektur wird ' +
    'protokolliert. Prüfen Sie zuerst: die Liste zeigt, welche Situationen korrigiert würden.',
  'history.correctedResult':
    '{corrected, plural, one {# bereits importierte Situation korrigiert.} ' +
    'other {# bereits importierte Situationen korrigiert.}}',
  'history.wouldCorrect':
    '{corrected, plural, one {# bereits importierte Situation würde korrigiert.} ' +
    'other {# bereits importierte Situationen würden korrigiert.}}',
  'history.correctedCaption': 'Korrigierte Situationen (externer Schlüssel und geänderte Spalten)',
  'history.wouldCorrectCaption': 'Situationen, die korrigiert würden (externer Schlüssel und geänderte Spalten)',
  'history.differing':
    '{differing, plural, one {Von den bereits importierten weicht # von der Datei ab; sie bleibt unverändert.} ' +
    'other {Von den bereits importierten weichen # von der Datei ab; sie bleiben unverändert.}} ' +
    'Wählen Sie «Bereits importierte Situationen korrigieren», um diese Änderungen zu übernehmen.',
  'history.differingCaption':
    'Bereits importierte Situationen, die von der Datei abweichen, nicht korrigiert (geänderte Spalten)',
  'history.columns': 'Geänderte Spalten',
  'history.rejectedCaption': 'Abgelehnte Zeilen: korrigieren Sie sie in der Datei und importieren Sie sie erneut.',
  'history.line': 'Zeile',
  'history.key': 'Externer Schlüssel',
  'history.reasons': 'Gründe',
  'history.imported': 'Importiert',
  'history.importedHint': 'Aus der Historie der IIZ importiert: anonym, in den Kennzahlen gezählt.',
};
