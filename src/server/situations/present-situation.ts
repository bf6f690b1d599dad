import { asc, eq, inArray } from 'drizzle-orm';
import type { Situation } from '../../contracts/situations.ts';
import { can, situationAbilities } from '../../domain/access/policy.ts';
import { type SituationFacts, graceCutoff, visibleCategories } from '../../domain/access/situation-access.ts';
import { DATA_CATEGORIES, type DataCategory, isConsentValid, swissDay } from '../../domain/consent/consent.ts';
import { PART_CATEGORY, RISK_FACTOR_CATEGORY, TARGET_GROUP_CATEGORY } from '../../domain/consent/data-categories.ts';
import type { ResidencePermit, RiskFactor, TargetGroup } from '../../domain/situation/vocabulary.ts';
import type { Queryable } from '../../db/open-db.ts';
import {
  attachments,
  caseTeamMembers,
  consents,
  finalReports,
  institutions,
  persons,
  situationEvents,
  users,
} from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import type { SituationRow } from './situation-repository.ts';

export const fullName = (u: { givenName: string; familyName: string } | null | undefined) =>
  u ? `${u.givenName} ${u.familyName}` : '';

type ConsentRow = typeof consents.$inferSelect;

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
  row: SituationRow,
  facts: SituationFacts,
  q: Queryable = ctx.db,
): Promise<Situation> {
  const actor = ctx.actor;
  const identity = can(actor, 'read_identity', { type: 'situation', ...facts });
  const { shows, withheld } = categoryFilter(actor, facts);
  const today = swissDay(ctx.now());
  const [names] = await q
    .select({ announcer: users, institution: institutions })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, row.announcingInstitutionId))
    .where(eq(users.id, row.announcingUserId));
  const [handler] = row.handledByUserId ? await q.select().from(users).where(eq(users.id, row.handledByUserId)) : [];
  const person =
    identity && row.personId ? (await q.select().from(persons).where(eq(persons.id, row.personId)))[0] : undefined;
  const consentRows =
    row.personId && !row.anonymous
      ? await q.select().from(consents).where(eq(consents.personId, row.personId)).orderBy(asc(consents.createdAt))
      : [];
  // Documents identify the person (the procuration scan above all): only with the identity; the bilan final's PDF
  // also needs the categories of what it holds.
  const hidden = await attachmentsWithheld(q, row.id, shows);
  const attachmentRows = identity
    ? (
        await q
          .select({
            id: attachments.id,
            filename: attachments.filename,
            mimeType: attachments.mimeType,
            sizeBytes: attachments.sizeBytes,
            sha256: attachments.sha256,
            uploadedAt: attachments.uploadedAt,
          })
          .from(attachments)
          .where(eq(attachments.situationId, row.id))
          .orderBy(asc(attachments.uploadedAt))
      ).filter((a) => !hidden.has(a.id))
    : [];
  const team = await q
    .select()
    .from(caseTeamMembers)
    .where(eq(caseTeamMembers.situationId, row.id))
    .orderBy(asc(caseTeamMembers.addedAt));
  const cutoff = graceCutoff(facts.now, facts.graceDays);
  // Members who left longer ago than the grace period no longer have access and are no longer listed.
  const teamShown = team.filter((m) => m.removedAt === null || m.removedAt > cutoff);
  const peopleIds = [
    ...new Set([
      ...teamShown.flatMap((m) => [m.userId, m.addedByUserId]),
      ...consentRows.flatMap((c) => [c.recordedByUserId, c.reviewedByUserId ?? c.recordedByUserId]),
    ]),
  ];
  const people = peopleIds.length
    ? await q
        .select({ user: users, institution: institutions })
        .from(users)
        .innerJoin(institutions, eq(institutions.id, users.institutionId))
        .where(inArray(users.id, peopleIds))
    : [];
  const personOf = new Map(people.map((p) => [p.user.id, p]));
  const nameOf = (id: string | null) => (id ? fullName(personOf.get(id)?.user) : '');
  const reviewAllowed = can(actor, 'review_consent', { type: 'situation', ...facts });
  const manageAllowed = can(actor, 'manage_consent', { type: 'situation', ...facts });
  const events = await q
    .select({ event: situationEvents, actor: users })
    .from(situationEvents)
    .innerJoin(users, eq(users.id, situationEvents.actorUserId))
    .where(eq(situationEvents.situationId, row.id))
    .orderBy(asc(situationEvents.id));
  const lang = ctx.lang;
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    version: row.version,
    regionId: row.regionId,
    anonymous: row.anonymous,
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
    person: person
      ? {
          id: person.id,
          version: person.version,
          navs13: person.navs13 ?? '',
          officialName: person.officialName,
          firstNames: person.firstNames,
          birthDate: person.birthDate,
          sex: person.sex,
          correspondenceLanguage: person.correspondenceLanguage as 'fr' | 'de' | 'other',
          communeId: person.communeId,
          residencePermit: person.residencePermit as ResidencePermit,
          street: person.street,
          postalCode: person.postalCode,
          locality: person.locality,
          phone: person.phone,
          email: person.email,
        }
      : null,
    announcingUserName: fullName(names?.announcer),
    announcingInstitutionName: (lang === 'de' ? names?.institution.nameDe : names?.institution.nameFr) ?? '',
    handledByName: handler ? fullName(handler) : null,
    createdAt: row.createdAt.toISOString(),
    announcedAt: row.announcedAt?.toISOString() ?? null,
    takenUpAt: row.takenUpAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    refusalSuggestions: row.refusalSuggestions,
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
    attachments: attachmentRows.map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    caseTeam: teamShown.map((m) => {
      const p = personOf.get(m.userId);
      return {
        userId: m.userId,
        name: fullName(p?.user),
        institutionName: (ctx.lang === 'de' ? p?.institution.nameDe : p?.institution.nameFr) ?? '',
        addedAt: m.addedAt.toISOString(),
        addedByName: nameOf(m.addedByUserId),
        removedAt: m.removedAt?.toISOString() ?? null,
        accessUntil: m.removedAt ? new Date(m.removedAt.getTime() + facts.graceDays * 86_400_000).toISOString() : null,
        version: m.version,
      };
    }),
    withheldCategories: withheld,
    timeline: events.map(({ event, actor: who }) => ({
      at: event.at.toISOString(),
      actorName: fullName(who),
      type: event.type,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      details: identity ? ((event.details ?? {}) as Record<string, unknown>) : withoutDocuments(event.details),
    })),
    abilities: situationAbilities(actor, facts),
  };
}
