import { inArray } from 'drizzle-orm';
import type { Assessment, ContractVersion } from '../../../contracts/assessments.ts';
import { can } from '../../../domain/access/policy.ts';
import type { InstitutionKind, Language } from '../../../domain/access/roles.ts';
import { isSmrReader } from '../../../domain/care/assessment-access.ts';
import {
  ASSESSMENT_SECTIONS,
  type AssessmentOutcome,
  visibleSections,
  waitingDays,
} from '../../../domain/care/assessment.ts';
import { checklistFor } from '../../../domain/care/conformity-checklists.ts';
import { PERSON_PARTY, contractParties, isEditableVersion } from '../../../domain/care/objectives-contract.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { zurichLocal } from '../../../domain/calendar/zurich-time.ts';
import type { Queryable } from '../../../db/open-db.ts';
import { institutions, users } from '../../../db/schema.ts';
import type { AuthedContext } from '../../http/context.ts';
import { categoryFilter, fullName } from '../../situations/present-situation.ts';
import { type ContractView, contentOf, notesOf, sectionsOf } from './assessment-repository.ts';
import type { LoadedAssessment } from './load-assessment.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Names of the users and institutions an assessment mentions, in one query each. */
async function namesOf(q: Queryable, userIds: (string | null)[], institutionIds: (string | null)[]) {
  const u = [...new Set(userIds.filter((x): x is string => !!x))];
  const i = [...new Set(institutionIds.filter((x): x is string => !!x && x !== PERSON_PARTY))];
  const us = u.length
    ? await q
        .select({ id: users.id, givenName: users.givenName, familyName: users.familyName })
        .from(users)
        .where(inArray(users.id, u))
    : [];
  const is = i.length
    ? await q
        .select({
          id: institutions.id,
          nameFr: institutions.nameFr,
          nameDe: institutions.nameDe,
          kind: institutions.kind,
        })
        .from(institutions)
        .where(inArray(institutions.id, i))
    : [];
  const user = new Map(us.map((x) => [x.id, fullName(x)]));
  const inst = new Map(is.map((x) => [x.id, x]));
  return {
    user: (id: string | null) => (id ? (user.get(id) ?? '') : ''),
    inst: (id: string, lang: Language) => {
      const x = inst.get(id);
      return x ? (lang === 'de' ? x.nameDe : x.nameFr) : '';
    },
    kind: (id: string) => (inst.get(id)?.kind ?? null) as InstitutionKind | null,
  };
}

/**
 * The assessment as the caller may see it: the sections by the procuration's categories (an SMR doctor sees only the
 * medical part: no contract, no notes, no participants), the contract's versions newest first with what the caller
 * may do on each.
 */
export async function presentAssessment(
  ctx: AuthedContext,
  a: LoadedAssessment,
  q: Queryable = ctx.db,
): Promise<Assessment> {
  const { passage, facts } = a;
  const lang = ctx.lang;
  const actor = ctx.actor;
  const smrOnly = isSmrReader(actor, facts);
  const { shows } = categoryFilter(actor, a.facts.situation);
  const sections = await sectionsOf(q, passage.id);
  const visible = visibleSections({ smrDoctorOnly: smrOnly }, shows);
  const notes = smrOnly ? [] : await notesOf(q, passage.id);
  const contracts = smrOnly ? [] : a.contracts;
  const names = await namesOf(
    q,
    [
      passage.responsibleUserId,
      passage.endedByUserId,
      ...a.participants.map((p) => p.userId),
      ...contracts.flatMap((c) => [
        c.row.createdByUserId,
        c.row.conformityCheckedByUserId,
        ...c.acceptances.map((x) => x.acceptedByUserId),
      ]),
      ...notes.map((n) => n.authorUserId),
    ],
    [...a.participants.map((p) => p.institutionId), ...contracts.flatMap((c) => contractParties(contentOf(c)))],
  );
  const identity = can(actor, 'read_identity', { type: 'situation', ...facts.situation });
  const allowed = (action: Parameters<typeof can>[1], party?: string) =>
    can(actor, action, { type: 'assessment', ...facts, ...(party === undefined ? {} : { party }) });
  // A cancelled meeting's date stays on the passage (the cancellation names it) but is no longer the meeting.
  const meeting = passage.meetingStart && a.status !== 'to_organise' ? zurichLocal(passage.meetingStart) : null;
  const open = a.status !== 'closed';
  const section = (k: (typeof ASSESSMENT_SECTIONS)[number]) =>
    visible.includes(k) && sections ? { [k]: sections[k] } : visible.includes(k) ? { [k]: '' } : {};
  return {
    passageId: passage.id,
    situationId: passage.situationId,
    status: a.status,
    startedAt: passage.startedAt.toISOString(),
    waitingDays: waitingDays(passage.startedAt, passage.endedAt ?? ctx.now(), swissDay),
    responsible: passage.responsibleUserId
      ? { id: passage.responsibleUserId, name: names.user(passage.responsibleUserId) }
      : null,
    meeting:
      meeting && passage.meetingStart
        ? {
            startOn: meeting.date,
            startTime: meeting.time,
            durationMinutes: passage.meetingDurationMinutes,
            place: passage.meetingPlace,
          }
        : null,
    invitationSequence: passage.invitationSequence,
    participants: smrOnly
      ? []
      : a.participants.map((p) => ({
          id: p.id,
          role: p.role,
          user: p.userId
            ? {
                id: p.userId,
                name: names.user(p.userId),
                institution: p.institutionId ? names.inst(p.institutionId, lang) : '',
              }
            : null,
          institutionId: p.institutionId,
          email: p.role === 'person' ? (identity ? p.email : null) : null,
          language: p.language,
          invited: meeting !== null && !!(p.userId ? p.userEmail : p.email),
        })),
    sections: {
      ...section('medical'),
      ...section('professional'),
      ...section('social'),
      ...section('resources'),
      ...section('smrConclusions'),
      heldAt: iso(sections?.heldAt),
      version: sections?.version ?? 0,
    },
    withheldSections: smrOnly
      ? ASSESSMENT_SECTIONS.filter((s) => !visible.includes(s) && (s === 'medical' || s === 'smrConclusions'))
      : ASSESSMENT_SECTIONS.filter((s) => !visible.includes(s)),
    contracts: contracts.map((c, i) => presentVersion(c, i === 0, { lang, names, allowed, open })),
    notes: notes.map((n) => ({
      id: n.id,
      kind: n.kind as 'note' | 'review_meeting',
      at: n.at,
      text: n.text,
      author: names.user(n.authorUserId),
    })),
    outcome:
      passage.endedAt && passage.outcome
        ? {
            outcome: passage.outcome as AssessmentOutcome,
            reason: passage.outcomeReason,
            endedAt: passage.endedAt.toISOString(),
            endedBy: names.user(passage.endedByUserId),
          }
        : null,
    abilities: {
      organise: open && allowed('organise_assessment'),
      writeContract: open && !smrOnly && allowed('write_contract'),
      checkConformity: open && allowed('check_conformity'),
      manage: open && allowed('manage_assessment'),
      smrOnly,
    },
    version: passage.version,
  };
}

