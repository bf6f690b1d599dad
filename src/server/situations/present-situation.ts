import { eq, sql } from 'drizzle-orm';
import type { Situation } from '../../contracts/situations.ts';
import { can, situationAbilities } from '../../domain/access/policy.ts';
import { type SituationFacts, graceCutoff, visibleCategories } from '../../domain/access/situation-access.ts';
import { DATA_CATEGORIES, type DataCategory, isConsentValid, swissDay } from '../../domain/consent/consent.ts';
import { PART_CATEGORY, RISK_FACTOR_CATEGORY, TARGET_GROUP_CATEGORY } from '../../domain/consent/data-categories.ts';
import type { ResidencePermit, RiskFactor, Sex, TargetGroup } from '../../domain/situation/vocabulary.ts';
import type { CareKind, SituationStatus } from '../../domain/situation/situation-lifecycle.ts';
import type { PassageOutcome } from '../../domain/care/passage.ts';
import { type Queryable, queryRows } from '../../db/open-db.ts';
import { oneRow } from '../../db/one-row.ts';
import { finalReports } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import type { CaseTeamRow, ConsentRow, SituationRow } from './situation-repository.ts';

export const fullName = (u: { givenName: string; familyName: string } | null | undefined) =>
  u ? `${u.givenName} ${u.familyName}` : '';

/** A timeline entry's details for a caller who may not see who the person is: no document's id, name or checksum. */
function withoutDocuments(details: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries((details ?? {}) as Record<string, unknown>).filter(([k]) => !/attachment|filename|sha256/i.test(k)),
  );
}

/** Attachments whose content needs categories the caller lacks: the bilan final's PDFs (coaching and measures). */
export async function attachmentsWithheld(
  q: Queryable,
  situationId: string,
  shows: (c: DataCategory) => boolean,
): Promise<Set<string>> {
  if (shows(PART_CATEGORY.coaching) && shows(PART_CATEGORY.measures)) return new Set();
  const rows = await q
    .select({ id: finalReports.pdfAttachmentId })
    .from(finalReports)
    .where(eq(finalReports.situationId, situationId));
  return new Set(rows.map((r) => r.id).filter((id): id is string => id !== null));
}

function consentState(c: ConsentRow, today: string): Situation['consents'][number]['state'] {
  if (c.revokedAt) return 'revoked';
  if (c.rejectedAt) return 'rejected';
  if (!c.reviewedAt) return 'pending_review';
  if (c.signedOn && c.signedOn > today) return 'not_yet_valid';
  if (c.validUntil && c.validUntil < today) return 'expired';
  return 'in_force';
}

/**
 * What of an identified file the caller sees, by the categories of the
 * procuration (decision 005): an anonymous announcement shows its whole
 * anonymous profile to whoever reads it; an identified one shows each part only
 * where the caller's institution has its category.
 */
export function categoryFilter(actor: AuthedContext['actor'], facts: SituationFacts) {
  const visible = visibleCategories(actor, facts);
  const shows = (c: DataCategory) => facts.anonymous || visible.has(c);
  const identity = can(actor, 'read_identity', { type: 'situation', ...facts });
  const withheld = facts.anonymous
    ? []
    : DATA_CATEGORIES.filter((c) => !visible.has(c) && !(c === 'identity' && identity));
  return { shows, withheld };
}

/**
 * The situation as the caller may see it: the person's identity only with
 * `read_identity`, otherwise the anonymous profile (age band, region, risk
 * factors); the parts of an identified file by the procuration's categories.
 */
