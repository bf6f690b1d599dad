/** The caseloads' and alerts' server messages (issue 14), spread into `messages.ts`. Same keys in both languages. */
export const ALERT_MESSAGES = {
  fr: {
    'caseload.required': 'Colonne {column} : valeur obligatoire.',
    'caseload.navs13': 'Colonne {column} : numéro AVS invalide (756.XXXX.XXXX.XX, chiffre de contrôle).',
    'caseload.reference': 'Colonne {column} : au plus {max} caractères, sans caractère de contrôle.',
    'caseload.date': 'Colonne {column} : ce n’est pas une date (aaaa-mm-jj ou jj.mm.aaaa).',
    'caseload.dateRange': 'Colonne {column} : la date doit être entre 1990 et aujourd’hui.',
    'caseload.referenceNavs13':
      'Colonne {column} : on dirait un numéro AVS ; la référence doit être celle de votre dossier, sans numéro AVS.',
    'caseload.laciBeforeSince': 'Colonne {column} : la fin du droit LACI précède le début du suivi.',
    'caseload.riskFlag': 'Colonne {column} : valeur inconnue (valeurs admises : {allowed}).',
    'caseload.duplicate': 'Colonne {column} : même numéro AVS qu’à la ligne {line}.',
    'caseload.columnMissing': 'La colonne obligatoire {column} manque.',
    'caseload.columnUnknown': 'La colonne {column} n’existe pas dans le modèle.',
    'caseload.tooManyRows': 'Le fichier contient plus de {max} lignes.',
    'caseload.noneAccepted': 'Aucune ligne n’est valable : la liste actuelle reste telle quelle.',
    'caseload.badToken': 'Jeton absent, inconnu, expiré ou révoqué.',
    'alert.notOpen': 'Cette alerte a déjà été traitée.',
    'token.expiry': 'La date d’expiration doit être entre demain et dans deux ans.',
    'token.institution': 'Institution inconnue.',
    'alertDigest.subject': 'Tandem : {n, plural, one {# nouvelle alerte} other {# nouvelles alertes}}',
    'alertDigest.body':
      'Bonjour,\n\n{n, plural, one {Une nouvelle alerte attend} other {# nouvelles alertes attendent}} ' +
      'votre institution dans Tandem (page « Alertes »).\nRien d’une personne ne figure dans ce message.\n\n' +
      'Tandem CII Valais',
    'alert.regionRequired': 'Choisissez la région de la personne : votre compte n’en a pas.',
  },
  de: {
    'caseload.required': 'Spalte {column}: Pflichtwert.',
    'caseload.navs13': 'Spalte {column}: ungültige AHV-Nummer (756.XXXX.XXXX.XX, Prüfziffer).',
    'caseload.reference': 'Spalte {column}: höchstens {max} Zeichen, ohne Steuerzeichen.',
    'caseload.date': 'Spalte {column}: Das ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ).',
    'caseload.dateRange': 'Spalte {column}: Das Datum muss zwischen 1990 und heute liegen.',
    'caseload.referenceNavs13':
      'Spalte {column}: Das sieht wie eine AHV-Nummer aus; die Referenz ist die Ihres Dossiers, ohne AHV-Nummer.',
    'caseload.laciBeforeSince': 'Spalte {column}: Das Ende des AVIG-Anspruchs liegt vor dem Beginn der Betreuung.',
    'caseload.riskFlag': 'Spalte {column}: unbekannter Wert (zulässige Werte: {allowed}).',
    'caseload.duplicate': 'Spalte {column}: gleiche AHV-Nummer wie in Zeile {line}.',
    'caseload.columnMissing': 'Die Pflichtspalte {column} fehlt.',
    'caseload.columnUnknown': 'Die Spalte {column} gibt es in der Vorlage nicht.',
    'caseload.tooManyRows': 'Die Datei enthält mehr als {max} Zeilen.',
    'caseload.noneAccepted': 'Keine Zeile ist gültig: Die bisherige Liste bleibt unverändert.',
    'caseload.badToken': 'Token fehlt, ist unbekannt, abgelaufen oder widerrufen.',
    'alert.notOpen': 'Diese Warnung wurde bereits bearbeitet.',
    'token.expiry': 'Das Ablaufdatum muss zwischen morgen und in zwei Jahren liegen.',
    'token.institution': 'Unbekannte Institution.',
    'alertDigest.subject': 'Tandem: {n, plural, one {# neue Warnung} other {# neue Warnungen}}',
    'alertDigest.body':
      'Guten Tag\n\n{n, plural, one {Eine neue Warnung wartet} other {# neue Warnungen warten}} ' +
      'in Tandem auf Ihre Institution (Seite «Warnungen»).\nDiese Nachricht enthält nichts über eine Person.\n\n' +
      'Tandem IIZ Wallis',
    'alert.regionRequired': 'Wählen Sie die Region der Person: Ihr Konto hat keine.',
  },
};
