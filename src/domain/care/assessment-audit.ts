/**
 * The MAMAC assessment's audit actions and their French and German labels (issue 12), spread into the one
 * vocabulary (`audit/actions.ts`) and its labels (`audit/action-labels.ts`).
 */
export const ASSESSMENT_AUDIT_LABELS = {
  'assessment.read': { fr: 'Assessment MAMAC consulté', de: 'MAMAC-Assessment angezeigt' },
  'assessment.list': { fr: 'Assessment dans la liste du Bureau', de: 'Assessment in der Liste des Büros' },
  'assessment.candidates': { fr: 'Participants possibles d’un assessment', de: 'Mögliche Assessment-Teilnehmende' },
  'assessment.organise': { fr: 'Assessment organisé', de: 'Assessment organisiert' },
  'assessment.schedule': { fr: 'Séance d’assessment convoquée', de: 'Assessment-Sitzung einberufen' },
  'assessment.move': { fr: 'Séance d’assessment déplacée', de: 'Assessment-Sitzung verschoben' },
  'assessment.cancel': { fr: 'Séance d’assessment annulée', de: 'Assessment-Sitzung abgesagt' },
  'assessment.hold': { fr: 'Assessment tenu', de: 'Assessment durchgeführt' },
  'assessment.update_sections': { fr: 'Évaluation de l’assessment modifiée', de: 'Assessment-Beurteilung geändert' },
  'assessment.note': { fr: 'Note ou bilan de suivi d’assessment', de: 'Notiz oder Standortgespräch (Assessment)' },
  'assessment.close': { fr: 'Clôture de l’assessment', de: 'Abschluss des Assessments' },
  'assessment.invitations': { fr: 'Mes invitations aux assessments', de: 'Meine Assessment-Einladungen' },
  'contract.write': { fr: 'Contrat d’objectifs rédigé', de: 'Zielvereinbarung verfasst' },
  'contract.accept': { fr: 'Contrat d’objectifs accepté', de: 'Zielvereinbarung angenommen' },
  'contract.conformity': { fr: 'Conformité du contrat vérifiée', de: 'Konformität der Zielvereinbarung geprüft' },
  'contract.print': { fr: 'Contrat d’objectifs imprimé (PDF)', de: 'Zielvereinbarung gedruckt (PDF)' },
  'contract.objective_status': { fr: 'État d’un objectif du contrat', de: 'Stand eines Vereinbarungsziels' },
} as const satisfies Record<string, { fr: string; de: string }>;

export type AssessmentAuditAction = keyof typeof ASSESSMENT_AUDIT_LABELS;
export const ASSESSMENT_AUDIT_ACTIONS = Object.keys(ASSESSMENT_AUDIT_LABELS) as AssessmentAuditAction[];

export const ASSESSMENT_RECORD_TYPE_LABELS = {
  assessment: { fr: 'Assessment MAMAC', de: 'MAMAC-Assessment' },
  objectives_contract: { fr: 'Contrat d’objectifs', de: 'Zielvereinbarung' },
};
