import type { DecisionStep } from '../measures/rule-sets.ts';
import { type AssessmentAction, type AssessmentFacts, canOnAssessment } from '../care/assessment-access.ts';
import { isEditableStatus } from '../situation/situation-lifecycle.ts';
import { type Actor, hasRole } from './roles.ts';
import { type SituationFacts, bureauRegions, canReadSituation, isBureau, predicateHolds } from './situation-access.ts';

export { bureauRegions, isBureau, type SituationFacts } from './situation-access.ts';

/**
 * The one access policy. Deny by default: an action/resource pair that is not
 * named below is refused. Use cases ask `can()` for single records, and list
 * queries turn `listScope()` into a SQL condition so that rows the caller may
 * not see are never read.
 */
export type Resource =
  | { type: 'user'; id: string; institutionId: string }
  | { type: 'organisation' }
  | { type: 'audit_log' }
  | ({ type: 'situation' } & SituationFacts)
  | { type: 'person_merge' }
  | { type: 'person' }
  | { type: 'outbox'; aboutSituation: boolean }
  | { type: 'tandem'; regionId: string }
  | { type: 'measure_kind' }
  | ({ type: 'measure_step'; step: DecisionStep; basis?: ReadonlySet<string> } & CommuneFacts)
  | ({ type: 'commune_statement' } & CommuneFacts)
  | { type: 'canton_statement' }
  | ({ type: 'assessment' } & AssessmentFacts)
  | { type: 'care_board' }
  /** Aggregate figures (issue 13): of a region, or of the canton (regionId null). */
  | { type: 'figures'; regionId: string | null }
  /** An institution's caseload and its alerts (issue 14): its own CII correspondents only. */
  | { type: 'caseload'; institutionId: string }
  | { type: 'alert'; institutionId: string }
  /** The alert rules, as data (issue 14): the Bureau and the correspondents read them. */
  | { type: 'alert_rules' }
  /** Machine tokens of the institutions' systems (issue 14): administrators. */
  | { type: 'machine_token' };

/**
 * A commune's approvers act for their own commune only: the person's commune of
 * residence (or the statement's) against the commune of the actor's institution.
 */
export interface CommuneFacts {
  communeId: string | null;
  actorCommuneId: string | null;
}

