import { ALL_CATEGORIES, type DataCategory } from '../consent/consent.ts';
import { type Actor, hasRole } from './roles.ts';

/**
 * Who may read a situation, and who may see who the person is (DOMAIN.md §3,
 * decision 005). Written once, as data: each action is an OR of rules, each
 * rule an AND of named predicates. `canReadSituation` below evaluates them on
 * facts loaded for one situation; the server turns the very same rules into
 * SQL for lists and search (src/server/situations/situation-access-sql.ts),
 * and a parity test compares both over every actor and state.
 */
export type SituationPredicate =
  /** The caller announced the situation (a situation imported from the CII's earlier records has no announcer). */
  | 'announcer'
  /** The caller works at the institution that announced it (the data comes from there). */
  | 'announcer_institution'
  /** No longer a draft: drafts are their author's alone. */
  | 'announced'
  /** Not an anonymous announcement. */
  | 'identified'
  /** A valid, reviewed procuration of the person names the caller's institution. */
  | 'named_in_consent'
  /** The caller is the Bureau CII for the situation's region. */
  | 'bureau_of_region'
  /** The caller is a CII correspondent (répondant) of their institution. */
  | 'correspondent'
  /** On the situation's case team, or left it less than the grace period ago. */
  | 'case_team'
  /** A member of the assigned tandem while the mandate runs, and for the grace period after it ends. */
  | 'tandem_member'
  /** Holds the file (the tandem's lead, after closure the budget holder, after a hand-back the ORP counsellor). */
  | 'file_holder'
  /**
   * Takes part in an assessment, a round table or a network follow-up of the situation (issue 12), and for the
   * grace period after the passage ended or the caller was removed from it.
   */
  | 'care_participant'
  /** The caller's institution takes part in such a passage (its répondants CII follow what it takes part in). */
  | 'care_institution'
  /**
   * Takes part as the doctor delegated by the OAI's medical service (SMR) in an assessment: gives the medical part
   * of that assessment under the procuration's health category (`visibleCategories`, policy `read_assessment`),
   * never the file nor who the person is, so it is in no rule below (issue 12).
   */
  | 'smr_participant';

export type SituationReadAction = 'read' | 'read_identity';

/**
 * Need to know: a consent opens a file to the people of a named institution
 * who work on it — its répondants CII, the case team, the tandem, the holder,
 * the Bureau of the region — never to every employee, and never to an account
 * whose only role is administration.
 */
export const SITUATION_ACCESS_RULES: Record<SituationReadAction, readonly (readonly SituationPredicate[])[]> = {
  read: [
    ['announcer'],
    ['announced', 'bureau_of_region'],
    ['announced', 'identified', 'named_in_consent', 'correspondent'],
    ['announced', 'identified', 'named_in_consent', 'case_team'],
    ['tandem_member'],
    ['file_holder'],
    // A participant sees the file; without a procuration naming their institution, only its anonymous profile
    // (a round table without consent is held on the anonymous situation: 004 §6, DOMAIN.md §3).
    ['announced', 'care_participant'],
    ['announced', 'care_institution', 'correspondent'],
  ],
  read_identity: [
    ['announcer', 'announcer_institution'],
    ['announced', 'identified', 'named_in_consent', 'bureau_of_region'],
    ['announced', 'identified', 'named_in_consent', 'correspondent'],
    ['announced', 'identified', 'named_in_consent', 'case_team'],
    ['announced', 'identified', 'named_in_consent', 'tandem_member'],
    ['announced', 'identified', 'named_in_consent', 'file_holder'],
    ['announced', 'identified', 'named_in_consent', 'care_participant'],
  ],
};

/** What the policy needs to know about a situation, loaded for one request. */
export interface SituationFacts {
  id: string;
  status: string;
  regionId: string;
  announcingUserId: string;
  announcingInstitutionId: string;
  anonymous: boolean;
  /**
   * Imported from the CII's earlier records (issue 13, decision 025): anonymous history for the figures; whoever ran
   * the import is recorded as its announcer but did not announce it, and reads nothing of it as such.
   */
  imported: boolean;
  /**
   * Per institution, the data categories of the person's valid and reviewed
   * procurations that name it (empty for an anonymous situation).
   */
  basis: ReadonlyMap<string, ReadonlySet<DataCategory>>;
  /** The case team: who follows the person, and when they left it (null: still on it). */
  caseTeam: readonly { userId: string; removedAt: Date | null }[];
  /** The tandem mandate, once the Bureau assigned one. */
  mandate: MandateFacts | null;
  /**
   * Who takes part in the situation's assessments, round tables and network follow-ups (users, with their
   * institution), and when that ended: removed from it, or the passage ended (null: still taking part).
   */
  careParticipants: readonly CareParticipantFacts[];
  /** The moment of the request and how long access from an ended role lasts (configuration). */
  now: Date;
  graceDays: number;
}

