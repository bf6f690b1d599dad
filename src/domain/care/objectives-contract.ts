import { hasVisibleText } from '../text/visible-text.ts';

/**
 * The objectives contract (contrat d'objectifs) a MAMAC assessment produces: "un plan contraignant … visant à
 * réinsérer la personne sur le marché du travail au moyen de mesures ciblées" (seed 004 §6). Objectives, each with
 * the measures planned, the institution responsible and a deadline; one institution is given case management.
 *
 * Each party — every institution involved and the person — accepts it explicitly, and the Bureau, "garant de la
 * conformité des contrats d'objectifs … avec les cadres légaux respectifs" (004 §6), checks it against each
 * institution's legal framework. The contract is in force when both hold, in either order (decision 022). An
 * amendment is a new version, with no acceptance and no conformity yet; earlier versions stay readable.
 */
export const CONTRACT_STATUSES = [
  'draft',
  'accepted_by_all',
  'conforming',
  'non_conforming',
  'in_force',
  'superseded',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const OBJECTIVE_STATUSES = ['open', 'achieved', 'abandoned'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export type ConformityResult = 'conforming' | 'non_conforming';

export interface ContractObjective {
  text: string;
  measuresPlanned: string;
  responsibleInstitutionId: string;
  deadline: string; // yyyy-mm-dd
}

export interface ContractContent {
  caseManagerInstitutionId: string;
  objectives: readonly ContractObjective[];
}

/** The person is a party as well as each institution; her acceptance is keyed `person`. */
export const PERSON_PARTY = 'person';
export type PartyKey = string; // an institution id or PERSON_PARTY

/** The parties: the case manager's institution, every institution responsible for an objective, and the person. */
export function contractParties(c: ContractContent): PartyKey[] {
  const institutions = [c.caseManagerInstitutionId, ...c.objectives.map((o) => o.responsibleInstitutionId)];
  return [...new Set(institutions), PERSON_PARTY];
}

/** The parties that have not accepted yet, in the parties' order. */
export const missingAcceptances = (c: ContractContent, accepted: readonly PartyKey[]) =>
  contractParties(c).filter((p) => !accepted.includes(p));

/**
 * A version's status, from what happened to it: replaced by a later version; found non-conforming (it goes back to
 * the team, who writes a new version); in force when every party accepted and the Bureau found it conforming.
 */
export function contractStatus(v: {
  content: ContractContent;
  accepted: readonly PartyKey[];
  conformity: ConformityResult | null;
  superseded: boolean;
}): ContractStatus {
  if (v.superseded) return 'superseded';
  if (v.conformity === 'non_conforming') return 'non_conforming';
  const all = missingAcceptances(v.content, v.accepted).length === 0;
  if (all && v.conformity === 'conforming') return 'in_force';
  if (all) return 'accepted_by_all';
  if (v.conformity === 'conforming') return 'conforming';
  return 'draft';
}

/** A version still open to acceptances and to the Bureau's check: not refused, not replaced, not yet in force. */
export const isOpenVersion = (s: ContractStatus) => s === 'draft' || s === 'accepted_by_all' || s === 'conforming';

/** A version is edited in place only while nobody has accepted it nor checked it; otherwise one writes a new one. */
export const isEditableVersion = (v: { status: ContractStatus; acceptances: number }) =>
  v.status === 'draft' && v.acceptances === 0;

/**
 * When a new version is written: the latest one is superseded at once, unless it is in force — then it stays in force
 * until its amendment is (the person is never without a contract while an amendment is discussed).
 */
export const supersedesAtOnce = (latest: ContractStatus) => latest !== 'in_force' && latest !== 'superseded';

export type ContractProblem = {
  path: string;
  problem:
    | 'objectives_required'
    | 'text_required'
    | 'measures_required'
    | 'deadline_in_past'
    | 'institution_not_participating';
};

/**
 * A contract the team can put to the parties: at least one objective, each with its text, the measures planned and a
 * deadline not already past; the institutions named (case manager, responsible) take part in the assessment.
 */
export function checkContract(
  c: ContractContent,
  ctx: { participatingInstitutionIds: ReadonlySet<string>; today: string },
): ContractProblem[] {
  const problems: ContractProblem[] = [];
  if (!c.objectives.length) problems.push({ path: 'objectives', problem: 'objectives_required' });
  if (!ctx.participatingInstitutionIds.has(c.caseManagerInstitutionId))
    problems.push({ path: 'caseManagerInstitutionId', problem: 'institution_not_participating' });
  c.objectives.forEach((o, i) => {
    if (!hasVisibleText(o.text)) problems.push({ path: `objectives.${i}.text`, problem: 'text_required' });
    if (!hasVisibleText(o.measuresPlanned))
      problems.push({ path: `objectives.${i}.measuresPlanned`, problem: 'measures_required' });
    if (o.deadline < ctx.today) problems.push({ path: `objectives.${i}.deadline`, problem: 'deadline_in_past' });
    if (!ctx.participatingInstitutionIds.has(o.responsibleInstitutionId))
      problems.push({ path: `objectives.${i}.responsibleInstitutionId`, problem: 'institution_not_participating' });
  });
  return problems;
}
