import type { Language } from '../access/roles.ts';
import { AUDIT_ACTIONS, type AuditAction } from './actions.ts';
import { ASSESSMENT_AUDIT_LABELS, ASSESSMENT_RECORD_TYPE_LABELS } from '../care/assessment-audit.ts';

/**
 * What each audit action means, in French and German, for the audit page, its action filter and the CSV export.
 * A `Record` over the union: a new action without its labels does not compile (and `action-labels.test.ts`
 * checks that none is empty). German users say RAV/SMZ for ORP/CMS; none is named here.
 */
type Labels = { fr: string; de: string };

// An action written only when the access check refuses it (the use case's success is the `situation.<event>` row
// beside it) is labelled as the request it was: "Demande de … / Anfrage: …", so the filter does not offer two
// look-alike choices for one thing.
export const AUDIT_ACTION_LABELS: Record<AuditAction, Labels> = {
  'auth.sign_in': { fr: 'Connexion', de: 'Anmeldung' },
  'auth.sign_out': { fr: 'Déconnexion', de: 'Abmeldung' },
  'user.list': { fr: 'Liste des utilisateurs consultée', de: 'Benutzerliste angezeigt' },
  'user.read': { fr: 'Utilisateur consulté', de: 'Benutzer angezeigt' },
  'user.create': { fr: 'Utilisateur créé', de: 'Benutzer erstellt' },
  'user.update': { fr: 'Utilisateur modifié', de: 'Benutzer geändert' },
  'user.disable': { fr: 'Utilisateur désactivé', de: 'Benutzer deaktiviert' },
  'user.enable': { fr: 'Utilisateur réactivé', de: 'Benutzer reaktiviert' },
  'user.reset_password': { fr: 'Mot de passe réinitialisé', de: 'Passwort zurückgesetzt' },
  'user.change_password': { fr: 'Mot de passe changé', de: 'Passwort geändert' },
  'user.update_preferences': { fr: 'Préférences modifiées', de: 'Einstellungen geändert' },
  'directory.read': { fr: 'Annuaire consulté', de: 'Verzeichnis angezeigt' },
  'region.create': { fr: 'Région créée', de: 'Region erstellt' },
  'region.update': { fr: 'Région modifiée', de: 'Region geändert' },
  'institution.create': { fr: 'Institution créée', de: 'Institution erstellt' },
  'institution.update': { fr: 'Institution modifiée', de: 'Institution geändert' },
  'office.create': { fr: 'Office créé', de: 'Stelle erstellt' },
  'office.update': { fr: 'Office modifié', de: 'Stelle geändert' },
  'commune.create': { fr: 'Commune créée', de: 'Gemeinde erstellt' },
  'commune.update': { fr: 'Commune modifiée', de: 'Gemeinde geändert' },
  'commune.import': { fr: 'Communes importées', de: 'Gemeinden importiert' },
  'audit.list': { fr: 'Journal d’audit consulté', de: 'Audit-Protokoll angezeigt' },
  'audit.export': { fr: 'Journal d’audit exporté (CSV)', de: 'Audit-Protokoll exportiert (CSV)' },
  'audit.verify': { fr: 'Chaîne d’audit vérifiée', de: 'Audit-Kette geprüft' },
  'audit.legacy_chain_broken': {
    fr: 'Ancienne chaîne d’audit rompue',
    de: 'Alte Audit-Kette unterbrochen',
  },
  'person.create': { fr: 'Personne saisie', de: 'Person erfasst' },
  'person.duplicate_check': { fr: 'Recherche de doublons', de: 'Dublettenprüfung' },
  'person.merge_request': { fr: 'Fusion de personnes demandée', de: 'Zusammenführung beantragt' },
  'person.merge_list': { fr: 'Demandes de fusion consultées', de: 'Zusammenführungsanträge angezeigt' },
  'person.merge_review': { fr: 'Demande de fusion examinée', de: 'Zusammenführungsantrag geprüft' },
  'person.merge': { fr: 'Personnes fusionnées', de: 'Personen zusammengeführt' },
  'person.merge_reject': { fr: 'Fusion refusée', de: 'Zusammenführung abgelehnt' },
  'situation.list': { fr: 'Situation affichée dans une liste', de: 'Situation in einer Liste angezeigt' },
  'situation.read': { fr: 'Situation consultée', de: 'Situation angezeigt' },
  'situation.save_draft': { fr: 'Brouillon enregistré', de: 'Entwurf gespeichert' },
  'situation.announce': { fr: 'Situation annoncée', de: 'Situation gemeldet' },
  'situation.take_up': { fr: 'Situation prise en charge', de: 'Situation übernommen' },
  'situation.decide': { fr: 'Décision sur la situation', de: 'Entscheid zur Situation' },
  'situation.assign_tandem': { fr: 'Tandem attribué', de: 'Tandem zugewiesen' },
  'situation.create_draft': { fr: 'Brouillon créé', de: 'Entwurf erstellt' },
  'situation.refuse': { fr: 'Situation refusée', de: 'Situation abgelehnt' },
  'situation.orient': { fr: 'Situation orientée', de: 'Situation zugewiesen (Weiterleitung)' },
  'situation.move_region': {
    fr: 'Situation transférée dans une autre région',
    de: 'Situation in andere Region verschoben',
  },
  'situation.attach': { fr: 'Pièce jointe ajoutée', de: 'Anhang hinzugefügt' },
  'situation.consent_recorded': { fr: 'Procuration enregistrée', de: 'Vollmacht erfasst' },
  'situation.consent_reviewed': { fr: 'Procuration validée', de: 'Vollmacht bestätigt' },
  'situation.consent_rejected': { fr: 'Procuration rejetée', de: 'Vollmacht zurückgewiesen' },
  'situation.consent_revoked': { fr: 'Procuration révoquée', de: 'Vollmacht widerrufen' },
  'situation.case_team_added': { fr: 'Ajout à l’équipe du dossier', de: 'Zum Fallteam hinzugefügt' },
  'situation.case_team_removed': { fr: 'Retrait de l’équipe du dossier', de: 'Aus dem Fallteam entfernt' },
  'situation.extend_mandate': { fr: 'Mandat prolongé', de: 'Mandat verlängert' },
  'situation.send_monthly_report': { fr: 'Rapport mensuel envoyé', de: 'Monatsbericht versandt' },
  'situation.finalise_final_report': { fr: 'Bilan final finalisé', de: 'Schlussbericht abgeschlossen' },
  'situation.close': { fr: 'Situation clôturée', de: 'Situation abgeschlossen' },
  'situation.hand_back': { fr: 'Situation rendue', de: 'Situation zurückgegeben' },
  'situation.insertion_follow_up': { fr: 'Suivi d’insertion enregistré', de: 'Integrationsnachkontrolle erfasst' },
  'attachment.create': { fr: 'Pièce jointe déposée', de: 'Anhang hochgeladen' },
  'attachment.read': { fr: 'Pièce jointe consultée', de: 'Anhang angezeigt' },
  'consent.create': { fr: 'Procuration saisie', de: 'Vollmacht eingegeben' },
  'consent.print': { fr: 'Procuration imprimée', de: 'Vollmacht gedruckt' },
  'consent.review': { fr: 'Procuration examinée', de: 'Vollmacht geprüft' },
  'consent.revoke': { fr: 'Demande de révocation de procuration', de: 'Anfrage: Widerruf der Vollmacht' },
  'case_team.add': { fr: 'Demande d’ajout à l’équipe du dossier', de: 'Anfrage: Aufnahme ins Fallteam' },
  'case_team.remove': { fr: 'Équipe du dossier : retrait', de: 'Fallteam: Entfernen' },
  'case_team.candidates': { fr: 'Candidats à l’équipe du dossier consultés', de: 'Kandidaten fürs Fallteam angezeigt' },
  'tandem.list': { fr: 'Tandems consultés', de: 'Tandems angezeigt' },
  'tandem.create': { fr: 'Tandem créé', de: 'Tandem erstellt' },
  'tandem.update': { fr: 'Tandem modifié', de: 'Tandem geändert' },
  'tandem.candidates': { fr: 'Tandems possibles consultés', de: 'Mögliche Tandems angezeigt' },
  'tandem.recipient_candidates': {
    fr: 'Destinataires possibles des rapports consultés',
    de: 'Mögliche Berichtsempfänger angezeigt',
  },
  'tandem_file.read': { fr: 'Dossier tandem consulté', de: 'Tandem-Dossier angezeigt' },
  'mandate.extend': { fr: 'Demande de prolongation du mandat', de: 'Anfrage: Verlängerung des Mandats' },
  'mandate.close': { fr: 'Clôture du mandat', de: 'Abschluss des Mandats' },
  'mandate.close_preview': {
    fr: 'Clôture préparée (points ouverts consultés)',
    de: 'Abschluss vorbereitet (offene Punkte angezeigt)',
  },
  'mandate.hand_back': { fr: 'Mandat rendu', de: 'Mandat zurückgegeben' },
  'meeting.create': { fr: 'Entretien saisi', de: 'Gespräch erfasst' },
  'meeting.update': { fr: 'Entretien modifié', de: 'Gespräch geändert' },
  'objective.create': { fr: 'Objectif saisi', de: 'Ziel erfasst' },
  'objective.update': { fr: 'Objectif modifié', de: 'Ziel geändert' },
  'planned_meeting.create': { fr: 'Entretien planifié', de: 'Gespräch geplant' },
  'planned_meeting.move': { fr: 'Entretien planifié déplacé', de: 'Geplantes Gespräch verschoben' },
  'planned_meeting.cancel': { fr: 'Entretien planifié annulé', de: 'Geplantes Gespräch abgesagt' },
  'planned_meeting.hold': { fr: 'Entretien planifié tenu', de: 'Geplantes Gespräch durchgeführt' },
  'planned_meeting.export': { fr: 'Invitation iCalendar téléchargée', de: 'iCalendar-Einladung heruntergeladen' },
  'monthly_report.create': { fr: 'Rapport mensuel préparé', de: 'Monatsbericht vorbereitet' },
  'monthly_report.update': { fr: 'Rapport mensuel modifié', de: 'Monatsbericht geändert' },
  'monthly_report.send': { fr: 'Demande d’envoi d’un rapport mensuel', de: 'Anfrage: Versand eines Monatsberichts' },
  'monthly_report.skip': { fr: 'Rapport mensuel omis (motif donné)', de: 'Monatsbericht ausgelassen (mit Begründung)' },
  'final_report.update': { fr: 'Bilan final modifié', de: 'Schlussbericht geändert' },
  'final_report.finalise': {
    fr: 'Demande de finalisation du bilan final',
    de: 'Anfrage: Abschluss des Schlussberichts',
  },
  'final_report.print': { fr: 'Bilan final imprimé', de: 'Schlussbericht gedruckt' },
  'insertion_follow_up.record': { fr: 'Suivi d’insertion saisi', de: 'Integrationsnachkontrolle eingegeben' },
  'measures.read': { fr: 'Mesures de la situation consultées', de: 'Massnahmen der Situation angezeigt' },
  'measure.preview': { fr: 'Parcours d’approbation calculé', de: 'Bewilligungsweg berechnet' },
  'measure.propose': { fr: 'Mesure proposée', de: 'Massnahme beantragt' },
  'measure.start': { fr: 'Mesure commencée', de: 'Massnahme begonnen' },
  'measure.interrupt': { fr: 'Mesure interrompue', de: 'Massnahme abgebrochen' },
  'measure.complete': { fr: 'Mesure terminée', de: 'Massnahme beendet' },
  'measure.escalate': { fr: 'Mesure soumise à la Commission', de: 'Massnahme an die Kommission überwiesen' },
  'measure.inbox': { fr: 'Boîte des décisions consultée', de: 'Entscheid-Eingang angezeigt' },
  'measure.decide': { fr: 'Décision sur une mesure', de: 'Entscheid über eine Massnahme' },
  'measure.withdraw': { fr: 'Mesure retirée', de: 'Massnahme zurückgezogen' },
  'measure_kind.list': { fr: 'Catalogue des mesures consulté', de: 'Massnahmenkatalog angezeigt' },
  'measure_kind.create': { fr: 'Type de mesure créé', de: 'Massnahmenart erstellt' },
  'measure_kind.update': { fr: 'Type de mesure modifié', de: 'Massnahmenart geändert' },
  'statement.read': { fr: 'Décompte trimestriel consulté', de: 'Quartalsabrechnung angezeigt' },
  'statement.canton_read': {
    fr: 'Vue cantonale des décomptes consultée',
    de: 'Kantonsübersicht der Abrechnungen angezeigt',
  },
  'outbox.list': { fr: 'Boîte d’envoi consultée', de: 'Postausgang angezeigt' },
  'outbox.read': { fr: 'Message de la boîte d’envoi téléchargé', de: 'Nachricht des Postausgangs heruntergeladen' },
  ...ASSESSMENT_AUDIT_LABELS,
};

