import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { institutions, personMergeRequests, persons, users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';

/** The merges waiting for review (and the last reviewed ones), for the Bureau. */
export async function listMergeRequests(ctx: AuthedContext) {
  await ensureAllowed(ctx, 'review', { type: 'person_merge' }, { action: 'person.merge_list' });
  const survivor = alias(persons, 'survivor');
  const duplicate = alias(persons, 'duplicate');
  const si = alias(institutions, 'si');
  const di = alias(institutions, 'di');
  const rows = await ctx.db
    .select({ m: personMergeRequests, survivor, duplicate, si: si.nameFr, di: di.nameFr, by: users })
    .from(personMergeRequests)
    .innerJoin(survivor, eq(survivor.id, personMergeRequests.survivorId))
    .innerJoin(duplicate, eq(duplicate.id, personMergeRequests.duplicateId))
    .innerJoin(si, eq(si.id, survivor.createdByInstitutionId))
    .innerJoin(di, eq(di.id, duplicate.createdByInstitutionId))
    .innerJoin(users, eq(users.id, personMergeRequests.requestedByUserId))
    .orderBy(desc(personMergeRequests.requestedAt))
    .limit(100);
  const summary = (p: typeof persons.$inferSelect, institution: string) => ({
    id: p.id,
    officialName: p.officialName,
    firstNames: p.firstNames,
    birthDate: p.birthDate,
    navs13: p.navs13 ?? '',
    createdByInstitutionName: institution,
  });
  await recordAudit(ctx.db, ctx, { action: 'person.merge_list', recordType: 'person', allowed: true, details: { ids: rows.map((r) => r.m.id) } });
  return rows.map((r) => ({
    id: r.m.id,
    survivor: summary(r.survivor, r.si),
    duplicate: summary(r.duplicate, r.di),
    reason: r.m.reason,
    requestedByName: `${r.by.givenName} ${r.by.familyName}`,
    requestedAt: r.m.requestedAt.toISOString(),
    status: r.m.status as 'pending' | 'approved' | 'rejected',
    version: r.m.version,
  }));
}
