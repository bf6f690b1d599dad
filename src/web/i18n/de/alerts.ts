import type { frAlerts } from '../fr/alerts.ts';

/** Caseloads and alerts (issue 14): only the shell's words; the screens carry their own (features/alerts). */
export const deAlerts: Record<keyof typeof frAlerts, string> = {
  'nav.alerts': 'Warnungen',
  'nav.machineTokens': 'Maschinen-Token',
  'home.alerts': '{count, plural, one {# Warnung wartet} other {# Warnungen warten}} auf Ihre Institution.',
  'home.alertsAction': 'Warnungen ansehen',
};