export interface CareParticipantFacts {
  userId: string | null;
  institutionId: string | null;
  /** The participant's role in the passage (src/domain/care/passage.ts): the SMR doctor's opens less. */
  role: string;
  endedAt: Date | null;
}

/** The role in which a participant takes part only as the SMR's doctor (src/domain/care/passage.ts). */
export const SMR_DOCTOR_ROLE = 'smr_doctor';

export interface MandateFacts {
  memberIds: ReadonlySet<string>;
  closedAt: Date | null;
  handedBackAt: Date | null;
  holderUserId: string;
}

const DAY = 86_400_000;

/** The instant before which an ended role no longer gives access. */
export const graceCutoff = (now: Date, graceDays: number) => new Date(now.getTime() - graceDays * DAY);

/** A role in the file that ended at `endedAt` still gives access for `graceDays` (for the final report's follow-up). */
export const roleStillCounts = (endedAt: Date | null, now: Date, graceDays: number) =>
  endedAt === null || endedAt.getTime() > graceCutoff(now, graceDays).getTime();

/** The moment the tandem's role ends: at the hand-back if there was one, else at closure; null while it runs. */
export const tandemRoleEnd = (m: Pick<MandateFacts, 'closedAt' | 'handedBackAt'>) =>
  m.closedAt === null ? null : (m.handedBackAt ?? m.closedAt);

/**
 * The regions whose situations a Bureau member sees: a coordinator's own, all for the cantonal Bureau; null outside the
 * Bureau.
 */
export function bureauRegions(actor: Actor): 'all' | string[] | null {
  if (!isBureau(actor)) return null;
  // A coordinator without a region coordinates nothing: fail closed, not open.
  if (hasRole(actor, 'regional_coordinator')) return actor.regionId ? [actor.regionId] : [];
  // Other Bureau members: those placed in a region see it; the cantonal Bureau (no region) sees all.
  return actor.regionId ? [actor.regionId] : 'all';
}

export const isBureau = (actor: Actor) => hasRole(actor, 'bureau_member') || hasRole(actor, 'regional_coordinator');

export function predicateHolds(p: SituationPredicate, actor: Actor, s: SituationFacts): boolean {
  switch (p) {
    case 'announcer':
      return s.announcingUserId === actor.userId && !s.imported;
    case 'announcer_institution':
      return s.announcingInstitutionId === actor.institutionId;
    case 'announced':
      return s.status !== 'draft';
    case 'identified':
      return !s.anonymous;
    case 'named_in_consent':
      return s.basis.has(actor.institutionId);
    case 'bureau_of_region': {
      const regions = bureauRegions(actor);
      return regions === 'all' || (regions ?? []).includes(s.regionId);
    }
    case 'correspondent':
      return hasRole(actor, 'cii_correspondent');
    case 'case_team':
      return s.caseTeam.some((m) => m.userId === actor.userId && roleStillCounts(m.removedAt, s.now, s.graceDays));
    case 'tandem_member':
      return (
        s.mandate?.memberIds.has(actor.userId) === true && roleStillCounts(tandemRoleEnd(s.mandate), s.now, s.graceDays)
      );
    case 'file_holder':
      return s.mandate?.holderUserId === actor.userId;
    case 'care_participant':
      return s.careParticipants.some(
        (p) =>
          p.userId === actor.userId && p.role !== SMR_DOCTOR_ROLE && roleStillCounts(p.endedAt, s.now, s.graceDays),
      );
    case 'care_institution':
      return s.careParticipants.some(
        (p) =>
          p.institutionId === actor.institutionId &&
          p.role !== SMR_DOCTOR_ROLE &&
          roleStillCounts(p.endedAt, s.now, s.graceDays),
      );
    case 'smr_participant':
      return s.careParticipants.some(
        (p) =>
          p.userId === actor.userId && p.role === SMR_DOCTOR_ROLE && roleStillCounts(p.endedAt, s.now, s.graceDays),
      );
    default: {
      const unknown: never = p;
      throw new Error(`unknown predicate ${String(unknown)}`);
    }
  }
}

/** `read` or `read_identity` on one situation: some rule whose every predicate holds. */
export const canReadSituation = (actor: Actor, action: SituationReadAction, s: SituationFacts) =>
  SITUATION_ACCESS_RULES[action].some((rule) => rule.every((p) => predicateHolds(p, actor, s)));

