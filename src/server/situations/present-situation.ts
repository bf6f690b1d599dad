import { asc, eq } from 'drizzle-orm';
import type { Situation } from '../../contracts/situations.ts';
import { type SituationFacts, can, situationAbilities } from '../../domain/access/policy.ts';
import { isConsentValid, swissDay } from '../../domain/consent/consent.ts';
import type { ResidencePermit } from '../../domain/situation/vocabulary.ts';
import type { Queryable } from '../../db/open-db.ts';
import { attachments, consents, institutions, persons, situationEvents, users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import type { SituationRow } from './situation-repository.ts';

export const fullName = (u: { givenName: string; familyName: string } | null | undefined) => (u ? `${u.givenName} ${u.familyName}` : '');

/**
 * The situation as the caller may see it: the person's identity only with
 * `read_identity`; otherwise the anonymous profile (age band, region, risk factors).
 */
export async function presentSituation(ctx: AuthedContext, row: SituationRow, facts: SituationFacts, q: Queryable = ctx.db): Promise<Situation> {
  const actor = ctx.actor;
  const identity = can(actor, 'read_identity', { type: 'situation', ...facts });
  const today = swissDay(ctx.now());
  const [names] = await q
    .select({ announcer: users, institution: institutions })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, row.announcingInstitutionId))
    .where(eq(users.id, row.announcingUserId));
  const [handler] = row.handledByUserId ? await q.select().from(users).where(eq(users.id, row.handledByUserId)) : [];
  const person = identity && row.personId ? (await q.select().from(persons).where(eq(persons.id, row.personId)))[0] : undefined;
  const consentRows = row.personId && !row.anonymous ? await q.select().from(consents).where(eq(consents.personId, row.personId)).orderBy(asc(consents.createdAt)) : [];
  const attachmentRows = await q
    .select({ id: attachments.id, filename: attachments.filename, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256, uploadedAt: attachments.uploadedAt })
    .from(attachments)
    .where(eq(attachments.situationId, row.id))
    .orderBy(asc(attachments.uploadedAt));
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
    riskFactors: row.riskFactors as Situation['riskFactors'],
    riskFactorsOther: row.riskFactorsOther,
    targetGroups: row.targetGroups as Situation['targetGroups'],
    laciBasicProgramme: row.laciBasicProgramme,
    laciEmployabilityCheck: row.laciEmployabilityCheck,
    liasEmployabilityChecked: row.liasEmployabilityChecked,
    liasIntegrationIndicated: row.liasIntegrationIndicated,
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
    consents: consentRows.map((c) => ({
      id: c.id,
      institutionIds: c.institutionIds,
      dataCategories: c.dataCategories as Situation['consents'][number]['dataCategories'],
      signedOn: c.signedOn,
      validUntil: c.validUntil,
      scanAttachmentId: c.scanAttachmentId,
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revocationReason: c.revocationReason,
      valid: isConsentValid({ ...c, dataCategories: [] }, today),
      version: c.version,
    })),
    attachments: attachmentRows.map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    timeline: events.map(({ event, actor: who }) => ({
      at: event.at.toISOString(),
      actorName: fullName(who),
      type: event.type,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      details: (event.details ?? {}) as Record<string, unknown>,
    })),
    abilities: situationAbilities(actor, facts),
  };
}
