import type { Language } from '../../domain/access/roles.ts';
import { formatMessage } from '../../domain/format/message.ts';
import { roundTableMessagesDe, roundTableMessagesFr } from './round-table-messages.ts';
import { ASSESSMENT_MESSAGES } from './assessment-messages.ts';
import { HISTORY_MESSAGES } from './history-messages.ts';
import { ALERT_MESSAGES } from './alert-messages.ts';

/**
 * Every message the server sends a person, in French and German. Keys are
 * the `messageKey`s of DomainError and of field errors.
 */
type Messages = Record<string, string>;

const fr: Messages = {
  'error.validation': 'Certaines données sont invalides. Corrigez les champs signalés.',
  'error.unauthenticated': 'Votre session a expiré ou vous n’êtes pas connecté·e. Veuillez vous reconnecter.',
  'error.forbidden': 'Cette action n’est pas autorisée pour votre rôle.',
  'error.notFound': 'Introuvable.',
  'error.conflict':
    'Cet élément a été modifié par quelqu’un d’autre entre-temps. Rechargez-le et refaites votre modification.',
  'error.internal': 'Une erreur inattendue s’est produite. Réessayez plus tard.',
  'error.busy': 'Le serveur est très sollicité en ce moment. Réessayez dans quelques secondes.',
  'error.rateLimited': 'Trop de tentatives. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.',
  'error.accountLocked':
    'Trop d’échecs de connexion à ce compte depuis votre adresse. Elle est bloquée temporairement pour ce compte ' +
    ': réessayez dans {minutes, plural, one {# minute} other {# minutes}}.',
  'error.accountSlowedDown':
    'Trop d’échecs de connexion récents à ce compte. Par prudence, attendez ' +
    '{seconds, plural, one {# seconde} other {# secondes}} avant de réessayer.',
  'error.crossOrigin': 'Cette demande vient d’un autre site : elle est refusée.',
  'error.unknownReference': 'Un élément choisi n’existe pas ou plus. Rechargez la page et réessayez.',
  'error.duplicate': 'Cet élément existe déjà.',
  'error.badValue': 'Une des valeurs envoyées n’est pas valable.',
  'auth.invalidCredentials': 'Nom d’utilisateur ou mot de passe incorrect.',
  'auth.wrongCurrentPassword': 'Le mot de passe actuel est incorrect.',
  'auth.mustChangePassword': 'Changez d’abord votre mot de passe provisoire.',
  'error.badRequest': 'Requête invalide.',
  'error.payloadTooLarge': 'Le fichier ou le contenu envoyé est trop volumineux.',
  'password.tooShort': 'Le mot de passe doit compter au moins {min} caractères.',
  'password.tooLong': 'Le mot de passe ne peut pas dépasser {max} caractères.',
  'password.containsUsername': 'Le mot de passe ne doit pas contenir le nom d’utilisateur.',
  'password.tooSimple': 'Le mot de passe est trop simple : variez les caractères.',
  'field.required': 'Ce champ est obligatoire.',
  'field.chooseAtLeastOne': 'Choisissez au moins un élément.',
  'field.tooShort': 'Au moins {min, plural, one {# caractère} other {# caractères}}.',
  'field.tooLong': 'Au plus {max} caractères.',
  'field.tooSmall': 'La valeur doit être au moins {min}.',
  'field.tooBig': 'La valeur doit être au plus {max}.',
  'field.invalidEmail': 'Adresse e-mail invalide.',
  'field.invalidChoice': 'Choix invalide.',
  'field.invalidFormat': 'Format invalide.',
  'field.invalidType': 'Valeur invalide.',
  'field.unknownField': 'Champ inconnu.',
  'field.badCharacter': 'Ce champ contient un caractère non autorisé.',
  'user.usernameTaken': 'Ce nom d’utilisateur est déjà pris.',
  'user.unknownInstitution': 'Institution inconnue.',
  'user.unknownOffice': 'Cet office n’appartient pas à l’institution choisie.',
  'user.unknownRegion': 'Région inconnue.',
  'user.coordinatorNeedsRegion': 'Un·e coordinateur·trice régional·e doit avoir une région.',
  'user.rolesRequired': 'Choisissez au moins un rôle.',
  'user.cannotDisableSelf': 'Vous ne pouvez pas désactiver votre propre compte.',
  'region.codeTaken': 'Ce code de région existe déjà.',
  'commune.bfsTaken': 'Une commune porte déjà ce numéro OFS.',
  'institution.communeRequired': 'Une institution de type commune doit être liée à une commune.',
  'csv.missingColumns': 'Colonnes manquantes : {columns}.',
  'csv.badBfs': 'Numéro OFS invalide : « {value} ».',
  'csv.missingName': 'Nom manquant.',
  'csv.badCanton': 'Canton invalide : « {value} » (deux lettres, p. ex. VS).',
  'csv.missingDistrict': 'District manquant.',
  'csv.badLanguage': 'Langue invalide : « {value} » (fr ou de).',
  'csv.duplicateInFile': 'Numéro OFS {value} déjà présent plus haut dans le fichier.',
  'csv.wrongColumnCount': 'Nombre de colonnes incorrect ({count} au lieu de {expected}).',
  'navs13.length': 'Le numéro AVS doit compter 13 chiffres (756.XXXX.XXXX.XX).',
  'navs13.prefix': 'Le numéro AVS doit commencer par 756.',
  'navs13.check_digit': 'Le chiffre de contrôle du numéro AVS est faux : vérifiez le numéro.',
  'navs13.characters': 'Le numéro AVS ne contient que des chiffres et des points.',
  'person.navs13Exists':
    'Une personne avec ce numéro AVS existe déjà : choisissez-la plutôt que d’en créer une nouvelle.',
  'person.possibleDuplicate': 'Des personnes semblables existent : vérifiez-les avant d’en créer une nouvelle.',
  'person.unknownCommune': 'Commune inconnue.',
  'person.birthDateInFuture': 'La date de naissance ne peut pas être dans le futur.',
  'situation.riskFactorsRequired': 'Indiquez au moins un facteur de risque.',
  'situation.followingRequired': 'Indiquez au moins une institution qui suit la personne.',
  'situation.personRequired': 'Choisissez la personne, ou annoncez la situation de manière anonyme.',
  'situation.consentRequired':
    'Sans procuration valable nommant votre institution et le Bureau CII, la situation ne peut être annoncée que ' +
    'de manière anonyme.',
  'situation.transitionNotAllowed': 'Cette étape n’est plus possible : la situation a changé d’état entre-temps.',
  'situation.suggestionsRequired': 'Un refus doit proposer des suggestions : au moins une institution, ou une note.',
  'situation.suggestedUnknown': 'Cette institution n’existe pas dans l’annuaire.',
  'situation.suggestedKindMismatch': 'Cette institution n’est pas du type indiqué.',
  'situation.sameRegion': 'La situation est déjà dans cette région.',
  'list.badCursor': 'Cette page de la liste n’est plus valable. Rechargez la liste depuis le début.',
  'eligibility.missing': 'Répondez à ce critère.',
  'eligibility.not_met': 'Ce critère n’est pas rempli : un tandem n’est pas possible.',
  'eligibility.justification_missing': 'Justifiez la réponse (au moins 3 caractères visibles).',
  'eligibility.not_applicable_refused': 'Ce critère s’applique toujours.',
  'eligibility.neither_regime': 'La personne doit relever de la LACI ou de l’aide sociale.',
  'attachment.empty': 'Le fichier est vide.',
  'attachment.tooLarge': 'Le fichier dépasse {max} Mo.',
  'attachment.badType': 'Seuls les fichiers PDF, PNG et JPEG sont acceptés.',
  'consent.needsPerson': 'Une procuration concerne une personne identifiée : la situation est anonyme.',
  'consent.signedInFuture': 'La date de signature ne peut pas être dans le futur.',
  'consent.validityBeforeSignature': 'La fin de validité doit suivre la date de signature.',
  'consent.scanRequired': 'Joignez la procuration signée (scan).',
  'draft.fixedAfterAnnouncement':
    'Une fois annoncée, la situation garde sa personne, son anonymat et sa région : ' +
    'seul le Bureau CII peut la déplacer vers une autre région.',
  'person.notUsable':
    'Cette personne est déjà connue du CII, mais aucune procuration valable ne nomme votre institution : ' +
    'annoncez la situation de manière anonyme, ou faites signer une procuration et adressez-vous au Bureau CII.',
  'user.ownRoles': 'Vos propres rôles et votre institution sont changés par un·e autre administrateur·rice.',
  'consent.identityRequired':
    'Une procuration porte au moins sur l’identité de la personne : cochez « Identité et coordonnées ».',
  'consent.ownRecording': 'Une autre personne que celle qui a saisi la procuration doit en vérifier le scan.',
  'consent.notPending': 'Cette procuration n’attend plus de vérification.',
  'caseTeam.unknownUser': 'Choisissez un·e professionnel·le actif·ve qui suit des situations.',
  'care.unknownParticipant': 'Choisissez une personne dont le compte est actif.',
  'care.smrDoctorRole':
    'Un médecin SMR ne participe qu’aux assessments MAMAC, et en tant que médecin SMR ; ce rôle est réservé ' +
    'aux médecins SMR.',
  'care.invitation.subject.REQUEST': '{kind} {number} : invitation le {date} à {time}',
  'care.invitation.subject.CANCEL': '{kind} {number} du {date} : annulé',
  'care.invitation.body.REQUEST':
    'Bonjour,\n\nVous êtes invité·e à : {kind}, situation {number}.\nDate : {date} à {time} ({minutes} minutes)\n' +
    'Lieu : {place}\nOrganisé par : {organizer}\n\nL’invitation est jointe pour votre agenda (invitation.ics). ' +
    'Les détails de la situation sont dans Tandem, selon vos droits.\n\nBureau CII',
  'care.invitation.body.CANCEL':
    'Bonjour,\n\n{kind}, situation {number}, prévu le {date} à {time}, est annulé.\n' +
    'L’annulation est jointe pour votre agenda (invitation.ics).\n\nBureau CII',
  'care.kind.assessment': 'Assessment MAMAC',
  'care.kind.round_table': 'Table ronde',
  'care.kind.tandem': 'Coaching en tandem',
  'care.kind.network_follow_up': 'Suivi en réseau',
  'caseTeam.notCovered': 'La procuration valable ne nomme pas {institution} : faites-la d’abord élargir.',
  'tandem.consentMissing':
    'La procuration valable ne couvre pas le suivi par ce tandem (institutions manquantes : {institutions}). La ' +
    'personne qui a annoncé la situation est invitée à la faire élargir.',
  'merge.samePerson': 'Choisissez deux personnes différentes.',
  'merge.alreadyMerged': 'Cette personne a déjà été fusionnée.',
  'csv.empty': 'Le fichier est vide.',
  'tandem.orpMemberRequired': 'Choisissez un·e conseiller·ère ORP qui a le rôle de membre de tandem.',
  'tandem.cmsMemberRequired': 'Choisissez un·e assistant·e social·e du CMS qui a le rôle de membre de tandem.',
  'tandem.alreadyExists': 'Ce tandem existe déjà.',
  'tandem.unknown': 'Ce tandem n’existe pas.',
  'tandem.inactive': 'Ce tandem n’est plus actif.',
  'tandem.other_region': 'Ce tandem travaille dans une autre région que la situation.',
  'tandem.over_capacity_unconfirmed':
    'Ce tandem suit déjà {load} situations pour une capacité de {capacity} : confirmez l’attribution au-delà de ' +
    'sa capacité.',
  'mandate.startBeforeOrientation': 'Le mandat ne peut pas commencer avant l’orientation vers le tandem.',
  'mandate.startTooFar': 'Le début du mandat est trop éloigné (un mois au plus).',
  'mandate.unknownRecipient': 'Un des destinataires n’existe pas ou n’est plus actif.',
  'mandate.beyond_nine_months':
    'Un mandat ne peut pas dépasser neuf mois : la fin ne peut pas être après le {latestEnd}.',
  'mandate.not_later': 'La nouvelle fin doit être après la fin actuelle.',
  'mandate.justification_missing': 'Justifiez la prolongation.',
  'meeting.before_mandate': 'La date est avant le début du mandat.',
  'meeting.in_future': 'Un entretien ne peut pas être daté dans le futur.',
  'meeting.after_closure': 'La date est après la clôture du mandat.',
  'meeting.onlyAuthor': 'Seul·e l’auteur·e d’un entretien peut le modifier.',
  'plannedMeeting.in_past': 'Un entretien se planifie à partir d’aujourd’hui.',
  'plannedMeeting.before_mandate': 'La date est avant le début du mandat.',
  'plannedMeeting.after_mandate': 'La date est après la fin du mandat.',
  'plannedMeeting.mandate_closed': 'Le mandat est clôturé : plus rien ne se planifie.',
  'plannedMeeting.not_yet': 'Cet entretien est prévu plus tard : déplacez-le s’il a eu lieu aujourd’hui.',
  'plannedMeeting.not_planned': 'Cet entretien n’est plus planifié.',
  'plannedMeeting.in_future': 'Un entretien ne peut pas être daté dans le futur.',
  'plannedMeeting.after_closure': 'Le mandat est clôturé : l’entretien ne peut plus être noté.',
  'invitation.summary': 'Tandem · {kind} · situation {number}',
  'invitation.situation': 'Accompagnement tandem, situation {number}.',
  'invitation.personInvited': 'Avec : {name}.',
  'invitation.thePerson': 'la personne accompagnée',
  'invitation.others': 'Autres participant·es : {others}.',
  'invitation.kind.with_person': 'entretien avec la personne',
  'invitation.kind.phone': 'entretien téléphonique',
  'invitation.kind.employer': 'rencontre employeur',
  'invitation.kind.network': 'réunion de réseau',
  'invitation.kind.other': 'rendez-vous',
  'objective.targetBeforeStart': 'L’échéance doit suivre le début.',
  'report.monthOutsideMandate': 'Ce mois n’est pas dans le mandat, ou pas encore commencé.',
  'report.alreadySent': 'Ce rapport a déjà été envoyé : il ne peut plus être modifié.',
  'report.elementsRequired': 'Écrivez les éléments significatifs du mois avant d’envoyer.',
  'report.noRecipient':
    'Aucun destinataire actif avec une adresse e-mail : vérifiez les professionnels initialement en charge.',
  'finalReport.notWritten': 'Écrivez d’abord le bilan final.',
  'closure.final_report_required': 'Le bilan final doit être finalisé avant la clôture.',
  'closure.insertion_required': 'Pour une insertion, indiquez l’employeur, la date, le contrat et le taux.',
  'closure.employer_required': 'Indiquez l’employeur.',
  'closure.rate_out_of_range': 'Le taux d’activité est entre 1 et 100 %.',
  'closure.outcome_before_start': 'La date de l’issue est avant le début du mandat.',
  'closure.outcome_in_future': 'La date de l’issue ne peut pas être dans le futur.',
  'closure.withdraw_reason_required': 'Indiquez pourquoi les mesures en attente sont retirées.',
  'closure.skip_reason_required': 'Indiquez pourquoi ce rapport mensuel n’est pas envoyé.',
  // The parts are composed by the closure: only those with something left (no "rapports non envoyés : —").
  'closure.unsettled':
    'La clôture laisse des points ouverts : {parts}. Retirez les mesures en attente, et envoyez ou sautez chaque ' +
    'rapport avec un motif.',
  'closure.unsettled.measures':
    '{measures, plural, one {# mesure en attente de décision ou approuvée non commencée} ' +
    'other {# mesures en attente de décision ou approuvées non commencées}}',
  'closure.unsettled.months': 'rapports non envoyés : {months}',
  'closure.unsettled.separator': ' ; ',
  'measure.fileClosed': 'Le mandat de cette mesure est clôturé : elle ne peut plus être décidée.',
  'measure.startFileClosed': 'Le mandat est clôturé : une mesure approuvée ne peut plus commencer.',
  'closure.alreadyClosed': 'Ce mandat a déjà été clôturé entre-temps. Rechargez la page.',
  'closure.measureNotOfFile': 'Cette mesure n’est pas une mesure en attente de ce mandat.',
  'closure.measureTwice': 'Cette mesure est indiquée deux fois.',
  'figures.periodBoth': 'Indiquez le premier et le dernier jour de la période.',
  'figures.periodOrder': 'Le dernier jour doit suivre le premier.',
  'figures.periodRange': 'Choisissez une date entre 2000 et 2100.',
  'figures.yearOrPeriod': 'Choisissez une année ou une période, pas les deux.',
  'figures.regionNotAllowed': 'Vous voyez les chiffres de votre région et du canton seulement.',
  'figures.publicCanton':
    'Les chiffres publiés sont ceux du canton : chaque région y figure comme ligne de ses tableaux.',
  'figures.publicYear': 'Les chiffres publiés portent sur une année civile entière.',
  'closure.monthTwice': 'Ce mois est indiqué deux fois.',
  'closure.monthNotOpen': 'Ce mois n’est pas un rapport à envoyer de ce mandat (hors du mandat, déjà envoyé ou sauté).',
  'report.notAsShown':
    'Le rapport enregistré n’est pas celui affiché (non enregistré ou modifié entre-temps) : rien n’a été envoyé. ' +
    'Rechargez la page et vérifiez le texte.',
  'handBack.notPossible':
    'Le dossier ne peut pas être rendu : le mandat n’est pas clos, ou le dossier a déjà été rendu, ou aucun·e ' +
    'conseiller·ère ne l’attend.',
  'measure.personRequired': 'Une mesure se décide pour une personne identifiée : la situation est anonyme.',
  'measure.unknownKind': 'Ce type de mesure n’existe pas ou n’est plus proposé.',
  'measure.providerRequired': 'Indiquez le prestataire ou l’employeur.',
  'measure.goalsRequired': 'Indiquez les objectifs de la mesure.',
  'measure.endBeforeStart': 'La fin ne peut pas précéder le début.',
  'measure.salaryRequired': 'Indiquez le salaire mensuel normal du poste.',
  'measure.percentRequired': 'Indiquez le taux de l’allocation (en % du salaire).',
  'measure.costInvalid': 'Le coût doit être un montant positif.',
  'measure.quantityInvalid': 'Le nombre d’unités doit être d’au moins 1.',
  'measure.aitPercent': 'Une AIT couvre au plus {max} % du salaire normal (art. 66 LACI).',
  'measure.aitDuration': 'Une AIT dure au plus {months} mois : la fin ne peut pas être après le {latest}.',
  'measure.aitDuration50':
    'Même dès 50 ans, une AIT dure au plus {months} mois : la fin ne peut pas être après le {latest}.',
  'measure.mipNotOffered':
    'Le MIP n’existe plus depuis le 1er janvier 2023 : le temps du CMS relève de son budget ordinaire.',
  'measure.mipOnlySocialAid': 'Un MIP ne s’établit que pour une situation annoncée par l’aide sociale.',
  'measure.mipOnce': 'Ce mandat a déjà un MIP.',
  'measure.mipBySocialWorker': 'Le MIP est établi par l’assistant·e social·e du tandem.',
  'measure.nothingToEscalate':
    'Cette mesure respecte les règles : elle suit la voie ordinaire, sans la Commission droit.',
  'measure.escalationReasonRequired':
    'Expliquez à la Commission droit pourquoi une exception se justifie (10 caractères au moins).',
  'measure.cannotEscalate': 'Seule une mesure refusée, et pas encore soumise, peut aller à la Commission droit.',
  'measure.reasonRequired': 'Un refus doit être motivé.',
  'measure.cannot_start': 'Seule une mesure approuvée peut commencer.',
  'measure.cannot_interrupt': 'Seule une mesure en cours peut être interrompue.',
  'measure.cannot_complete': 'Seule une mesure en cours peut être terminée.',
  'measure.dateInFuture': 'La date ne peut pas être dans le futur.',
  'measure.endBeforeStarted': 'La date ne peut pas précéder le début effectif de la mesure.',
  'measure.interruptReasonRequired': 'Indiquez le motif de l’interruption.',
  'measureKind.delegatedOnlyLaci': 'Seules des mesures LACI peuvent relever de la compétence déléguée à l’ORP.',
  'measureKind.codeTaken': 'Ce code est déjà utilisé.',
  'measureKind.regimeFixed': 'Le régime de ce type est fixé par ses règles (AIT, MIP).',
  'followUp.notDue': 'Ce suivi n’est dû que le {date}.',
  'auditCheckpoint.subject': 'Point de contrôle du journal d’audit : position {seq}',
  'auditCheckpoint.body':
    'Le journal d’audit de Tandem comptait {seq} entrées scellées le {at}. Conservez ce courriel sans le ' +
    'modifier : la ligne ci-dessous, signée avec la clé du journal, permet de prouver plus tard que des entrées ' +
    'ont été supprimées ou réécrites. Pour la faire vérifier, ajoutez-la au fichier de points de contrôle ' +
    '(AUDIT_CHECKPOINT_FILE) puis lancez « Vérifier la chaîne » dans le journal d’audit.',
  ...roundTableMessagesFr,
};