export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'disable'
  | 'reset_password'
  | 'manage'
  | 'verify'
  | 'read_identity'
  | 'announce'
  | 'triage'
  | 'manage_consent'
  | 'review_consent'
  | 'manage_case_team'
  | 'attach'
  | 'request'
  | 'review'
  | 'assign'
  | 'coach'
  | 'hand_back'
  | 'follow_up'
  | 'decide'
  /** The annual report's texts (issue 13): the cantonal CII officer. */
  | 'edit_report'
  /** The CII's earlier records imported into the figures (issue 13): an administrator. */
  | 'import_history'
  | 'read_assessment'
  | 'pilot_care'
  | 'link_person'
  /** A caseload replaced by its institution's correspondent (issue 14). */
  | 'upload'
  | AssessmentAction;

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  const admin = hasRole(actor, 'admin');
  switch (resource.type) {
    case 'user': {
      if (admin) return ['read', 'create', 'update', 'disable', 'reset_password'].includes(action);
      if (action !== 'read') return false;
      if (resource.id === actor.userId) return true;
      // A répondant CII is the contact point of their institution: they may see who works there.
      return hasRole(actor, 'cii_correspondent') && resource.institutionId === actor.institutionId;
    }
    case 'organisation':
      // Every signed-in user reads the directory of regions, institutions and communes.
      if (action === 'read') return true;
      return admin && action === 'manage';
    case 'audit_log':
      return admin && (action === 'read' || action === 'verify');
    case 'situation':
      return canOnSituation(actor, action, resource);
    case 'person':
      // Persons are entered by those who announce; they are read only through situations.
      return action === 'create' && canAnnounce(actor);
    case 'tandem': {
      // The Bureau sees the tandems and their load; it manages those of the regions it coordinates.
      const regions = bureauRegions(actor);
      if (action === 'read') return regions !== null || admin;
      if (action !== 'manage') return false;
      return admin || regions === 'all' || (regions ?? []).includes(resource.regionId);
    }
    case 'outbox':
      // Administrators see the outbox (to whom, when, delivered or not); the text of a message about a situation
      // is the file's content, which needs a case role, not administration.
      return admin && action === 'read' && !resource.aboutSituation;
    case 'measure_kind':
      // The catalogue is shared vocabulary; administrators maintain it.
      if (action === 'read') return true;
      return admin && action === 'manage';
    case 'measure_step':
      // A decider reads a measure request and decides it while it waits at their step (decision 009); who the
      // person is only when a valid procuration names the decider's institution (decision 012).
      if (action === 'read_identity')
        return decidesStep(actor, resource.step, resource) && (resource.basis?.has(actor.institutionId) ?? false);
      return (action === 'decide' || action === 'read') && decidesStep(actor, resource.step, resource);
    case 'commune_statement': {
      // The SAS receives every commune's quarterly statements; a commune reads its own.
      if (action !== 'read') return false;
      if (hasRole(actor, 'sas_reviewer')) return true;
      return ownCommune(actor, resource);
    }
    case 'canton_statement':
      // Every commune's statements of a quarter at once: the SAS, which receives them all, and no one else.
      return action === 'read' && hasRole(actor, 'sas_reviewer');
    case 'care_board':
      // The Bureau's view of the assessments, round tables and network follow-ups of its regions (issue 12).
      return action === 'read' && isBureau(actor);
    case 'assessment':
      // A MAMAC assessment (issue 12): the rules are in care/assessment-access.ts.
      return canOnAssessment(actor, action as AssessmentAction, resource);
    case 'figures':
      if (action === 'edit_report') return resource.regionId === null && isCantonalOfficer(actor);
      if (action === 'import_history') return admin && resource.regionId === null;
      return action === 'read' && canReadFigures(actor, resource.regionId);
    case 'caseload':
    case 'alert':
      // Issue 14: an institution's caseload and the alerts raised to it are its own correspondents' — no one
      // else's, not the Bureau's nor an administrator's (they hold pseudonyms and the institution's references).
      if (!ownCorrespondent(actor, resource.institutionId)) return false;
      return resource.type === 'caseload'
        ? action === 'read' || action === 'upload'
        : ['read', 'update'].includes(action);
    case 'alert_rules':
      return action === 'read' && (isBureau(actor) || hasRole(actor, 'cii_correspondent') || admin);
    case 'machine_token':
      return admin && action === 'manage';
    case 'person_merge':
      // Anyone who announces may ask for a merge; the Bureau reviews it.
      if (action === 'request') return hasRole(actor, 'field_professional') || isBureau(actor);
      return action === 'review' && isBureau(actor);
    default:
      return false;
  }
}

const ownCorrespondent = (actor: Actor, institutionId: string) =>
  hasRole(actor, 'cii_correspondent') && actor.institutionId === institutionId;

const ownCommune = (actor: Actor, c: CommuneFacts) =>
  hasRole(actor, 'commune_approver') && c.actorCommuneId !== null && c.communeId === c.actorCommuneId;

/**
 * Who decides each step of a measure's route (DOMAIN.md §4.4): the LMMT's
 * deciders, the SAS's reviewers, the approvers of the person's commune; the
 * Commission droit's exception decisions are recorded by the cantonal Bureau CII
 * (its members without a region), which acts as its secretariat. The tandem step is decided by the tandem
 * itself through `coach` on the situation.
 */