/**
 * The data categories the caller sees of an identified situation: everything
 * for the announcing institution (the data comes from it); for anyone else the
 * categories that the person's procurations grant to the caller's institution;
 * nothing beyond the anonymous profile without the identity.
 */
export function visibleCategories(actor: Actor, s: SituationFacts): ReadonlySet<DataCategory> {
  if (!canReadSituation(actor, 'read_identity', s)) {
    // The SMR doctor of an assessment: its medical part only, when the procuration names their institution with
    // the health category (issue 12) — without the file and without who the person is.
    const medical =
      predicateHolds('announced', actor, s) &&
      predicateHolds('identified', actor, s) &&
      predicateHolds('smr_participant', actor, s) &&
      (s.basis.get(actor.institutionId)?.has('health') ?? false);
    return new Set(medical ? (['health'] as const) : []);
  }
  if (predicateHolds('announcer', actor, s) && predicateHolds('announcer_institution', actor, s))
    return new Set(ALL_CATEGORIES);
  return s.basis.get(actor.institutionId) ?? new Set();
}

/**
 * Grants: the same rules, precomputed per situation so that an index can find
 * what a caller sees (issue 10). Each predicate either filters the situations
 * a rule applies to (announced, identified) or fixes one attribute the caller
 * must have — the user, the institution, the Bureau region or a role. A rule's
 * grant is the combination of those attributes, written as a key; the caller
 * holds one key per rule it could satisfy, and sees a situation when one of its
 * keys is among the situation's grants in force (src/db/situation-grants.ts
 * writes them, in the same transaction as every change of the facts).
 */
export type GranteeKind = 'user' | 'institution' | 'region' | 'role';
/** The order of the attributes in a grant's key (the SQL that writes the rows follows it too). */
export const GRANTEE_ORDER: readonly GranteeKind[] = ['user', 'institution', 'region', 'role'];

/** Which of the caller's attributes each predicate fixes (null: a condition on the situation alone). */
export const PREDICATE_GRANTEE: Record<SituationPredicate, GranteeKind | null> = {
  announcer: 'user',
  announcer_institution: 'institution',
  announced: null,
  identified: null,
  named_in_consent: 'institution',
  bureau_of_region: 'region',
  correspondent: 'role',
  case_team: 'user',
  tandem_member: 'user',
  file_holder: 'user',
  care_participant: 'user',
  care_institution: 'institution',
  smr_participant: 'user',
};

/** The region value of a grant that every region's Bureau holds: the cantonal Bureau sees all regions. */
export const ANY_REGION = '*';
/** The role value of the correspondent predicate. */
export const CORRESPONDENT_ROLE = 'cii_correspondent';

/** The key of one grant: the attributes a rule fixes, in a fixed order. */
export function grantKey(parts: Partial<Record<GranteeKind, string>>): string {
  return GRANTEE_ORDER.filter((k) => parts[k] !== undefined)
    .map((k) => `${k}=${parts[k]}`)
    .join(';');
}

/** The values a caller holds for the attribute a predicate fixes; empty when the caller cannot satisfy it. */
function callerValues(p: SituationPredicate, actor: Actor): string[] {
  switch (PREDICATE_GRANTEE[p]) {
    case 'user':
      return [actor.userId];
    case 'institution':
      return [actor.institutionId];
    case 'region': {
      const regions = bureauRegions(actor);
      if (regions === null) return [];
      return regions === 'all' ? [ANY_REGION] : regions;
    }
    case 'role':
      return hasRole(actor, CORRESPONDENT_ROLE) ? [CORRESPONDENT_ROLE] : [];
    case null:
      return [''];
  }
}

/** Every key the caller holds for an action: one per rule (and per Bureau region) it could satisfy. */
export function callerGrantKeys(actor: Actor, action: SituationReadAction): string[] {
  const keys = new Set<string>();
  for (const rule of SITUATION_ACCESS_RULES[action]) {
    let combos: Partial<Record<GranteeKind, string>>[] = [{}];
    for (const p of rule) {
      const kind = PREDICATE_GRANTEE[p];
      const values = callerValues(p, actor);
      combos =
        kind === null ? (values.length ? combos : []) : combos.flatMap((c) => values.map((v) => ({ ...c, [kind]: v })));
    }
    for (const c of combos) keys.add(grantKey(c));
  }
  return [...keys].sort();
}

// A rule fixes each attribute at most once, or its grant could not be written as one key.
for (const rules of Object.values(SITUATION_ACCESS_RULES)) {
  for (const rule of rules) {
    const kinds = rule.map((p) => PREDICATE_GRANTEE[p]).filter((k) => k !== null);
    if (new Set(kinds).size !== kinds.length) throw new Error(`access rule ${rule.join('+')} fixes an attribute twice`);
  }
}
