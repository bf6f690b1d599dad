import { formatMessage, frenchSpacing } from '../../../domain/format/message.ts';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The words of the users screens (administration), in French and German. They travel with this lazy screen, not in
 * the dictionaries every page loads (the home page's script budget, decision 015).
 */
const FR = {
  'users.title': 'Utilisateurs',
  'users.new': 'Nouvel utilisateur',
  'users.edit': 'Modifier l’utilisateur',
  'users.search': 'Nom, prénom, e-mail ou nom d’utilisateur',
  'users.includeDisabled': 'Afficher les comptes désactivés',
  'users.username': 'Nom d’utilisateur',
  'users.name': 'Nom',
  'users.givenName': 'Prénom',
  'users.familyName': 'Nom de famille',
  'users.email': 'E-mail',
  'users.phone': 'Téléphone',
  'users.institution': 'Institution',
  'users.office': 'Office',
  'users.region': 'Région',
  'users.roles': 'Rôles',
  'users.language': 'Langue',
  'users.status': 'État',
  'users.active': 'Actif',
  'users.disabled': 'Désactivé',
  'users.locked': 'Connexion bloquée depuis une adresse jusqu’à {time}',
  'users.mustChange': 'Mot de passe provisoire',
  'users.disable': 'Désactiver le compte',
  'users.resetPassword': 'Réinitialiser le mot de passe',
  'users.resetConfirm':
    'Un nouveau mot de passe provisoire sera créé et les sessions de ce compte fermées. Continuer ?',
  'users.temporaryPassword': 'Mot de passe provisoire',
  'users.temporaryPasswordText':
    'Transmettez ce mot de passe à {name} par un canal sûr. Il ne sera plus affiché ; il devra être changé à la ' +
    'première connexion.',
  'users.none': 'Aucun utilisateur ne correspond.',
  'users.readOnly': 'Vous voyez les utilisateurs de votre institution, sans pouvoir les modifier.',
} as const;
type UsersKey = keyof typeof FR;

const DE: Record<UsersKey, string> = {
  'users.title': 'Benutzer',
  'users.new': 'Neuer Benutzer',
  'users.edit': 'Benutzer bearbeiten',
  'users.search': 'Name, Vorname, E-Mail oder Benutzername',
  'users.includeDisabled': 'Deaktivierte Konten anzeigen',
  'users.username': 'Benutzername',
  'users.name': 'Name',
  'users.givenName': 'Vorname',
  'users.familyName': 'Nachname',
  'users.email': 'E-Mail',
  'users.phone': 'Telefon',
  'users.institution': 'Institution',
  'users.office': 'Stelle',
  'users.region': 'Region',
  'users.roles': 'Rollen',
  'users.language': 'Sprache',
  'users.status': 'Status',
  'users.active': 'Aktiv',
  'users.disabled': 'Deaktiviert',
  'users.locked': 'Anmeldung von einer Adresse aus gesperrt bis {time}',
  'users.mustChange': 'Vorläufiges Passwort',
  'users.disable': 'Konto deaktivieren',
  'users.resetPassword': 'Passwort zurücksetzen',
  'users.resetConfirm':
    'Ein neues vorläufiges Passwort wird erstellt und die Sitzungen dieses Kontos werden beendet. Fortfahren?',
  'users.temporaryPassword': 'Vorläufiges Passwort',
  'users.temporaryPasswordText':
    'Übermitteln Sie dieses Passwort {name} auf sicherem Weg. Es wird nicht mehr angezeigt und muss bei der ' +
    'ersten Anmeldung geändert werden.',
  'users.none': 'Keine passenden Benutzer.',
  'users.readOnly': 'Sie sehen die Benutzer Ihrer Institution, ohne sie ändern zu können.',
};

export const USERS_TEXT = { fr: FR, de: DE } as const;

/** `t` as everywhere, the users screens' own words included. */
export function useUsersText() {
  const i18n = useI18n();
  const t = (key: UsersKey | MessageKey, params: Record<string, string | number> = {}) =>
    key in FR
      ? formatMessage(i18n.lang === 'fr' ? frenchSpacing(FR[key as UsersKey]) : DE[key as UsersKey], params, i18n.lang)
      : i18n.t(key as MessageKey, params);
  return { ...i18n, t };
}
