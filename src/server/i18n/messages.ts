import type { Language } from '../../domain/access/roles.ts';

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
  'error.rateLimited': 'Trop de tentatives. Réessayez dans {minutes} minute(s).',
  'error.accountLocked':
    'Trop d’échecs de connexion pour ce compte. Il est bloqué temporairement : réessayez dans {minutes} minute(s).',
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
  'field.tooShort': 'Au moins {min} caractère(s).',
  'field.tooLong': 'Au plus {max} caractères.',
  'field.tooSmall': 'La valeur doit être au moins {min}.',
  'field.tooBig': 'La valeur doit être au plus {max}.',
  'field.invalidEmail': 'Adresse e-mail invalide.',
  'field.invalidChoice': 'Choix invalide.',
  'field.invalidFormat': 'Format invalide.',
  'field.invalidType': 'Valeur invalide.',
  'field.unknownField': 'Champ inconnu.',
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
  'csv.empty': 'Le fichier est vide.',
};

const de: Messages = {
  'error.validation': 'Einige Angaben sind ungültig. Bitte korrigieren Sie die markierten Felder.',
  'error.unauthenticated': 'Ihre Sitzung ist abgelaufen oder Sie sind nicht angemeldet. Bitte melden Sie sich erneut an.',
  'error.forbidden': 'Diese Aktion ist für Ihre Rolle nicht erlaubt.',
  'error.notFound': 'Nicht gefunden.',
  'error.conflict':
    'Dieser Eintrag wurde inzwischen von jemand anderem geändert. Laden Sie ihn neu und wiederholen Sie Ihre Änderung.',
  'error.internal': 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
  'error.rateLimited': 'Zu viele Versuche. Bitte versuchen Sie es in {minutes} Minute(n) erneut.',
  'error.accountLocked':
    'Zu viele fehlgeschlagene Anmeldungen für dieses Konto. Es ist vorübergehend gesperrt: Versuchen Sie es in {minutes} Minute(n) erneut.',
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
  'field.tooShort': 'Mindestens {min} Zeichen.',
  'field.tooLong': 'Höchstens {max} Zeichen.',
  'field.tooSmall': 'Der Wert muss mindestens {min} sein.',
  'field.tooBig': 'Der Wert darf höchstens {max} sein.',
  'field.invalidEmail': 'Ungültige E-Mail-Adresse.',
  'field.invalidChoice': 'Ungültige Auswahl.',
  'field.invalidFormat': 'Ungültiges Format.',
  'field.invalidType': 'Ungültiger Wert.',
  'field.unknownField': 'Unbekanntes Feld.',
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
  'csv.empty': 'Die Datei ist leer.',
};

export const MESSAGES: Record<Language, Messages> = { fr, de };

export function translate(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[lang][key] ?? MESSAGES.fr[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
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
