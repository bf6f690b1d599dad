import { formatMessage, frenchSpacing } from '../../../domain/format/message.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The words of the alerts, caseload and machine-token screens (issue 14), in French and German. They travel with
 * these lazy screens, not in the dictionaries every page loads (the home page's script budget, decision 015); the
 * shell's few words (navigation, home) are in i18n/{fr,de}/alerts.ts.
 */
const FR = {
  'alerts.title': 'Alertes',
  'alerts.regionRequired': 'Choisissez la région de la personne : votre compte n’en a pas.',
  'alerts.intro':
    'Personnes que votre institution suit et qu’une autre institution suit aussi, et situations à risque repérées ' +
    'tôt. Rien d’autre ne passe d’une institution à l’autre : pour en savoir plus, appelez le répondant indiqué.',
  'alerts.none': 'Aucune alerte pour votre institution.',
  'alerts.showClosed': 'Afficher aussi les alertes closes',
  'alerts.caseload': 'Liste de suivis : {rows, plural, =0 {aucune personne} one {# personne} other {# personnes}}',
  'alerts.caseloadUploaded': 'déposée le {date}',
  'alerts.caseloadAction': 'Déposer la liste de suivis',
  'alerts.rule.co_follow_up': 'Suivi par plusieurs institutions',
  'alerts.rule.laci_end_risk': 'Fin de droit LACI proche',
  'alerts.rule.caseload_transfer': 'Passage d’une institution à une autre',
  'alerts.coFollowUp':
    'Une personne que vous suivez (votre référence : {reference}) est aussi suivie par {institution} depuis {month}.',
  'alerts.contact': 'Contact',
  'alerts.noContact': 'Aucun répondant CII enregistré pour cette institution.',
  'alerts.laciWhy':
    'Votre référence {reference} : le droit LACI prend fin le {laciEnd}, dans moins de {monthsBefore} mois, avec ' +
    '{riskFactors} facteurs de risque (la règle en demande au moins {minRiskFactors}).',
  'alerts.transferWhy':
    'Votre référence {reference} : la personne a quitté la liste d’une autre institution le {leftOn} et vous la ' +
    'suivez depuis le {followedSince}, moins de {withinDays} jours après.',
  'alerts.state.open': 'Ouverte',
  'alerts.state.not_relevant': 'Pas pertinente',
  'alerts.state.lapsed': 'Laissée de côté',
  'alerts.state.closed': 'Close',
  'alerts.state.drafted': 'Annonce préparée',
  'alerts.draft': 'Préparer une annonce',
  'alerts.draftHint': 'Un brouillon s’ouvre avec vos propres données ; la procuration de la personne vient d’abord.',
  'alerts.notRelevant': 'Pas pertinente…',
  'alerts.reason': 'Pourquoi n’est-elle pas pertinente ?',
  'alerts.confirmNotRelevant': 'Marquer comme pas pertinente',
  'alerts.lapse': 'Laisser de côté',
  'alerts.lapseTitle': 'Laisser cette alerte de côté ?',
  'alerts.lapseConsequence':
    'L’alerte ne pourra plus être rouverte ni donner lieu à une annonce ; aucun motif n’est demandé.',
  'alerts.reasonShown': 'Motif : {reason}',
  'alerts.stateBy': 'Traitée par {name} le {date}',
  'alerts.stateByTandem': 'Close par Tandem le {date}',
  'alerts.openDraft': 'Ouvrir l’annonce',
  'alerts.raisedOn': 'Signalée le {date}',
  'alerts.newFromAlert':
    'Annonce depuis une alerte : saisissez la personne avec les données de votre dossier ; la procuration suit.',
  'caseload.title': 'Liste de suivis de votre institution',
  'caseload.intro':
    'Déclarez les personnes que votre institution suit actuellement : une ligne par personne, avec son numéro AVS, ' +
    'votre référence de dossier et la date du début du suivi. Chaque dépôt remplace la liste précédente.',
  'caseload.privacy':
    'Le numéro AVS n’est jamais enregistré : Tandem n’en garde qu’un pseudonyme calculé avec une clé secrète, ' +
    'conservée hors de la base de données. Les autres institutions ne voient ni vos références ni vos données.',
  'caseload.templateXlsx': 'Modèle (Excel, avec explications)',
  'caseload.templateCsv': 'Modèle (CSV)',
  'caseload.file': 'Fichier de la liste',
  'caseload.fileHint': 'CSV (points-virgules ou virgules) ou classeur Excel (.xlsx).',
  'caseload.check': 'Vérifier (sans rien changer)',
  'caseload.upload': 'Remplacer la liste',
  'caseload.confirmTitle': 'Remplacer la liste de suivis ?',
  'caseload.confirmKept':
    '{accepted, plural, one {# personne formera} other {# personnes formeront}} la nouvelle liste.',
  'caseload.confirmRejected':
    '{rejected, plural, =0 {Aucune ligne n’est refusée.} one {# ligne refusée ne sera pas reprise.} ' +
    'other {# lignes refusées ne seront pas reprises.}}',
  'caseload.confirmLeft':
    '{left, plural, =0 {Personne ne quitte la liste.} ' +
    'one {# personne quittera la liste ; ses alertes seront closes.} ' +
    'other {# personnes quitteront la liste ; leurs alertes seront closes.}}',
  'caseload.dryRunResult':
    'Vérification : {rows, plural, one {# ligne lue} other {# lignes lues}}, ' +
    '{accepted, plural, one {# retenue} other {# retenues}}, ' +
    '{rejected, plural, one {# refusée} other {# refusées}} ; ' +
    '{left, plural, one {# personne quitterait} other {# personnes quitteraient}} la liste. Rien n’a été modifié.',
  'caseload.uploadResult':
    'Liste remplacée : {accepted, plural, one {# personne} other {# personnes}}, ' +
    '{rejected, plural, one {# ligne refusée} other {# lignes refusées}}, ' +
    '{left, plural, one {# sortie} other {# sorties}} ; ' +
    '{raised, plural, one {# nouvelle alerte} other {# nouvelles alertes}}, ' +
    '{closed, plural, one {# close} other {# closes}}.',
  'caseload.rejectedCaption': 'Lignes refusées : corrigez-les dans le fichier et déposez-le à nouveau.',
  'caseload.line': 'Ligne',
  'caseload.reference': 'Référence',
  'caseload.reasons': 'Motifs',
  'caseload.backToAlerts': 'Retour aux alertes',
  'tokens.title': 'Jetons machine',
  'tokens.intro':
    'Un jeton permet au système d’une institution de déposer sa liste de suivis par l’API ' +
    '(POST /api/machine/caseload, en-tête « Authorization: Bearer … »). Il n’est montré qu’une fois.',
  'tokens.institution': 'Institution',
  'tokens.label': 'Nom du jeton',
  'tokens.expiresOn': 'Dernier jour de validité',
  'tokens.create': 'Créer le jeton',
  'tokens.secret': 'Copiez ce jeton maintenant : il ne sera plus jamais affiché.',
  'tokens.none': 'Aucun jeton.',
  'tokens.expires': 'Expire',
  'tokens.lastUsed': 'Dernier usage',
  'tokens.state': 'État',
  'tokens.active': 'Actif',
  'tokens.revoked': 'Révoqué',
  'tokens.revokedOn': 'Révoqué le {date}',
  'tokens.missing': 'Pour créer un jeton : choisissez l’institution et donnez-lui un nom (validité proposée : un an).',
  'tokens.copy': 'Copier le jeton',
  'tokens.copied': 'Jeton copié',
  'tokens.expired': 'Expiré',
  'tokens.revoke': 'Révoquer',
  'tokens.revokeTitle': 'Révoquer ce jeton ?',
  'tokens.revokeConsequence': 'Le système qui l’utilise sera refusé dès sa prochaine tentative.',
  'figures.coFollowUps': 'Suivis simultanés par paire d’institutions et par mois',
  'figures.coFollowUpsHint':
    'Personnes trouvées suivies par les deux institutions ; « < {threshold} » : petit nombre masqué.',
  'figures.coFollowUpsExact':
    'Personnes trouvées suivies par les deux institutions, dans la période choisie ; nombres exacts (usage interne).',
  'figures.month': 'Mois',
  'figures.pair': 'Institutions',
  'figures.count': 'Nombre',
} as const;

export type AlertsKey = keyof typeof FR;

const DE: Record<AlertsKey, string> = {
  'alerts.title': 'Warnungen',
  'alerts.regionRequired': 'Wählen Sie die Region der Person: Ihr Konto hat keine.',
  'alerts.intro':
    'Personen, die Ihre Institution betreut und die auch eine andere Institution betreut, und früh erkannte ' +
    'Risikosituationen. Sonst geht nichts von einer Institution zur anderen: Für mehr rufen Sie die genannte ' +
    'IIZ-Ansprechperson an.',
  'alerts.none': 'Keine Warnung für Ihre Institution.',
  'alerts.showClosed': 'Auch abgeschlossene Warnungen anzeigen',
  'alerts.caseload': 'Fallliste: {rows, plural, =0 {keine Person} one {# Person} other {# Personen}}',
  'alerts.caseloadUploaded': 'hochgeladen am {date}',
  'alerts.caseloadAction': 'Fallliste hochladen',
  'alerts.rule.co_follow_up': 'Von mehreren Institutionen betreut',
  'alerts.rule.laci_end_risk': 'AVIG-Anspruch endet bald',
  'alerts.rule.caseload_transfer': 'Wechsel von einer Institution zur anderen',
  'alerts.coFollowUp':
    'Eine Person, die Sie betreuen (Ihre Referenz: {reference}), wird seit {month} auch von {institution} betreut.',
  'alerts.contact': 'Kontakt',
  'alerts.noContact': 'Für diese Institution ist keine IIZ-Ansprechperson erfasst.',
  'alerts.laciWhy':
    'Ihre Referenz {reference}: Der AVIG-Anspruch endet am {laciEnd}, in weniger als {monthsBefore} Monaten, mit ' +
    '{riskFactors} Risikofaktoren (die Regel verlangt mindestens {minRiskFactors}).',
  'alerts.transferWhy':
    'Ihre Referenz {reference}: Die Person hat die Liste einer anderen Institution am {leftOn} verlassen, und Sie ' +
    'betreuen sie seit {followedSince}, weniger als {withinDays} Tage danach.',
  'alerts.state.open': 'Offen',
  'alerts.state.not_relevant': 'Nicht relevant',
  'alerts.state.lapsed': 'Nicht weiterverfolgt',
  'alerts.state.closed': 'Abgeschlossen',
  'alerts.state.drafted': 'Anmeldung vorbereitet',
  'alerts.draft': 'Anmeldung vorbereiten',
  'alerts.draftHint': 'Ein Entwurf mit Ihren eigenen Daten öffnet sich; zuerst kommt die Vollmacht der Person.',
  'alerts.notRelevant': 'Nicht relevant…',
  'alerts.reason': 'Warum ist sie nicht relevant?',
  'alerts.confirmNotRelevant': 'Als nicht relevant markieren',
  'alerts.lapse': 'Nicht weiterverfolgen',
  'alerts.lapseTitle': 'Diese Warnung nicht weiterverfolgen?',
  'alerts.lapseConsequence':
    'Die Warnung kann danach nicht wieder geöffnet werden und keine Anmeldung mehr auslösen; keine Begründung nötig.',
  'alerts.reasonShown': 'Begründung: {reason}',
  'alerts.stateBy': 'Bearbeitet von {name} am {date}',
  'alerts.stateByTandem': 'Von Tandem geschlossen am {date}',
  'alerts.openDraft': 'Anmeldung öffnen',
  'alerts.raisedOn': 'Gemeldet am {date}',
  'alerts.newFromAlert':
    'Anmeldung aus einer Warnung: Erfassen Sie die Person mit den Daten Ihres Dossiers; die Vollmacht folgt.',
  'caseload.title': 'Fallliste Ihrer Institution',
  'caseload.intro':
    'Melden Sie die Personen, die Ihre Institution zurzeit betreut: eine Zeile pro Person, mit AHV-Nummer, Ihrer ' +
    'Dossierreferenz und dem Beginn der Betreuung. Jedes Hochladen ersetzt die bisherige Liste.',
  'caseload.privacy':
    'Die AHV-Nummer wird nie gespeichert: Tandem behält nur ein mit einem geheimen Schlüssel berechnetes Pseudonym; ' +
    'der Schlüssel liegt ausserhalb der Datenbank. Andere Institutionen sehen weder Ihre Referenzen noch Ihre Daten.',
  'caseload.templateXlsx': 'Vorlage (Excel, mit Erläuterungen)',
  'caseload.templateCsv': 'Vorlage (CSV)',
  'caseload.file': 'Datei der Liste',
  'caseload.fileHint': 'CSV (Strichpunkte oder Kommas) oder Excel-Arbeitsmappe (.xlsx).',
  'caseload.check': 'Prüfen (ohne etwas zu ändern)',
  'caseload.upload': 'Liste ersetzen',
  'caseload.confirmTitle': 'Fallliste ersetzen?',
  'caseload.confirmKept': '{accepted, plural, one {# Person bildet} other {# Personen bilden}} die neue Liste.',
  'caseload.confirmRejected':
    '{rejected, plural, =0 {Keine Zeile ist abgelehnt.} one {# abgelehnte Zeile wird nicht übernommen.} ' +
    'other {# abgelehnte Zeilen werden nicht übernommen.}}',
  'caseload.confirmLeft':
    '{left, plural, =0 {Niemand verlässt die Liste.} one {# Person verlässt die Liste; ihre Warnungen werden ' +
    'abgeschlossen.} other {# Personen verlassen die Liste; ihre Warnungen werden abgeschlossen.}}',
  'caseload.dryRunResult':
    'Prüfung: {rows, plural, one {# Zeile gelesen} other {# Zeilen gelesen}}, {accepted} übernommen, ' +
    '{rejected} abgelehnt; {left, plural, one {# Person würde} other {# Personen würden}} die Liste verlassen. ' +
    'Nichts wurde geändert.',
  'caseload.uploadResult':
    'Liste ersetzt: {accepted, plural, one {# Person} other {# Personen}}, ' +
    '{rejected, plural, one {# Zeile abgelehnt} other {# Zeilen abgelehnt}}, {left} ausgetreten; ' +
    '{raised, plural, one {# neue Warnung} other {# neue Warnungen}}, {closed} abgeschlossen.',
  'caseload.rejectedCaption': 'Abgelehnte Zeilen: Korrigieren Sie sie in der Datei und laden Sie sie erneut hoch.',
  'caseload.line': 'Zeile',
  'caseload.reference': 'Referenz',
  'caseload.reasons': 'Gründe',
  'caseload.backToAlerts': 'Zurück zu den Warnungen',
  'tokens.title': 'Maschinen-Token',
  'tokens.intro':
    'Mit einem Token lädt das System einer Institution seine Fallliste über die API hoch ' +
    '(POST /api/machine/caseload, Kopfzeile «Authorization: Bearer …»). Es wird nur einmal angezeigt.',
  'tokens.institution': 'Institution',
  'tokens.label': 'Name des Tokens',
  'tokens.expiresOn': 'Letzter gültiger Tag',
  'tokens.create': 'Token erstellen',
  'tokens.secret': 'Kopieren Sie dieses Token jetzt: Es wird nie wieder angezeigt.',
  'tokens.none': 'Kein Token.',
  'tokens.expires': 'Läuft ab',
  'tokens.lastUsed': 'Zuletzt verwendet',
  'tokens.state': 'Status',
  'tokens.active': 'Aktiv',
  'tokens.revoked': 'Gesperrt',
  'tokens.revokedOn': 'Widerrufen am {date}',
  'tokens.missing':
    'Für ein Token: Wählen Sie die Institution und geben Sie ihm einen Namen (Gültigkeit: ein Jahr vorgeschlagen).',
  'tokens.copy': 'Token kopieren',
  'tokens.copied': 'Token kopiert',
  'tokens.expired': 'Abgelaufen',
  'tokens.revoke': 'Widerrufen',
  'tokens.revokeTitle': 'Dieses Token widerrufen?',
  'tokens.revokeConsequence': 'Das System, das es verwendet, wird beim nächsten Versuch abgewiesen.',
  'figures.coFollowUps': 'Gleichzeitige Betreuungen nach Institutionspaar und Monat',
  'figures.coFollowUpsHint':
    'Personen, die von beiden Institutionen betreut werden; «< {threshold}»: kleine Zahl ausgeblendet.',
  'figures.coFollowUpsExact':
    'Personen, die von beiden Institutionen betreut werden, im gewählten Zeitraum; genaue Zahlen (intern).',
  'figures.month': 'Monat',
  'figures.pair': 'Institutionen',
  'figures.count': 'Anzahl',
};

export const ALERTS_TEXT = { fr: FR, de: DE } as const;

/** `useI18n()` and `a(key, params)` for this feature's words. */
export function useAlertsText() {
  const i18n = useI18n();
  const a = (key: AlertsKey, params: Record<string, string | number> = {}) =>
    formatMessage(i18n.lang === 'fr' ? frenchSpacing(FR[key]) : DE[key], params, i18n.lang);
  return { ...i18n, a };
}
