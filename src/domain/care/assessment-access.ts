import { type Actor, hasRole } from '../access/roles.ts';
import { type SituationFacts, canReadSituation, predicateHolds } from '../access/situation-access.ts';
import { PERSON_PARTY, type PartyKey } from './objectives-contract.ts';

/**
 * Who does what in a MAMAC assessment (DOMAIN.md §4.1, seed 004 §6), asked through the one policy
 * (`policy.ts`, resource `assessment`):
 * - the Bureau of the situation's region organises it, records it held, checks the contract's conformity;
 * - the team (the Bureau, the participants with an account other than the SMR doctor) writes the contract;
 * - a participant accepts for their own institution; the person's signature is recorded by the Bureau or the case
 *   manager (a participant of the institution given case management);
 * - the case manager (or the Bureau) follows the execution and closes the assessment.
 */
export type AssessmentAction =
  | 'organise_assessment'
  | 'write_contract'
  | 'accept_contract'
  | 'check_conformity'
  | 'manage_assessment';

export interface AssessmentParticipantFacts {
  userId: string | null;
  institutionId: string | null;
  role: string;
}

export interface AssessmentFacts {
  situation: SituationFacts;
  /** The participants not removed. */
  participants: readonly AssessmentParticipantFacts[];
  /** The institution given case management by the latest contract version, if any. */
  caseManagerInstitutionId: string | null;
  /** For `accept_contract`: the party the caller accepts for. */
  party?: PartyKey;
}

const isParticipant = (actor: Actor, a: AssessmentFacts) =>
  a.participants.some((p) => p.userId === actor.userId && p.role !== 'smr_doctor');

/** An SMR doctor reads the medical part of the assessments they take part in, and nothing else of them. */
export const isSmrReader = (actor: Actor, a: AssessmentFacts) =>
  hasRole(actor, 'smr_doctor') &&
  !a.participants.some((p) => p.userId === actor.userId && p.role !== 'smr_doctor') &&
  !predicateHolds('bureau_of_region', actor, a.situation);

export const isCaseManager = (actor: Actor, a: AssessmentFacts) =>
  a.caseManagerInstitutionId !== null && actor.institutionId === a.caseManagerInstitutionId && isParticipant(actor, a);

export function canOnAssessment(actor: Actor, action: AssessmentAction, a: AssessmentFacts): boolean {
  if (!canReadSituation(actor, 'read', a.situation)) return false;
  const bureau =
    predicateHolds('announced', actor, a.situation) && predicateHolds('bureau_of_region', actor, a.situation);
  switch (action) {
    case 'organise_assessment':
    case 'check_conformity':
      return bureau;
    case 'write_contract':
      return bureau || isParticipant(actor, a);
    case 'accept_contract':
      if (a.party === undefined) return false;
      if (a.party === PERSON_PARTY) return bureau || isCaseManager(actor, a);
      return actor.institutionId === a.party && isParticipant(actor, a);
    case 'manage_assessment':
      return bureau || isCaseManager(actor, a);
    default:
      return false;
  }
}
