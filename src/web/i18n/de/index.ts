import { kindDictionary } from '../../../domain/access/institution-kind-labels.ts';
import type { MessageKey } from '../fr/index.ts';
import { deSituations } from './situations.ts';
import { deTandem } from './tandem.ts';
import { deTandemFile } from './tandem-file.ts';
import { deAssessments } from './assessments.ts';
import { deMeasures } from './measures.ts';
import { deFigures } from './figures.ts';
import { deAnnualReport } from './annual-report.ts';
import { deHistory } from './history.ts';
import { deAlerts } from './alerts.ts';
import { deRoundTables } from './round-tables.ts';
import { deCare } from './care.ts';

export const de: Record<MessageKey, string> = {
  'app.name': 'Tandem',
  'app.tagline': 'Interinstitutionelle Zusammenarbeit (IIZ) Wallis',
  'app.skipToContent': 'Zum Inhalt springen',
  'app.language': 'Sprache',
  'app.loading': 'Wird geladen…',
  'app.save': 'Speichern',
  'app.cancel': 'Abbrechen',
  'app.create': 'Erstellen',
  'app.edit': 'Bearbeiten',
  'app.close': 'Schliessen',
  'app.search': 'Suchen',
  'app.yes': 'Ja',
  'app.no': 'Nein',
  'app.actions': 'Aktionen',
  'app.none': '—',
  'app.saved': 'Gespeichert.',
  'app.error': 'Fehler',
  'app.pageOf': 'Seite {page} von {pages} · {total, plural, one {# Eintrag} other {# Einträge}}',
  'app.previousPage': 'Vorherige Seite',
  'app.nextPage': 'Nächste Seite',
  'app.firstPage': 'Erste Seite',
  'app.lastPage': 'Letzte Seite',
  'app.goToPage': 'Seite {page}',
  'app.notFound.title': 'Seite nicht gefunden',
  'app.notFound.text': 'Diese Seite existiert nicht oder Sie haben keinen Zugang.',
  'app.backHome': 'Zurück zur Startseite',
  'app.datePlaceholder': 'tt.mm.jjjj',
  'app.dateInvalid': 'Ungültiges Datum (tt.mm.jjjj).',

  'nav.home': 'Startseite',
  'nav.users': 'Benutzer',
  'nav.organisations': 'Organisationen',
  'nav.audit': 'Audit-Protokoll',
  'nav.profile': 'Mein Profil',
  'nav.outbox': 'Ausgehende E-Mails',
  'outbox.aboutSituation': 'Inhalt eines Dossiers: hier nicht herunterladbar',
  'outbox.title': 'Ausgehende E-Mails',
  'outbox.intro':
    'E-Mails werden per SMTP versandt, wenn es konfiguriert ist (SMTP_URL); sonst warten sie hier und jede kann ' +
    'als .eml-Datei heruntergeladen werden, ausser jenen mit dem Inhalt eines Dossiers (Monatsberichte, beim ' +
    'Abschluss zurückgezogene Massnahmen), die den ' +
    'Personen vorbehalten sind, welche die Situation begleiten. Ein nicht erreichbarer Server verzögert den ' +
    'Versand, ohne ihn zu verlieren oder zu verdoppeln.',
  'outbox.created': 'Erstellt am',
  'outbox.to': 'Empfänger',
  'outbox.subject': 'Betreff',
  'outbox.status': 'Status',
  'outbox.attempts': 'Versuche',
  'outbox.file': 'Datei',
  'outbox.sent': 'Gesendet am {time}',
  'outbox.pending': 'Ausstehend',
  'outbox.nextAttempt': 'Nächster Versuch {time}',
  'outbox.download': 'Herunterladen (.eml)',
  'outbox.none': 'Keine E-Mails.',
  'nav.signOut': 'Abmelden',
  'nav.main': 'Hauptnavigation',

  'signIn.title': 'Anmeldung',
  'signIn.intro': 'Melden Sie sich mit dem Konto an, das Sie von der IIZ-Administration erhalten haben.',
  'signIn.username': 'Benutzername',
  'signIn.password': 'Passwort',
  'signIn.submit': 'Anmelden',
  'signIn.signedOut': 'Sie sind abgemeldet.',

  'home.title': 'Guten Tag {name}',
  'home.attention': 'Zu erledigen',
  'home.nothing': 'Im Moment ist nichts zu erledigen.',
  'home.changePassword': 'Ihr Passwort ist vorläufig: Wählen Sie ein neues.',
  'home.changePasswordAction': 'Passwort ändern',
  'home.lockedAccounts':
    '{count, plural, one {# Konto, bei dem} other {# Konten, bei denen}} die Anmeldung nach wiederholten ' +
    'Fehlversuchen von mindestens einer Adresse aus gesperrt ist.',
  'home.lockedAccountsAction': 'Benutzer anzeigen',
  'home.yourRoles': 'Ihre Rollen',
  'home.yourInstitution': 'Ihre Institution',

  'profile.title': 'Mein Profil',
  'profile.language': 'Sprache der Oberfläche, der E-Mails und der Dokumente',
  'profile.password': 'Passwort ändern',
  'profile.currentPassword': 'Aktuelles Passwort',
  'profile.newPassword': 'Neues Passwort',
  'profile.newPasswordHint': 'Mindestens 12 Zeichen; ein leicht zu merkender Satz eignet sich gut.',
  'profile.confirmPassword': 'Neues Passwort bestätigen',
  'profile.passwordsDiffer': 'Die beiden Passwörter stimmen nicht überein.',
  'profile.passwordChanged': 'Passwort geändert. Ihre anderen Sitzungen wurden beendet.',
  'profile.mustChange': 'Ihr Passwort ist vorläufig. Wählen Sie ein neues, um fortzufahren.',

  'org.title': 'Organisationen',
  'org.regions': 'Regionen',
  'org.institutions': 'Institutionen',
  'org.offices': 'Stellen',
  'org.communes': 'Gemeinden',
  'org.import': 'Gemeinden importieren',
  'org.code': 'Code',
  'org.nameFr': 'Name (Französisch)',
  'org.nameDe': 'Name (Deutsch)',
  'org.name': 'Name',
  'org.kind': 'Typ',
  'org.region': 'Region',
  'org.commune': 'Gemeinde',
  'org.institution': 'Institution',
  'org.address': 'Adresse',
  'org.active': 'Aktiv',
  'org.bfsNumber': 'BFS-Nr.',
  'org.canton': 'Kanton',
  'org.district': 'Bezirk',
  'org.language': 'Sprache',
  'org.new': 'Hinzufügen',
  'org.importIntro':
    'CSV-Datei (Komma oder Semikolon als Trennzeichen) mit den Spalten: BFS-Nummer, Name, Kanton, Bezirk, ' +
    'Sprache (fr oder de). Bestehende Gemeinden werden anhand ihrer BFS-Nummer aktualisiert.',
  'org.importFile': 'CSV-Datei',
  'org.importRun': 'Importieren',
  'org.importResult':
    '{created} erstellt, {updated} aktualisiert, {rejected, plural, one {# Zeile} other {# Zeilen}} abgelehnt.',
  'org.importLine': 'Zeile {line}',

  'audit.title': 'Audit-Protokoll',
  'audit.intro':
    'Jeder Zugriff auf und jede Änderung von Personendaten und jede Verwaltungsaktion, mit Urheber. Das ' +
    'Protokoll kann weder geändert noch gelöscht werden; die Prüfung berechnet die signierte Hash-Kette neu und ' +
    'vergleicht sie mit den ausserhalb der Datenbank gespeicherten Kontrollpunkten.',
  'audit.when': 'Datum',
  'audit.who': 'Wer',
  'audit.action': 'Aktion',
  'audit.record': 'Datensatz',
  'audit.ip': 'IP-Adresse',
  'audit.result': 'Ergebnis',
  'audit.allowed': 'Erlaubt',
  'audit.denied': 'Verweigert',
  'audit.filterUser': 'Benutzer',
  'audit.from': 'Von',
  'audit.to': 'Bis',
  'audit.verify': 'Kette prüfen',
  'audit.chainOk': 'Kette intakt: {checked, plural, one {# Eintrag} other {# Einträge}} geprüft.',
  'audit.checkpointCompared':
    'Verglichen mit dem letzten ausserhalb der Datenbank gespeicherten Kontrollpunkt: Position {seq}, {at}.',
  'audit.noCheckpoint':
    'Kein Kontrollpunkt ausserhalb der Datenbank: Das Löschen der letzten Einträge würde nicht erkannt.',
  'audit.chainBroken': 'Kette unterbrochen an Position {seq}: {reason}.',
  'audit.reason.hash_mismatch': 'Ein Eintrag wurde geändert (sein Hash stimmt nicht mehr)',
  'audit.reason.missing_row': 'Ein Eintrag wurde gelöscht',
  'audit.reason.missing_tail':
    'Die letzten Einträge wurden gelöscht (ein Kontrollpunkt ausserhalb der Datenbank zählte mehr)',
  'audit.reason.checkpoint_mismatch':
    'Die Kette wurde neu berechnet (sie weicht vom ausserhalb der Datenbank gespeicherten Kontrollpunkt ab)',
  'audit.reason.checkpoint_invalid': 'falsche Signatur',
  'audit.checkpointInvalid':
    'Die Kontrollpunktdatei enthält Zeilen mit falscher Signatur (Zeilen {lines}): Sie wurde verändert, oder die ' +
    'Zeilen stammen aus einer anderen Installation.',
  'audit.system': 'System',
  'audit.none': 'Keine Einträge.',
  'audit.filterPerson': 'Person (Name oder AHV-Nr.)',
  'audit.filterPersonHint': 'Unter den Personen der Dossiers, die Sie sehen',
  'audit.filterRecord': 'Situation (CII-JJJJ-NNNN) oder Kennung',
  'audit.filterActionLabel': 'Aktion',
  'audit.filterResult': 'Ergebnis',
  'audit.person': 'Person',
  'audit.personHidden': 'Person für Sie nicht sichtbar',
  'audit.code': 'Code: {code}',
  'audit.exportCsv': 'Als CSV exportieren',
  'audit.exportHint': 'Der Export übernimmt die gewählten Filter: höchstens {max} Einträge, die neuesten.',
  'audit.showMore': 'Mehr anzeigen',
  'audit.shownMore': 'Angezeigte Einträge: {n}; ältere folgen.',
  'audit.shownAll': 'Angezeigte Einträge: {n}, alle.',

  'role.field_professional': 'Fachperson',
  'role.cii_correspondent': 'IIZ-Ansprechperson',
  'role.bureau_member': 'Mitglied des IIZ-Büros',
  'role.regional_coordinator': 'Regionale Koordination',
  'role.tandem_member': 'Tandem-Mitglied',
  'role.measures_decider': 'Massnahmenentscheid (LAM)',
  'role.sas_reviewer': 'Vorbescheid DSW',
  'role.commune_approver': 'Genehmigung Gemeinde',
  'role.smr_doctor': 'Ärztin/Arzt RAD der IV-Stelle',
  'role.statistics_reader': 'Statistiken lesen (COPIL/CDC)',
  'role.admin': 'Administration',

  ...kindDictionary('de'),

  'lang.fr': 'Français',
  'lang.de': 'Deutsch',
  ...deSituations,
  ...deTandem,
  ...deTandemFile,
  ...deAssessments,
  ...deMeasures,
  ...deFigures,
  ...deAnnualReport,
  ...deHistory,
  ...deAlerts,
  ...deRoundTables,
  ...deCare,
};