export async function presentSituation(
  ctx: AuthedContext,
  found: {
    row: SituationRow;
    facts: SituationFacts;
    consents: ConsentRow[];
    team: CaseTeamRow[];
    page?: PageColumns | null;
  },
  q: Queryable = ctx.db,
): Promise<Situation> {
  const { row, facts } = found;
  const actor = ctx.actor;
  const identity = can(actor, 'read_identity', { type: 'situation', ...facts });
  const { shows, withheld } = categoryFilter(actor, facts);
  const today = swissDay(ctx.now());
  const consentRows = row.personId && !row.anonymous ? found.consents : [];
  const cutoff = graceCutoff(facts.now, facts.graceDays);
  // Members who left longer ago than the grace period no longer have access and are no longer listed.
  const teamShown = found.team.filter((m) => m.removedAt === null || m.removedAt > cutoff);
  // Loaded with the facts when the caller asked for the page (findSituation's `withPage`), else now.
  const page = found.page ?? (await pageColumnsOf(q, row.id));
  const ident = identity && row.personId ? await identityRows(q, row) : { person: null, attachments: null };
  // Documents identify the person (the procuration scan above all): only with the identity; the bilan final's PDF
  // also needs the categories of what it holds.
  const hidden = new Set(
    shows(PART_CATEGORY.coaching) && shows(PART_CATEGORY.measures) ? [] : (page.finalPdfs ?? []).filter(Boolean),
  );
  const attachmentRows = identity ? (ident.attachments ?? []).filter((a) => !hidden.has(a.id)) : [];
  const personOf = new Map((page.people ?? []).map((p) => [p.id, p]));
  const nameOf = (id: string | null) => (id ? fullName(personOf.get(id)) : '');
  const reviewAllowed = can(actor, 'review_consent', { type: 'situation', ...facts });
  const manageAllowed = can(actor, 'manage_consent', { type: 'situation', ...facts });
  const person = ident.person;
  const names = { announcer: page.announcer, institution: page.institution };
  const handler = page.handler;
  const events = page.events ?? [];
  const lang = ctx.lang;
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    version: row.version,
    regionId: row.regionId,
    anonymous: row.anonymous,
    imported: row.imported,
    personId: identity ? row.personId : null,
    ageBand: row.ageBand as Situation['ageBand'],
    followingInstitutionIds: row.followingInstitutionIds,
    riskFactors: (row.riskFactors as RiskFactor[]).filter((r) => shows(RISK_FACTOR_CATEGORY[r])),
    riskFactorsOther: row.riskFactorsOther,
    targetGroups: (row.targetGroups as TargetGroup[]).filter((g) => shows(TARGET_GROUP_CATEGORY[g])),
    laciBasicProgramme: shows(PART_CATEGORY.laciPriorMeasures) ? row.laciBasicProgramme : null,
    laciEmployabilityCheck: shows(PART_CATEGORY.laciPriorMeasures) ? row.laciEmployabilityCheck : null,
    liasEmployabilityChecked: shows(PART_CATEGORY.liasPriorMeasures) ? row.liasEmployabilityChecked : null,
    liasIntegrationIndicated: shows(PART_CATEGORY.liasPriorMeasures) ? row.liasIntegrationIndicated : null,
    description: row.description,
    helpExpected: row.helpExpected,
    person:
      identity && person
        ? {
            id: person.id,
            version: person.version,
            navs13: person.navs13 ?? '',
            officialName: person.official_name,
            firstNames: person.first_names,
            birthDate: person.birth_date,
            sex: person.sex as Sex,
            correspondenceLanguage: person.correspondence_language as 'fr' | 'de' | 'other',
            communeId: person.commune_id,
            residencePermit: person.residence_permit as ResidencePermit,
            street: person.street,
            postalCode: person.postal_code,
            locality: person.locality,
            phone: person.phone,
            email: person.email,
          }
        : null,
    announcingUserName: fullName(names.announcer),
    announcingInstitutionId: row.announcingInstitutionId,
    announcingInstitutionName: (lang === 'de' ? names.institution?.nameDe : names.institution?.nameFr) ?? '',
    handledByName: handler ? fullName(handler) : null,
    createdAt: row.createdAt.toISOString(),
    announcedAt: row.announcedAt?.toISOString() ?? null,
    takenUpAt: row.takenUpAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    refusalSuggestions: row.refusalSuggestions,
    refusalInstitutions: row.refusalInstitutions ?? [],
    eligibility: (row.eligibility as Situation['eligibility']) ?? null,
    consents: consentRows.map((c) => {
      const state = consentState(c, today);
      return {
        id: c.id,
        institutionIds: c.institutionIds,
        dataCategories: c.dataCategories as Situation['consents'][number]['dataCategories'],
        signedOn: c.signedOn,
        validUntil: c.validUntil,
        scanAttachmentId: identity ? c.scanAttachmentId : null,
        revokedAt: c.revokedAt?.toISOString() ?? null,
        revocationReason: c.revocationReason,
        valid: isConsentValid({ ...c, dataCategories: [] }, today),
        state,
        recordedByName: nameOf(c.recordedByUserId),
        reviewedByName: c.reviewedByUserId ? nameOf(c.reviewedByUserId) : null,
        reviewedAt: c.reviewedAt?.toISOString() ?? null,
        rejectionReason: c.rejectionReason,
        canReview:
          state === 'pending_review' &&
          reviewAllowed &&
          c.recordedByUserId !== actor.userId &&
          c.situationId === row.id,
        canRevoke: state === 'in_force' && c.situationId === row.id && manageAllowed,
        version: c.version,
      };
    }),
    attachments: attachmentRows.map((a) => ({ ...a, uploadedAt: new Date(a.uploadedAt).toISOString() })),
    caseTeam: teamShown.map((m) => {
      const p = personOf.get(m.userId);
      return {
        userId: m.userId,
        name: fullName(p),
        institutionName: (ctx.lang === 'de' ? p?.nameDe : p?.nameFr) ?? '',
        addedAt: m.addedAt.toISOString(),
        addedByName: nameOf(m.addedByUserId),
        removedAt: m.removedAt?.toISOString() ?? null,
        accessUntil: m.removedAt ? new Date(m.removedAt.getTime() + facts.graceDays * 86_400_000).toISOString() : null,
        version: m.version,
      };
    }),
    withheldCategories: withheld,
    timeline: events.map((event) => ({
      at: new Date(event.at).toISOString(),
      actorName: fullName(event),
      type: event.type,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      details: identity ? ((event.details ?? {}) as Record<string, unknown>) : withoutDocuments(event.details),
    })),
    carePassages: (page.passages ?? []).map((p) => ({
      id: p.id,
      kind: p.kind,
      status: p.status,
      startedAt: new Date(p.startedAt).toISOString(),
      startedByName: fullName(p.startedBy),
      endedAt: p.endedAt ? new Date(p.endedAt).toISOString() : null,
      endedByName: p.endedBy ? fullName(p.endedBy) : null,
      outcome: p.outcome,
      outcomeReason: p.outcomeReason,
      outcomeInstitutionName: p.outcomeInstitution
        ? lang === 'de'
          ? p.outcomeInstitution.nameDe
          : p.outcomeInstitution.nameFr
        : null,
    })),
    abilities: situationAbilities(actor, facts),
  };
}