const de: Messages = {
  'error.validation': 'Einige Angaben sind ungültig. Bitte korrigieren Sie die markierten Felder.',
  'error.unauthenticated':
    'Ihre Sitzung ist abgelaufen oder Sie sind nicht angemeldet. Bitte melden Sie sich erneut an.',
  'error.forbidden': 'Diese Aktion ist für Ihre Rolle nicht erlaubt.',
  'error.notFound': 'Nicht gefunden.',
  'error.conflict':
    'Dieser Eintrag wurde inzwischen von jemand anderem geändert. Laden Sie ihn neu und wiederholen Sie Ihre Änderung.',
  'error.internal': 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
  'error.busy': 'Der Server ist im Moment stark ausgelastet. Versuchen Sie es in einigen Sekunden erneut.',
  'error.rateLimited':
    'Zu viele Versuche. Bitte versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.',
  'error.accountLocked':
    'Zu viele fehlgeschlagene Anmeldungen bei diesem Konto von Ihrer Adresse aus. Sie ist für dieses Konto ' +
    'vorübergehend gesperrt: Versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.',
  'error.accountSlowedDown':
    'Zu viele fehlgeschlagene Anmeldungen bei diesem Konto in letzter Zeit. Warten Sie zur Sicherheit ' +
    '{seconds, plural, one {# Sekunde} other {# Sekunden}}, bevor Sie es erneut versuchen.',
  'error.crossOrigin': 'Diese Anfrage stammt von einer anderen Website und wird abgelehnt.',
  'error.unknownReference':
    'Ein gewählter Eintrag existiert nicht (mehr). Laden Sie die Seite neu und versuchen Sie es erneut.',
  'error.duplicate': 'Dieser Eintrag existiert bereits.',
  'error.badValue': 'Einer der gesendeten Werte ist ungültig.',
  'auth.invalidCredentials': 'Benutzername oder Passwort ist falsch.',
  'auth.wrongCurrentPassword': 'Das aktuelle Passwort ist falsch.',
  'auth.mustChangePassword': 'Ändern Sie zuerst Ihr vorläufiges Passwort.',
  'error.badRequest': 'Ungültige Anfrage.',
  'error.payloadTooLarge': 'Die gesendete Datei oder der Inhalt ist zu gross.',
  'password.tooShort': 'Das Passwort muss mindestens {min} Zeichen lang sein.',
  'password.tooLong': 'Das Passwort darf höchstens {max} Zeichen lang sein.',
  'password.containsUsername': 'Das Passwort darf den Benutzernamen nicht enthalten.',
  'password.tooSimple': 'Das Passwort ist zu einfach: Verwenden Sie verschiedene Zeichen.',
  'field.required': 'Dieses Feld ist obligatorisch.',
  'field.chooseAtLeastOne': 'Wählen Sie mindestens ein Element.',
  'field.tooShort': 'Mindestens {min} Zeichen.',
  'field.tooLong': 'Höchstens {max} Zeichen.',
  'field.tooSmall': 'Der Wert muss mindestens {min} sein.',
  'field.tooBig': 'Der Wert darf höchstens {max} sein.',
  'field.invalidEmail': 'Ungültige E-Mail-Adresse.',
  'field.invalidChoice': 'Ungültige Auswahl.',
  'field.invalidFormat': 'Ungültiges Format.',
  'field.invalidType': 'Ungültiger Wert.',
  'field.unknownField': 'Unbekanntes Feld.',
  'field.badCharacter': 'Dieses Feld enthält ein unzulässiges Zeichen.',
  'user.usernameTaken': 'Dieser Benutzername ist bereits vergeben.',
  'user.unknownInstitution': 'Unbekannte Institution.',
  'user.unknownOffice': 'Diese Stelle gehört nicht zur gewählten Institution.',
  'user.unknownRegion': 'Unbekannte Region.',
  'user.coordinatorNeedsRegion': 'Eine regionale Koordinationsperson braucht eine Region.',
  'user.rolesRequired': 'Wählen Sie mindestens eine Rolle.',
  'user.cannotDisableSelf': 'Sie können Ihr eigenes Konto nicht deaktivieren.',
  'region.codeTaken': 'Dieser Regionscode existiert bereits.',
  'commune.bfsTaken': 'Eine Gemeinde mit dieser BFS-Nummer existiert bereits.',
  'institution.communeRequired': 'Eine Institution vom Typ Gemeinde muss mit einer Gemeinde verknüpft sein.',
  'csv.missingColumns': 'Fehlende Spalten: {columns}.',
  'csv.badBfs': 'Ungültige BFS-Nummer: «{value}».',
  'csv.missingName': 'Name fehlt.',
  'csv.badCanton': 'Ungültiger Kanton: «{value}» (zwei Buchstaben, z. B. VS).',
  'csv.missingDistrict': 'Bezirk fehlt.',
  'csv.badLanguage': 'Ungültige Sprache: «{value}» (fr oder de).',
  'csv.duplicateInFile': 'BFS-Nummer {value} kommt weiter oben in der Datei bereits vor.',
  'csv.wrongColumnCount': 'Falsche Spaltenzahl ({count} statt {expected}).',
  'navs13.length': 'Die AHV-Nummer hat 13 Ziffern (756.XXXX.XXXX.XX).',
  'navs13.prefix': 'Die AHV-Nummer beginnt mit 756.',
  'navs13.check_digit': 'Die Prüfziffer der AHV-Nummer stimmt nicht: Bitte prüfen Sie die Nummer.',
  'navs13.characters': 'Die AHV-Nummer enthält nur Ziffern und Punkte.',
  'person.navs13Exists':
    'Eine Person mit dieser AHV-Nummer existiert bereits: Wählen Sie diese, statt eine neue zu erfassen.',
  'person.possibleDuplicate': 'Ähnliche Personen existieren: Prüfen Sie diese, bevor Sie eine neue erfassen.',
  'person.unknownCommune': 'Unbekannte Gemeinde.',
  'person.birthDateInFuture': 'Das Geburtsdatum darf nicht in der Zukunft liegen.',
  'situation.riskFactorsRequired': 'Geben Sie mindestens einen Risikofaktor an.',
  'situation.followingRequired': 'Geben Sie mindestens eine Institution an, welche die Person begleitet.',
  'situation.personRequired': 'Wählen Sie die Person oder melden Sie die Situation anonym.',
  'situation.consentRequired':
    'Ohne gültige Vollmacht, die Ihre Institution und das IIZ-Büro nennt, kann die Situation nur anonym gemeldet ' +
    'werden.',
  'situation.transitionNotAllowed':
    'Dieser Schritt ist nicht mehr möglich: Der Status der Situation hat sich inzwischen geändert.',
  'situation.suggestionsRequired':
    'Eine Ablehnung muss Vorschläge enthalten: mindestens eine Institution oder eine Notiz.',
  'situation.suggestedUnknown': 'Diese Institution gibt es im Verzeichnis nicht.',
  'situation.suggestedKindMismatch': 'Diese Institution ist nicht von der angegebenen Art.',
  'situation.sameRegion': 'Die Situation ist bereits in dieser Region.',
  'list.badCursor': 'Diese Seite der Liste ist nicht mehr gültig. Laden Sie die Liste von vorne.',
  'eligibility.missing': 'Beantworten Sie dieses Kriterium.',
  'eligibility.not_met': 'Dieses Kriterium ist nicht erfüllt: Ein Tandem ist nicht möglich.',
  'eligibility.justification_missing': 'Begründen Sie die Antwort (mindestens 3 sichtbare Zeichen).',
  'eligibility.not_applicable_refused': 'Dieses Kriterium gilt immer.',
  'eligibility.neither_regime': 'Die Person muss dem AVIG oder der Sozialhilfe unterstehen.',
  'attachment.empty': 'Die Datei ist leer.',
  'attachment.tooLarge': 'Die Datei ist grösser als {max} MB.',
  'attachment.badType': 'Nur PDF-, PNG- und JPEG-Dateien werden angenommen.',
  'consent.needsPerson': 'Eine Vollmacht betrifft eine identifizierte Person: Die Situation ist anonym.',
  'consent.signedInFuture': 'Das Unterschriftsdatum darf nicht in der Zukunft liegen.',
  'consent.validityBeforeSignature': 'Das Ende der Gültigkeit muss nach dem Unterschriftsdatum liegen.',
  'consent.scanRequired': 'Fügen Sie die unterschriebene Vollmacht bei (Scan).',
  'draft.fixedAfterAnnouncement':
    'Nach der Meldung behält die Situation ihre Person, ihre Anonymität und ihre Region: ' +
    'nur das IIZ-Büro kann sie in eine andere Region verschieben.',
  'person.notUsable':
    'Diese Person ist der IIZ bereits bekannt, aber keine gültige Vollmacht nennt Ihre Institution: Melden Sie ' +
    'die Situation anonym, oder lassen Sie eine Vollmacht unterschreiben und wenden Sie sich an das IIZ-Büro.',
  'user.ownRoles':
    'Ihre eigenen Rollen und Ihre Institution ändert eine andere Administratorin oder ein anderer Administrator.',
  'consent.identityRequired':
    'Eine Vollmacht umfasst mindestens die Identität der Person: Kreuzen Sie «Identität und Kontaktangaben» an.',
  'consent.ownRecording': 'Eine andere Person als die, welche die Vollmacht erfasst hat, muss den Scan prüfen.',
  'consent.notPending': 'Diese Vollmacht wartet nicht mehr auf eine Prüfung.',
  'caseTeam.unknownUser': 'Wählen Sie eine aktive Fachperson, die Situationen begleitet.',
  'care.unknownParticipant': 'Wählen Sie eine Person mit aktivem Konto.',
  'care.smrDoctorRole':
    'RAD-Ärztinnen und -Ärzte nehmen nur an MAMAC-Assessments teil, und zwar in dieser Rolle; diese Rolle ist ' +
    'ihnen vorbehalten.',
  'care.invitation.subject.REQUEST': '{kind} {number}: Einladung am {date} um {time}',
  'care.invitation.subject.CANCEL': '{kind} {number} vom {date}: abgesagt',
  'care.invitation.body.REQUEST':
    'Guten Tag\n\nSie sind eingeladen zu: {kind}, Situation {number}.\nDatum: {date} um {time} ({minutes} Minuten)\n' +
    'Ort: {place}\nOrganisiert von: {organizer}\n\nDie Einladung für Ihren Kalender liegt bei (invitation.ics). ' +
    'Die Einzelheiten der Situation finden Sie in Tandem, gemäss Ihren Rechten.\n\nIIZ-Büro',
  'care.invitation.body.CANCEL':
    'Guten Tag\n\n{kind}, Situation {number}, vorgesehen am {date} um {time}, ist abgesagt.\n' +
    'Die Absage für Ihren Kalender liegt bei (invitation.ics).\n\nIIZ-Büro',
  'care.kind.assessment': 'MAMAC-Assessment',
  'care.kind.round_table': 'Runder Tisch',
  'care.kind.tandem': 'Tandem-Coaching',
  'care.kind.network_follow_up': 'Netzwerkbegleitung',
  'caseTeam.notCovered': 'Die gültige Vollmacht nennt {institution} nicht: Lassen Sie sie zuerst erweitern.',
  'tandem.consentMissing':
    'Die gültige Vollmacht deckt die Begleitung durch dieses Tandem nicht ab (fehlende Institutionen: ' +
    '{institutions}). Die meldende Person wird gebeten, sie erweitern zu lassen.',
  'merge.samePerson': 'Wählen Sie zwei verschiedene Personen.',
  'merge.alreadyMerged': 'Diese Person wurde bereits zusammengeführt.',
  'csv.empty': 'Die Datei ist leer.',
  'tandem.orpMemberRequired': 'Wählen Sie eine RAV-Beratungsperson mit der Rolle Tandem-Mitglied.',
  'tandem.cmsMemberRequired':
    'Wählen Sie eine Sozialarbeiterin oder einen Sozialarbeiter des SMZ mit der Rolle Tandem-Mitglied.',
  'tandem.alreadyExists': 'Dieses Tandem gibt es bereits.',
  'tandem.unknown': 'Dieses Tandem gibt es nicht.',
  'tandem.inactive': 'Dieses Tandem ist nicht mehr aktiv.',
  'tandem.other_region': 'Dieses Tandem arbeitet in einer anderen Region als die Situation.',
  'tandem.over_capacity_unconfirmed':
    'Dieses Tandem begleitet bereits {load} Situationen bei einer Kapazität von {capacity}: Bestätigen Sie die ' +
    'Zuweisung über die Kapazität hinaus.',
  'mandate.startBeforeOrientation': 'Das Mandat kann nicht vor der Zuweisung an das Tandem beginnen.',
  'mandate.startTooFar': 'Der Beginn des Mandats liegt zu weit in der Zukunft (höchstens ein Monat).',
  'mandate.unknownRecipient': 'Eine der Empfängerpersonen gibt es nicht oder sie ist nicht mehr aktiv.',
  'mandate.beyond_nine_months':
    'Ein Mandat darf neun Monate nicht überschreiten: Das Ende darf nicht nach dem {latestEnd} liegen.',
  'mandate.not_later': 'Das neue Ende muss nach dem aktuellen Ende liegen.',
  'mandate.justification_missing': 'Begründen Sie die Verlängerung.',
  'meeting.before_mandate': 'Das Datum liegt vor dem Beginn des Mandats.',
  'meeting.in_future': 'Ein Gespräch kann nicht in der Zukunft datiert sein.',
  'meeting.after_closure': 'Das Datum liegt nach dem Abschluss des Mandats.',
  'meeting.onlyAuthor': 'Nur die Person, die das Gespräch erfasst hat, kann es ändern.',
  'plannedMeeting.in_past': 'Ein Gespräch wird ab heute geplant.',
  'plannedMeeting.before_mandate': 'Das Datum liegt vor dem Beginn des Mandats.',
  'plannedMeeting.after_mandate': 'Das Datum liegt nach dem Ende des Mandats.',
  'plannedMeeting.mandate_closed': 'Das Mandat ist abgeschlossen: Es wird nichts mehr geplant.',
  'plannedMeeting.not_yet': 'Dieses Gespräch ist später geplant: Verschieben Sie es, falls es heute stattfand.',
  'plannedMeeting.not_planned': 'Dieses Gespräch ist nicht mehr geplant.',
  'plannedMeeting.in_future': 'Ein Gespräch kann nicht in der Zukunft datiert sein.',
  'plannedMeeting.after_closure': 'Das Mandat ist abgeschlossen: Das Gespräch kann nicht mehr erfasst werden.',
  'invitation.summary': 'Tandem · {kind} · Situation {number}',
  'invitation.situation': 'Tandem-Begleitung, Situation {number}.',
  'invitation.personInvited': 'Mit: {name}.',
  'invitation.thePerson': 'der begleiteten Person',
  'invitation.others': 'Weitere Teilnehmende: {others}.',
  'invitation.kind.with_person': 'Gespräch mit der Person',
  'invitation.kind.phone': 'Telefongespräch',
  'invitation.kind.employer': 'Treffen mit Arbeitgeber',
  'invitation.kind.network': 'Netzwerksitzung',
  'invitation.kind.other': 'Termin',
  'objective.targetBeforeStart': 'Die Frist muss nach dem Beginn liegen.',
  'report.monthOutsideMandate': 'Dieser Monat liegt nicht im Mandat oder hat noch nicht begonnen.',
  'report.alreadySent': 'Dieser Bericht wurde bereits versandt: Er kann nicht mehr geändert werden.',
  'report.elementsRequired': 'Schreiben Sie vor dem Versand die wesentlichen Elemente des Monats.',
  'report.noRecipient':
    'Keine aktive Empfängerperson mit E-Mail-Adresse: Prüfen Sie die ursprünglich zuständigen Fachpersonen.',
  'finalReport.notWritten': 'Schreiben Sie zuerst den Schlussbericht.',
  'closure.final_report_required': 'Der Schlussbericht muss vor dem Abschluss fertiggestellt sein.',
  'closure.insertion_required': 'Geben Sie bei einer Eingliederung Arbeitgeber, Datum, Vertrag und Pensum an.',
  'closure.employer_required': 'Geben Sie den Arbeitgeber an.',
  'closure.rate_out_of_range': 'Das Pensum liegt zwischen 1 und 100 %.',
  'closure.outcome_before_start': 'Das Datum des Ergebnisses liegt vor dem Beginn des Mandats.',
  'closure.outcome_in_future': 'Das Datum des Ergebnisses darf nicht in der Zukunft liegen.',
  'closure.withdraw_reason_required': 'Geben Sie an, warum die hängigen Massnahmen zurückgezogen werden.',
  'closure.skip_reason_required': 'Geben Sie an, warum dieser Monatsbericht nicht versandt wird.',
  'closure.unsettled':
    'Der Abschluss lässt Punkte offen: {parts}. Ziehen Sie die hängigen Massnahmen zurück und versenden oder ' +
    'überspringen Sie jeden Bericht mit einer Begründung.',
  'closure.unsettled.measures':
    '{measures, plural, one {# Massnahme mit hängigem Entscheid oder bewilligt, nicht begonnen} ' +
    'other {# Massnahmen mit hängigem Entscheid oder bewilligt, nicht begonnen}}',
  'closure.unsettled.months': 'nicht versandte Berichte: {months}',
  'closure.unsettled.separator': '; ',
  'measure.fileClosed': 'Das Mandat dieser Massnahme ist abgeschlossen: Sie kann nicht mehr entschieden werden.',
  'measure.startFileClosed': 'Das Mandat ist abgeschlossen: Eine bewilligte Massnahme kann nicht mehr beginnen.',
  'closure.alreadyClosed': 'Dieses Mandat wurde inzwischen bereits abgeschlossen. Laden Sie die Seite neu.',
  'closure.measureNotOfFile': 'Diese Massnahme ist keine hängige Massnahme dieses Mandats.',
  'closure.measureTwice': 'Diese Massnahme ist zweimal angegeben.',
  'figures.periodBoth': 'Geben Sie den ersten und den letzten Tag des Zeitraums an.',
  'figures.periodOrder': 'Der letzte Tag muss nach dem ersten liegen.',
  'figures.periodRange': 'Wählen Sie ein Datum zwischen 2000 und 2100.',
  'figures.yearOrPeriod': 'Wählen Sie ein Jahr oder einen Zeitraum, nicht beides.',
  'figures.regionNotAllowed': 'Sie sehen nur die Zahlen Ihrer Region und des Kantons.',
  'figures.publicCanton':
    'Veröffentlicht werden die Zahlen des Kantons: Jede Region erscheint darin als Zeile seiner Tabellen.',
  'figures.publicYear': 'Veröffentlichte Zahlen betreffen ein ganzes Kalenderjahr.',
  'closure.monthTwice': 'Dieser Monat ist zweimal angegeben.',
  'closure.monthNotOpen':
    'Dieser Monat ist kein zu versendender Bericht dieses Mandats ' +
    '(ausserhalb des Mandats, versandt oder übersprungen).',
  'report.notAsShown':
    'Der gespeicherte Bericht ist nicht der angezeigte (nicht gespeichert oder inzwischen geändert): Nichts wurde ' +
    'versandt. Laden Sie die Seite neu und prüfen Sie den Text.',
  'handBack.notPossible':
    'Das Dossier kann nicht zurückgegeben werden: Das Mandat ist nicht abgeschlossen, das Dossier wurde bereits ' +
    'zurückgegeben oder niemand erwartet es.',
  'measure.personRequired': 'Eine Massnahme wird für eine identifizierte Person entschieden: Die Situation ist anonym.',
  'measure.unknownKind': 'Diese Massnahmenart gibt es nicht oder nicht mehr.',
  'measure.providerRequired': 'Geben Sie den Anbieter oder den Arbeitgeber an.',
  'measure.goalsRequired': 'Geben Sie die Ziele der Massnahme an.',
  'measure.endBeforeStart': 'Das Ende kann nicht vor dem Beginn liegen.',
  'measure.salaryRequired': 'Geben Sie den normalen Monatslohn der Stelle an.',
  'measure.percentRequired': 'Geben Sie den Satz des Zuschusses an (in % des Lohns).',
  'measure.costInvalid': 'Die Kosten müssen ein positiver Betrag sein.',
  'measure.quantityInvalid': 'Die Anzahl Einheiten muss mindestens 1 sein.',
  'measure.aitPercent': 'Ein Einarbeitungszuschuss deckt höchstens {max} % des normalen Lohns (Art. 66 AVIG).',
  'measure.aitDuration':
    'Ein Einarbeitungszuschuss dauert höchstens {months} Monate: Das Ende darf nicht nach dem {latest} liegen.',
  'measure.aitDuration50':
    'Auch ab 50 Jahren dauert ein Einarbeitungszuschuss höchstens {months} Monate: Das Ende darf nicht nach dem ' +
    '{latest} liegen.',
  'measure.mipNotOffered':
    'Das MIP gibt es seit dem 1. Januar 2023 nicht mehr: Die Zeit des SMZ läuft über sein ordentliches Budget.',
  'measure.mipOnlySocialAid': 'Ein MIP wird nur für eine von der Sozialhilfe gemeldete Situation erstellt.',
  'measure.mipOnce': 'Dieses Mandat hat bereits ein MIP.',
  'measure.mipBySocialWorker': 'Das MIP erstellt die Sozialarbeiterin oder der Sozialarbeiter des Tandems.',
  'measure.nothingToEscalate':
    'Diese Massnahme hält die Regeln ein: Sie geht den ordentlichen Weg, ohne Rechtskommission.',
  'measure.escalationReasonRequired':
    'Erklären Sie der Rechtskommission, warum eine Ausnahme gerechtfertigt ist (mindestens 10 Zeichen).',
  'measure.cannotEscalate':
    'Nur eine abgelehnte, noch nicht unterbreitete Massnahme kann an die Rechtskommission gehen.',
  'measure.reasonRequired': 'Eine Ablehnung muss begründet werden.',
  'measure.cannot_start': 'Nur eine bewilligte Massnahme kann beginnen.',
  'measure.cannot_interrupt': 'Nur eine laufende Massnahme kann abgebrochen werden.',
  'measure.cannot_complete': 'Nur eine laufende Massnahme kann abgeschlossen werden.',
  'measure.dateInFuture': 'Das Datum darf nicht in der Zukunft liegen.',
  'measure.endBeforeStarted': 'Das Datum darf nicht vor dem tatsächlichen Beginn der Massnahme liegen.',
  'measure.interruptReasonRequired': 'Geben Sie den Grund des Abbruchs an.',
  'measureKind.delegatedOnlyLaci': 'Nur AVIG-Massnahmen können in der an das RAV delegierten Kompetenz liegen.',
  'measureKind.codeTaken': 'Dieser Code wird bereits verwendet.',
  'measureKind.regimeFixed': 'Das Regime dieser Art ist durch ihre Regeln festgelegt (EAZ, MIP).',
  'followUp.notDue': 'Diese Nachkontrolle ist erst am {date} fällig.',
  'auditCheckpoint.subject': 'Kontrollpunkt des Audit-Protokolls: Position {seq}',
  'auditCheckpoint.body':
    'Das Audit-Protokoll von Tandem zählte am {at} {seq} versiegelte Einträge. Bewahren Sie diese E-Mail ' +
    'unverändert auf: Mit der untenstehenden, mit dem Protokollschlüssel signierten Zeile lässt sich später ' +
    'nachweisen, dass Einträge gelöscht oder umgeschrieben wurden. Zur Prüfung fügen Sie sie der ' +
    'Kontrollpunktdatei (AUDIT_CHECKPOINT_FILE) hinzu und starten im Audit-Protokoll «Kette prüfen».',
  ...roundTableMessagesDe,
};

export const MESSAGES: Record<Language, Messages> = {
  fr: { ...fr, ...ASSESSMENT_MESSAGES.fr, ...HISTORY_MESSAGES.fr, ...ALERT_MESSAGES.fr },
  de: { ...de, ...ASSESSMENT_MESSAGES.de, ...HISTORY_MESSAGES.de, ...ALERT_MESSAGES.de },
};

export function translate(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[lang][key] ?? MESSAGES.fr[key] ?? key;
  return formatMessage(template, params, lang, (name) => `{${name}}`);
}

/** The caller's language: the signed-in user's choice, else Accept-Language, else French. */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return 'fr';
  const first = header
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((code) => code === 'fr' || code === 'de');
  return (first as Language | undefined) ?? 'fr';
}