export function decidesStep(actor: Actor, step: DecisionStep, c: CommuneFacts): boolean {
  switch (step) {
    case 'lmmt':
      return hasRole(actor, 'measures_decider');
    case 'sas':
      return hasRole(actor, 'sas_reviewer');
    case 'commune':
      return ownCommune(actor, c);
    case 'commission':
      // The cantonal Bureau (not a regional coordinator): the Commission droit is cantonal.
      return hasRole(actor, 'bureau_member') && !hasRole(actor, 'regional_coordinator');
    default:
      return false;
  }
}

/**
 * The figures (issue 13, DOMAIN.md §7): aggregate counts, never a name nor a drill-down to a person. The statistics
 * readers (COPIL, CDC, the cantonal CII officer) and the cantonal Bureau read every region and the canton; a regional
 * coordinator (or a Bureau member placed in a region) reads their region and the canton — the canton's other regions
 * counted together, never one by one (src/server/figures/get-figures.ts).
 */
export function canReadFigures(actor: Actor, regionId: string | null): boolean {
  if (hasRole(actor, 'statistics_reader')) return true;
  const regions = bureauRegions(actor);
  if (regions === null) return false;
  if (regions === 'all' || regionId === null) return true;
  return regions.includes(regionId);
}

/**
 * The cantonal CII officer (seed 004 §6: "la chargée cantonale de la CII") writes the annual report's texts: a member
 * of the Bureau without a region who also reads the statistics — not a regional coordinator, not the Bureau's
 * administrative assistant.
 */
export const isCantonalOfficer = (actor: Actor) =>
  hasRole(actor, 'bureau_member') &&
  hasRole(actor, 'statistics_reader') &&
  !hasRole(actor, 'regional_coordinator') &&
  actor.regionId === null;

/** The regions whose figures the actor reads one by one: all, or their own (a coordinator's). */
export function figuresRegions(actor: Actor): 'all' | string[] {
  if (hasRole(actor, 'statistics_reader')) return 'all';
  return bureauRegions(actor) ?? [];
}

/** Field professionals and CII correspondents announce situations (and enter the persons concerned). */
export const canAnnounce = (actor: Actor) =>
  hasRole(actor, 'field_professional') || hasRole(actor, 'cii_correspondent');

/**
 * Situations (DOMAIN.md §3, decision 005): reading and seeing the identity
 * follow the rules of situation-access.ts; the other actions build on them.
 */
function canOnSituation(actor: Actor, action: Action, s: SituationFacts): boolean {
  const holds = (p: Parameters<typeof predicateHolds>[0]) => predicateHolds(p, actor, s);
  switch (action) {
    case 'read':
    case 'read_identity':
      return canReadSituation(actor, action, s);
    case 'update':
    case 'announce':
      // The announcer writes a draft, and revises a refused announcement to announce it again.
      return holds('announcer') && isEditableStatus(s.status);
    case 'manage_consent':
    case 'review_consent':
      // Who records a procuration already sees who the person is: the announcer, or someone in the file under a
      // valid procuration. (The use case keeps a recorder from reviewing their own recording.)
      return holds('identified') && canReadSituation(actor, 'read_identity', s);
    case 'attach':
      // Documents identify the person: added and seen only by whoever sees who it is (on an anonymous
      // announcement, its announcer alone).
      return canReadSituation(actor, 'read_identity', s);
    case 'read_assessment':
      // The assessment's page: whoever reads the file, and the SMR doctor taking part, who reads only the assessment
      // (its medical part: present-assessment.ts) and nothing else of the file (issue 12).
      return canReadSituation(actor, 'read', s) || (holds('announced') && holds('smr_participant'));
    case 'manage_case_team':
      return holds('announced') && holds('identified') && (holds('announcer') || holds('bureau_of_region'));
    case 'triage':
    case 'assign':
      return holds('announced') && holds('bureau_of_region');
    case 'coach':
      return s.mandate !== null && s.mandate.closedAt === null && s.mandate.memberIds.has(actor.userId);
    case 'hand_back':
      return holds('tandem_member');
    case 'follow_up':
      return holds('file_holder');
    case 'pilot_care':
      // The Bureau of the region organises round tables and network follow-ups (004 §6: piloted by the regional
      // coordinator); the participants read them.
      return holds('announced') && holds('bureau_of_region');
    case 'link_person':
      // An anonymous situation linked to its person once a consent arrived: its announcer or the Bureau of the region.
      // Imported history is never matched to a person (decision 025).
      return (
        holds('announced') && !holds('identified') && !s.imported && (holds('announcer') || holds('bureau_of_region'))
      );
    default:
      return false;
  }
}