/** What every reader of the page sees besides the facts (no identity): names, the bilan final's PDFs, the timeline. */
export interface PageColumns {
  announcer: { givenName: string; familyName: string } | null;
  institution: { nameFr: string; nameDe: string } | null;
  handler: { givenName: string; familyName: string } | null;
  finalPdfs: (string | null)[] | null;
  /** Everyone the page names: the case team, who added them, who recorded or reviewed a procuration. */
  people: { id: string; givenName: string; familyName: string; nameFr: string; nameDe: string }[] | null;
  events:
    | {
        at: string;
        type: string;
        fromStatus: SituationStatus | null;
        toStatus: SituationStatus | null;
        reason: string;
        details: unknown;
        givenName: string;
        familyName: string;
      }[]
    | null;
  /** The kinds of care the situation went through (issue 12), oldest first. */
  passages:
    | {
        id: string;
        kind: CareKind;
        status: string;
        startedAt: string;
        endedAt: string | null;
        outcome: PassageOutcome | 'pending' | null;
        outcomeReason: string;
        startedBy: { givenName: string; familyName: string } | null;
        endedBy: { givenName: string; familyName: string } | null;
        outcomeInstitution: { nameFr: string; nameDe: string } | null;
      }[]
    | null;
}

/**
 * The page's columns as sub-queries over the current `situations` row, so that
 * findSituation loads them with the facts in one round trip.
 */