export const auditActionLabel = (action: string, lang: Language): string =>
  isAuditAction(action) ? AUDIT_ACTION_LABELS[action][lang] : action;

const KNOWN: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
export const isAuditAction = (action: string): action is AuditAction => KNOWN.has(action);

/** The kinds of record a row names (`record_type`): the access policy's resources and the records of the use cases. */
export const AUDIT_RECORD_TYPE_LABELS: Record<string, Labels> = {
  user: { fr: 'Utilisateur', de: 'Benutzer' },
  organisation: { fr: 'Organisation', de: 'Organisation' },
  region: { fr: 'Région', de: 'Region' },
  institution: { fr: 'Institution', de: 'Institution' },
  office: { fr: 'Office', de: 'Stelle' },
  commune: { fr: 'Commune', de: 'Gemeinde' },
  audit_log: { fr: 'Journal d’audit', de: 'Audit-Protokoll' },
  situation: { fr: 'Situation', de: 'Situation' },
  person: { fr: 'Personne', de: 'Person' },
  person_merge: { fr: 'Fusion de personnes', de: 'Zusammenführung' },
  attachment: { fr: 'Pièce jointe', de: 'Anhang' },
  outbox: { fr: 'Boîte d’envoi', de: 'Postausgang' },
  tandem: { fr: 'Tandem', de: 'Tandem' },
  meeting: { fr: 'Entretien', de: 'Gespräch' },
  planned_meeting: { fr: 'Entretien planifié', de: 'Geplantes Gespräch' },
  objective: { fr: 'Objectif', de: 'Ziel' },
  monthly_report: { fr: 'Rapport mensuel', de: 'Monatsbericht' },
  final_report: { fr: 'Bilan final', de: 'Schlussbericht' },
  measure: { fr: 'Mesure', de: 'Massnahme' },
  measure_kind: { fr: 'Type de mesure', de: 'Massnahmenart' },
  canton_statement: { fr: 'Vue cantonale des décomptes', de: 'Kantonsübersicht der Abrechnungen' },
  measure_step: { fr: 'Étape de décision', de: 'Entscheidstufe' },
  commune_statement: { fr: 'Décompte trimestriel', de: 'Quartalsabrechnung' },
  ...ASSESSMENT_RECORD_TYPE_LABELS,
};

/** A record type nobody labelled yet shows its code rather than nothing. */
export const auditRecordTypeLabel = (type: string | null, lang: Language): string | null =>
  type === null ? null : (AUDIT_RECORD_TYPE_LABELS[type]?.[lang] ?? type);
