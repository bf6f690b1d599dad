import { kindDictionary } from '../../../domain/access/institution-kind-labels.ts';
import { frSituations } from './situations.ts';
import { frTandem } from './tandem.ts';
import { frTandemFile } from './tandem-file.ts';
import { frAssessments } from './assessments.ts';
import { frMeasures } from './measures.ts';
import { frFigures } from './figures.ts';
import { frAnnualReport } from './annual-report.ts';
import { frHistory } from './history.ts';
import { frAlerts } from './alerts.ts';
import { frRoundTables } from './round-tables.ts';
import { frCare } from './care.ts';

/** French: the reference dictionary. German must have exactly the same keys (checked by a test). */
export const fr = {
  'app.name': 'Tandem',
  'app.tagline': 'Collaboration interinstitutionnelle (CII) du Valais',
  'app.skipToContent': 'Aller au contenu',
  'app.language': 'Langue',
  'app.loading': 'Chargement…',
  'app.save': 'Enregistrer',
  'app.cancel': 'Annuler',
  'app.create': 'Créer',
  'app.edit': 'Modifier',
  'app.close': 'Fermer',
  'app.search': 'Rechercher',
  'app.yes': 'Oui',
  'app.no': 'Non',
  'app.actions': 'Actions',
  'app.none': '—',
  'app.saved': 'Enregistré.',
  'app.error': 'Erreur',
  'app.pageOf': 'Page {page} sur {pages} · {total, plural, one {# élément} other {# éléments}}',
  'app.previousPage': 'Page précédente',
  'app.nextPage': 'Page suivante',
  'app.firstPage': 'Première page',
  'app.lastPage': 'Dernière page',
  'app.goToPage': 'Page {page}',
  'app.notFound.title': 'Page introuvable',
  'app.notFound.text': 'Cette page n’existe pas ou vous n’y avez pas accès.',
  'app.backHome': 'Retour à l’accueil',
  'app.datePlaceholder': 'jj.mm.aaaa',
  'app.dateInvalid': 'Date invalide (jj.mm.aaaa).',

  'nav.home': 'Accueil',
  'nav.users': 'Utilisateurs',
  'nav.organisations': 'Organisations',
  'nav.audit': 'Journal d’audit',
  'nav.profile': 'Mon profil',
  'nav.outbox': 'Courriels sortants',
  'outbox.aboutSituation': 'Contenu d’un dossier : pas de téléchargement ici',
  'outbox.title': 'Courriels sortants',
  'outbox.intro':
    'Les courriels partent par SMTP quand il est configuré (SMTP_URL) ; sinon ils attendent ici et chacun peut ' +
    'être téléchargé en fichier .eml, sauf ceux qui portent le contenu d’un dossier (rapports mensuels, mesures ' +
    'retirées à une clôture), ' +
    'réservés aux personnes qui suivent la situation. Un serveur indisponible retarde un envoi, sans le perdre ' +
    'ni le doubler.',
  'outbox.created': 'Créé le',
  'outbox.to': 'Destinataires',
  'outbox.subject': 'Objet',
  'outbox.status': 'État',
  'outbox.attempts': 'Essais',
  'outbox.file': 'Fichier',
  'outbox.sent': 'Envoyé le {time}',
  'outbox.pending': 'En attente',
  'outbox.nextAttempt': 'Prochain essai {time}',
  'outbox.download': 'Télécharger (.eml)',
  'outbox.none': 'Aucun courriel.',
  'nav.signOut': 'Se déconnecter',
  'nav.main': 'Navigation principale',

  'signIn.title': 'Connexion',
  'signIn.intro': 'Connectez-vous avec le compte que vous a remis l’administration CII.',
  'signIn.username': 'Nom d’utilisateur',
  'signIn.password': 'Mot de passe',
  'signIn.submit': 'Se connecter',
  'signIn.signedOut': 'Vous êtes déconnecté·e.',

  'home.title': 'Bonjour {name}',
  'home.attention': 'À traiter',
  'home.nothing': 'Rien ne requiert votre attention pour le moment.',
  'home.changePassword': 'Votre mot de passe est provisoire : choisissez-en un nouveau.',
  'home.changePasswordAction': 'Changer le mot de passe',
  'home.lockedAccounts':
    '{count, plural, one {# compte dont la connexion est bloquée} other {# comptes dont la connexion est bloquée}} ' +
    'depuis au moins une adresse après des échecs répétés.',
  'home.lockedAccountsAction': 'Voir les utilisateurs',
  'home.yourRoles': 'Vos rôles',
  'home.yourInstitution': 'Votre institution',

  'profile.title': 'Mon profil',
  'profile.language': 'Langue de l’interface, des e-mails et des documents',
  'profile.password': 'Changer le mot de passe',
  'profile.currentPassword': 'Mot de passe actuel',
  'profile.newPassword': 'Nouveau mot de passe',
  'profile.newPasswordHint': 'Au moins 12 caractères ; une phrase facile à retenir convient bien.',
  'profile.confirmPassword': 'Confirmer le nouveau mot de passe',
  'profile.passwordsDiffer': 'Les deux mots de passe ne sont pas identiques.',
  'profile.passwordChanged': 'Mot de passe changé. Vos autres sessions ont été fermées.',
  'profile.mustChange': 'Votre mot de passe est provisoire. Choisissez-en un nouveau pour continuer.',

  'org.title': 'Organisations',
  'org.regions': 'Régions',
  'org.institutions': 'Institutions',
  'org.offices': 'Offices',
  'org.communes': 'Communes',
  'org.import': 'Importer des communes',
  'org.code': 'Code',
  'org.nameFr': 'Nom (français)',
  'org.nameDe': 'Nom (allemand)',
  'org.name': 'Nom',
  'org.kind': 'Type',
  'org.region': 'Région',
  'org.commune': 'Commune',
  'org.institution': 'Institution',
  'org.address': 'Adresse',
  'org.active': 'Actif',
  'org.bfsNumber': 'N° OFS',
  'org.canton': 'Canton',
  'org.district': 'District',
  'org.language': 'Langue',
  'org.new': 'Ajouter',
  'org.importIntro':
    'Fichier CSV (séparateur virgule ou point-virgule) avec les colonnes : numéro OFS, nom, canton, district, ' +
    'langue (fr ou de). Les communes existantes sont mises à jour d’après leur numéro OFS.',
  'org.importFile': 'Fichier CSV',
  'org.importRun': 'Importer',
  'org.importResult':
    '{created, plural, one {# créée} other {# créées}}, {updated, plural, one {# mise} other {# mises}} à jour, ' +
    '{rejected, plural, one {# ligne refusée} other {# lignes refusées}}.',
  'org.importLine': 'Ligne {line}',

  'audit.title': 'Journal d’audit',
  'audit.intro':
    'Chaque lecture et modification de données personnelles et chaque action d’administration, avec son auteur. ' +
    'Le journal ne peut être ni modifié ni effacé ; la vérification recalcule la chaîne d’empreintes signées et ' +
    'la compare aux points de contrôle gardés hors de la base.',
  'audit.when': 'Date',
  'audit.who': 'Qui',
  'audit.action': 'Action',
  'audit.record': 'Enregistrement',
  'audit.ip': 'Adresse IP',
  'audit.result': 'Résultat',
  'audit.allowed': 'Autorisé',
  'audit.denied': 'Refusé',
  'audit.filterUser': 'Utilisateur',
  'audit.from': 'Du',
  'audit.to': 'Au',
  'audit.verify': 'Vérifier la chaîne',
  'audit.chainOk': 'Chaîne intacte : {checked, plural, one {# entrée vérifiée} other {# entrées vérifiées}}.',
  'audit.checkpointCompared':
    'Comparée au dernier point de contrôle enregistré hors de la base : position {seq}, {at}.',
  'audit.noCheckpoint':
    'Aucun point de contrôle hors de la base : la suppression des dernières entrées ne serait pas détectée.',
  'audit.chainBroken': 'Chaîne rompue à la position {seq} : {reason}.',
  'audit.reason.hash_mismatch': 'une entrée a été modifiée (son empreinte ne correspond plus)',
  'audit.reason.missing_row': 'une entrée a été supprimée',
  'audit.reason.missing_tail':
    'les dernières entrées ont été supprimées (un point de contrôle hors de la base en comptait davantage)',
  'audit.reason.checkpoint_mismatch':
    'la chaîne a été recalculée (elle diffère du point de contrôle enregistré hors de la base)',
  'audit.reason.checkpoint_invalid': 'signature fausse',
  'audit.checkpointInvalid':
    'Le fichier des points de contrôle contient des lignes dont la signature est fausse (lignes {lines}) : il a ' +
    'été modifié, ou elles viennent d’une autre installation.',
  'audit.system': 'Système',
  'audit.none': 'Aucune entrée.',
  'audit.filterPerson': 'Personne (nom ou n° AVS)',
  'audit.filterPersonHint': 'Parmi les personnes des dossiers que vous voyez',
  'audit.filterRecord': 'Situation (CII-AAAA-NNNN) ou identifiant',
  'audit.filterActionLabel': 'Action',
  'audit.filterResult': 'Résultat',
  'audit.person': 'Personne',
  'audit.personHidden': 'Personne non visible pour vous',
  'audit.code': 'Code : {code}',
  'audit.exportCsv': 'Exporter en CSV',
  'audit.exportHint': 'L’export reprend les filtres choisis : {max} entrées au plus, les plus récentes.',
  'audit.showMore': 'Afficher plus',
  'audit.shownMore': 'Entrées affichées : {n} ; les plus anciennes suivent.',
  'audit.shownAll': 'Entrées affichées : {n}, toutes.',

  'role.field_professional': 'Professionnel·le de terrain',
  'role.cii_correspondent': 'Répondant·e CII',
  'role.bureau_member': 'Membre du Bureau CII',
  'role.regional_coordinator': 'Coordinateur·trice régional·e',
  'role.tandem_member': 'Membre d’un tandem',
  'role.measures_decider': 'Décideur·se mesures (LMMT)',
  'role.sas_reviewer': 'Préavis SAS',
  'role.commune_approver': 'Approbation communale',
  'role.smr_doctor': 'Médecin SMR de l’OAI',
  'role.statistics_reader': 'Lecture des statistiques (COPIL/CDC)',
  'role.admin': 'Administrateur·trice',

  ...kindDictionary('fr'),

  'lang.fr': 'Français',
  'lang.de': 'Deutsch',
  ...frSituations,
  ...frTandem,
  ...frTandemFile,
  ...frAssessments,
  ...frMeasures,
  ...frFigures,
  ...frAnnualReport,
  ...frHistory,
  ...frAlerts,
  ...frRoundTables,
  ...frCare,
};

export type MessageKey = keyof typeof fr;
