import type { InstitutionKind, Language } from '../access/roles.ts';
import { hasVisibleText } from '../text/visible-text.ts';
import type { ConformityResult } from './objectives-contract.ts';

/**
 * What the Bureau checks, per institution kind, before an objectives contract is in force: "le bureau est garant de
 * la conformité des contrats d'objectifs … avec / dans les cadres légaux respectifs" (seed 004 §6). Kept as data so
 * that the Commission droit's rulings can add an item without touching the rules that use them.
 */
export interface ChecklistItem {
  id: string;
  label: Record<Language, string>;
}

const item = (id: string, fr: string, de: string): ChecklistItem => ({ id, label: { fr, de } });

const COMMON: readonly ChecklistItem[] = [
  item(
    'consent_covers',
    'La procuration signée couvre l’échange d’informations avec chaque partie au contrat',
    'Die unterzeichnete Vollmacht deckt den Informationsaustausch mit jeder Vertragspartei',
  ),
];

export const CONFORMITY_CHECKLISTS: Record<InstitutionKind, readonly ChecklistItem[]> = {
  orp: [
    item(
      'laci_delegated',
      'Les mesures LACI restent dans la compétence déléguée du conseiller ORP (sinon décision LMMT prévue)',
      'Die AVIG-Massnahmen liegen in der delegierten Kompetenz der RAV-Beratung (sonst LAM-Entscheid vorgesehen)',
    ),
    item(
      'laci_85f',
      'Consentement au sens de l’art. 85f LACI pour l’échange de données avec les partenaires CII',
      'Einwilligung nach Art. 85f AVIG für den Datenaustausch mit den IIZ-Partnern',
    ),
    item(
      'laci_duties',
      'Les objectifs respectent les obligations de l’assuré (recherches d’emploi, aptitude au placement)',
      'Die Ziele beachten die Pflichten der versicherten Person (Arbeitsbemühungen, Vermittlungsfähigkeit)',
    ),
  ],
  cms: [
    item(
      'lias_commune',
      'Les mesures LIAS sont soumises à l’approbation de la commune de domicile',
      'Die Massnahmen nach kantonalem Sozialhilfegesetz werden der Wohngemeinde zur Genehmigung vorgelegt',
    ),
    item(
      'lias_subsidiarity',
      'Subsidiarité de l’aide sociale : les assurances sociales passent avant',
      'Subsidiarität der Sozialhilfe: die Sozialversicherungen gehen vor',
    ),
    item(
      'lias_sas',
      'Préavis du SAS prévu pour les mesures d’insertion qui le requièrent',
      'Stellungnahme der DSW für die Integrationsmassnahmen vorgesehen, die sie verlangen',
    ),
  ],
  oai: [
    item(
      'ai_request',
      'Les mesures AI ne sont prévues qu’après le dépôt d’une demande AI',
      'IV-Massnahmen sind erst nach Einreichung einer IV-Anmeldung vorgesehen',
    ),
    item(
      'ai_smr',
      'Les objectifs de santé s’appuient sur les conclusions du médecin SMR',
      'Die gesundheitlichen Ziele stützen sich auf die Schlussfolgerungen des RAD-Arztes',
    ),
  ],
  osp: [
    item(
      'osp_mandate',
      'L’orientation prévue relève du mandat de l’OSP (bilan, orientation, formation)',
      'Die vorgesehene Beratung gehört zum Auftrag der Berufsberatung (Standortbestimmung, Beratung, Ausbildung)',
    ),
  ],
  addiction_valais: [
    item(
      'addiction_voluntary',
      'Le suivi en addictologie est librement consenti par la personne',
      'Die Suchtbegleitung ist von der Person freiwillig angenommen',
    ),
  ],
  suva: [
    item(
      'suva_laa',
      'Les mesures Suva relèvent de la LAA (suites d’accident ou maladie professionnelle)',
      'Die Suva-Massnahmen fallen unter das UVG (Unfallfolgen oder Berufskrankheit)',
    ),
  ],
  sas: [],
  sict_lmmt: [
    item(
      'lmmt_decision',
      'Les mesures hors compétence de l’ORP sont soumises à la décision de la LMMT',
      'Massnahmen ausserhalb der RAV-Kompetenz werden der LAM zum Entscheid vorgelegt',
    ),
  ],
  commune: [
    item(
      'commune_budget',
      'La commune de domicile a été consultée sur le financement (30 % des coûts sociaux)',
      'Die Wohngemeinde wurde zur Finanzierung konsultiert (30 % der Sozialkosten)',
    ),
  ],
  bureau_cii: [],
};

/** The items the Bureau ticks for one party institution: those of its kind, and the consent that covers every one. */
export const checklistFor = (kind: InstitutionKind): readonly ChecklistItem[] => [
  ...CONFORMITY_CHECKLISTS[kind],
  ...COMMON,
];

export interface ChecklistAnswer {
  institutionId: string;
  itemId: string;
  ok: boolean;
}

export type ConformityProblem = {
  path: string;
  problem: 'item_missing' | 'item_unknown' | 'item_not_met' | 'reasons_required';
};

/**
 * A conformity check answers every item of every party institution's checklist. "Conforming" needs every item met;
 * "non-conforming" needs reasons in words (they go back to the team), whatever the items say.
 */
export function checkConformity(
  parties: readonly { institutionId: string; kind: InstitutionKind }[],
  answers: readonly ChecklistAnswer[],
  result: ConformityResult,
  reasons: string,
): ConformityProblem[] {
  const problems: ConformityProblem[] = [];
  const expected = new Set(parties.flatMap((p) => checklistFor(p.kind).map((i) => `${p.institutionId}/${i.id}`)));
  answers.forEach((a, i) => {
    if (!expected.has(`${a.institutionId}/${a.itemId}`))
      problems.push({ path: `answers.${i}`, problem: 'item_unknown' });
  });
  const given = new Set(answers.map((a) => `${a.institutionId}/${a.itemId}`));
  if ([...expected].some((k) => !given.has(k))) problems.push({ path: 'answers', problem: 'item_missing' });
  const unmet = answers.filter((a) => !a.ok).length;
  if (result === 'conforming' && unmet) problems.push({ path: 'result', problem: 'item_not_met' });
  if (result === 'non_conforming' && !hasVisibleText(reasons))
    problems.push({ path: 'reasons', problem: 'reasons_required' });
  return problems;
}
