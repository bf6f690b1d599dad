/**
 * The audit vocabulary of caseloads and alerts (issue 14), spread into `audit/actions.ts` and `action-labels.ts`:
 * every upload (by a correspondent or a machine token), dry run, read and action is logged.
 */
export const ALERT_AUDIT_ACTIONS = [
  'caseload.upload',
  'caseload.read',
  'caseload.rotate_key',
  'alert.list',
  'alert.update',
  'alert.draft',
  'alert.digest',
  'alert_rules.read',
  'machine_token.list',
  'machine_token.create',
  'machine_token.revoke',
  'machine_token.use',
] as const;

export const ALERT_AUDIT_LABELS = {
  'caseload.upload': { fr: 'Liste de suivis déposée', de: 'Fallliste hochgeladen' },
  'caseload.read': { fr: 'Liste de suivis consultée', de: 'Fallliste angezeigt' },
  'caseload.rotate_key': { fr: 'Clé des pseudonymes renouvelée', de: 'Pseudonym-Schlüssel erneuert' },
  'alert.list': { fr: 'Alertes consultées', de: 'Warnungen angezeigt' },
  'alert.update': { fr: 'Alerte traitée', de: 'Warnung bearbeitet' },
  'alert.draft': { fr: 'Annonce préparée depuis une alerte', de: 'Anmeldung aus einer Warnung vorbereitet' },
  'alert.digest': { fr: 'Résumé quotidien des alertes envoyé', de: 'Tägliche Warnungsübersicht versandt' },
  'alert_rules.read': { fr: 'Règles d’alerte consultées', de: 'Warnregeln angezeigt' },
  'machine_token.list': { fr: 'Jetons machine consultés', de: 'Maschinen-Token angezeigt' },
  'machine_token.create': { fr: 'Jeton machine créé', de: 'Maschinen-Token erstellt' },
  'machine_token.revoke': { fr: 'Jeton machine révoqué', de: 'Maschinen-Token widerrufen' },
  'machine_token.use': { fr: 'Jeton machine utilisé', de: 'Maschinen-Token verwendet' },
} as const satisfies Record<(typeof ALERT_AUDIT_ACTIONS)[number], { fr: string; de: string }>;

export const ALERT_RECORD_TYPE_LABELS = {
  caseload: { fr: 'Liste de suivis', de: 'Fallliste' },
  alert: { fr: 'Alerte', de: 'Warnung' },
  alert_rules: { fr: 'Règles d’alerte', de: 'Warnregeln' },
  machine_token: { fr: 'Jeton machine', de: 'Maschinen-Token' },
};