function presentVersion(
  c: ContractView,
  latest: boolean,
  x: {
    lang: Language;
    names: Awaited<ReturnType<typeof namesOf>>;
    allowed: (action: 'accept_contract', party: string) => boolean;
    open: boolean;
  },
): ContractVersion {
  const { lang, names } = x;
  const status = c.row.status as ContractVersion['status'];
  const openVersion =
    x.open && latest && (status === 'draft' || status === 'accepted_by_all' || status === 'conforming');
  const parties = contractParties(contentOf(c));
  return {
    id: c.row.id,
    versionNo: c.row.versionNo,
    status,
    caseManager: { id: c.row.caseManagerInstitutionId, name: names.inst(c.row.caseManagerInstitutionId, lang) },
    createdBy: names.user(c.row.createdByUserId),
    createdAt: c.row.createdAt.toISOString(),
    objectives: c.objectives.map((o) => ({
      id: o.id,
      position: o.position,
      text: o.text,
      measuresPlanned: o.measuresPlanned,
      responsibleInstitution: { id: o.responsibleInstitutionId, name: names.inst(o.responsibleInstitutionId, lang) },
      deadline: o.deadline,
      status: o.status as ContractVersion['objectives'][number]['status'],
      statusChangedAt: iso(o.statusChangedAt),
    })),
    parties: parties.map((party) => {
      const accepted = c.acceptances.find((a) => a.party === party);
      return {
        party,
        name: party === PERSON_PARTY ? '' : names.inst(party, lang),
        kind: party === PERSON_PARTY ? null : names.kind(party),
        acceptedBy: accepted ? names.user(accepted.acceptedByUserId) : null,
        acceptedAt: iso(accepted?.acceptedAt),
        signedOn: accepted?.signedOn ?? null,
        canAccept: openVersion && !accepted && x.allowed('accept_contract', party),
      };
    }),
    conformity:
      c.row.conformityResult && c.row.conformityCheckedAt
        ? {
            result: c.row.conformityResult as 'conforming' | 'non_conforming',
            reasons: c.row.conformityReasons,
            checkedBy: names.user(c.row.conformityCheckedByUserId),
            checkedAt: c.row.conformityCheckedAt.toISOString(),
            answers: c.row.checklist as { institutionId: string; itemId: string; ok: boolean }[],
          }
        : null,
    checklist: parties
      .filter((p) => p !== PERSON_PARTY)
      .flatMap((p) => {
        const kind = names.kind(p);
        return kind
          ? [
              {
                institutionId: p,
                name: names.inst(p, lang),
                kind,
                items: checklistFor(kind).map((i) => ({ id: i.id, label: i.label[lang] })),
              },
            ]
          : [];
      }),
    editable: openVersion && isEditableVersion({ status, acceptances: c.acceptances.length }),
    version: c.row.version,
  };
}