export function situationAbilities(actor: Actor, s: SituationFacts) {
  const resource = { type: 'situation' as const, ...s };
  return {
    readIdentity: can(actor, 'read_identity', resource),
    manageCaseTeam: can(actor, 'manage_case_team', resource),
    update: can(actor, 'update', resource),
    announce: can(actor, 'announce', resource),
    triage: can(actor, 'triage', resource),
    manageConsent: can(actor, 'manage_consent', resource),
    attach: can(actor, 'attach', resource),
    assign: can(actor, 'assign', resource),
    coach: can(actor, 'coach', resource),
    handBack: can(actor, 'hand_back', resource),
    followUp: can(actor, 'follow_up', resource),
  };
}

/** What a list query may return, as plain data the repository turns into SQL. */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'institution'; institutionId: string }
  | { kind: 'self'; userId: string };

export function userListScope(actor: Actor): ListScope {
  if (hasRole(actor, 'admin')) return { kind: 'all' };
  if (hasRole(actor, 'cii_correspondent')) {
    return { kind: 'institution', institutionId: actor.institutionId };
  }
  return { kind: 'self', userId: actor.userId };
}

/** The abilities sent with each user record, so the UI hides what the server forbids anyway. */
export function userAbilities(actor: Actor, user: { id: string; institutionId: string }) {
  const resource = { type: 'user' as const, ...user };
  return {
    update: can(actor, 'update', resource),
    disable: can(actor, 'disable', resource) && user.id !== actor.userId,
    resetPassword: can(actor, 'reset_password', resource),
  };
}

/** Navigation and screen-level abilities of the signed-in user. */
export function actorAbilities(actor: Actor) {
  return {
    manageUsers: can(actor, 'create', { type: 'user', id: '', institutionId: '' }),
    seeUsers: userListScope(actor).kind !== 'self',
    manageOrganisations: can(actor, 'manage', { type: 'organisation' }),
    readAudit: can(actor, 'read', { type: 'audit_log' }),
    readOutbox: can(actor, 'read', { type: 'outbox', aboutSituation: false }),
    announce: canAnnounce(actor),
    triage: isBureau(actor),
    reviewMerges: can(actor, 'review', { type: 'person_merge' }),
    seeTandems: can(actor, 'read', { type: 'tandem', regionId: '' }),
    coach: hasRole(actor, 'tandem_member'),
    decideMeasures:
      hasRole(actor, 'commune_approver') ||
      (['lmmt', 'sas', 'commission'] as const).some((step) =>
        decidesStep(actor, step, { communeId: null, actorCommuneId: null }),
      ),
    readStatements: hasRole(actor, 'sas_reviewer') || hasRole(actor, 'commune_approver'),
    manageMeasureKinds: can(actor, 'manage', { type: 'measure_kind' }),
    readFigures: can(actor, 'read', { type: 'figures', regionId: null }),
    editAnnualReport: can(actor, 'edit_report', { type: 'figures', regionId: null }),
    importHistory: can(actor, 'import_history', { type: 'figures', regionId: null }),
    readAlerts: can(actor, 'read', { type: 'alert', institutionId: actor.institutionId }),
    manageMachineTokens: can(actor, 'manage', { type: 'machine_token' }),
  };
}
