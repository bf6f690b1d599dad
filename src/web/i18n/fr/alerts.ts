/** Caseloads and alerts (issue 14): only the shell's words; the screens carry their own (features/alerts). */
export const frAlerts = {
  'nav.alerts': 'Alertes',
  'nav.machineTokens': 'Jetons machine',
  'home.alerts': '{count, plural, one {# alerte attend} other {# alertes attendent}} votre institution.',
  'home.alertsAction': 'Voir les alertes',
} as const;