export const PAGE_COLUMN_SQL = sql`json_build_object(
  'announcer', (SELECT json_build_object('givenName', u.given_name, 'familyName', u.family_name)
    FROM users u WHERE u.id = situations.announcing_user_id),
  'institution', (SELECT json_build_object('nameFr', i.name_fr, 'nameDe', i.name_de)
    FROM institutions i WHERE i.id = situations.announcing_institution_id),
  'handler', (SELECT json_build_object('givenName', u.given_name, 'familyName', u.family_name)
    FROM users u WHERE u.id = situations.handled_by_user_id),
  'finalPdfs', (SELECT json_agg(f.pdf_attachment_id) FROM final_reports f WHERE f.situation_id = situations.id),
  'people', (SELECT json_agg(json_build_object('id', u.id, 'givenName', u.given_name, 'familyName', u.family_name,
      'nameFr', i.name_fr, 'nameDe', i.name_de))
    FROM users u JOIN institutions i ON i.id = u.institution_id
    WHERE u.id IN (SELECT ct.user_id FROM case_team_members ct WHERE ct.situation_id = situations.id
      UNION SELECT ct.added_by_user_id FROM case_team_members ct WHERE ct.situation_id = situations.id
      UNION SELECT c.recorded_by_user_id FROM consents c WHERE c.person_id = situations.person_id
      UNION SELECT c.reviewed_by_user_id FROM consents c WHERE c.person_id = situations.person_id)),
  'events', (SELECT json_agg(json_build_object('at', e.at, 'type', e.type, 'fromStatus', e.from_status,
      'toStatus', e.to_status, 'reason', e.reason, 'details', e.details,
      'givenName', u.given_name, 'familyName', u.family_name) ORDER BY e.id)
    FROM situation_events e JOIN users u ON u.id = e.actor_user_id WHERE e.situation_id = situations.id),
  'passages', (SELECT json_agg(json_build_object('id', p.id, 'kind', p.kind, 'status', p.status,
      'startedAt', p.started_at, 'endedAt', p.ended_at, 'outcome', p.outcome, 'outcomeReason', p.outcome_reason,
      'startedBy', (SELECT json_build_object('givenName', u.given_name, 'familyName', u.family_name)
        FROM users u WHERE u.id = p.started_by_user_id),
      'endedBy', (SELECT json_build_object('givenName', u.given_name, 'familyName', u.family_name)
        FROM users u WHERE u.id = p.ended_by_user_id),
      'outcomeInstitution', (SELECT json_build_object('nameFr', i.name_fr, 'nameDe', i.name_de)
        FROM institutions i WHERE i.id = p.outcome_institution_id)) ORDER BY p.started_at, p.created_at)
    FROM care_passages p WHERE p.situation_id = situations.id))`;

async function pageColumnsOf(q: Queryable, id: string): Promise<PageColumns> {
  const rows = await queryRows<{ page: PageColumns }>(
    q,
    sql`SELECT ${PAGE_COLUMN_SQL} AS page FROM situations WHERE situations.id = ${id}`,
  );
  return oneRow(rows).page;
}

interface IdentityRows {
  person: {
    id: string;
    version: number;
    navs13: string | null;
    official_name: string;
    first_names: string;
    birth_date: string;
    sex: string;
    correspondence_language: string;
    commune_id: string | null;
    residence_permit: string;
    street: string;
    postal_code: string;
    locality: string;
    phone: string;
    email: string;
  } | null;
  attachments:
    | { id: string; filename: string; mimeType: string; sizeBytes: number; sha256: string; uploadedAt: string }[]
    | null;
}

/** Who the person is and the documents (which identify them): read only once the identity may be shown. */
async function identityRows(q: Queryable, row: SituationRow): Promise<IdentityRows> {
  const found = await queryRows<IdentityRows>(
    q,
    sql`SELECT (SELECT row_to_json(p) FROM persons p WHERE p.id = ${row.personId}) AS person,
      (SELECT json_agg(json_build_object('id', a.id, 'filename', a.filename, 'mimeType', a.mime_type,
          'sizeBytes', a.size_bytes, 'sha256', a.sha256, 'uploadedAt', a.uploaded_at) ORDER BY a.uploaded_at, a.id)
        FROM attachments a WHERE a.situation_id = ${row.id}) AS attachments`,
  );
  return oneRow(found);
}
