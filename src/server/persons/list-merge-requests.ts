import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { institutions, personMergeRequests, persons, users } from '../../db/schema.ts';
import { recordAuditMany } from '../audit/audit-log.ts';
import { accessClock } from '../situations/situation-repository.ts';
import { usablePersonIds } from './person-repository.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';

/**
 * The merges waiting for review (and the last reviewed ones), for the Bureau.
 * A person the reviewer does not see in any file (decision 005) is shown only
 * as "not visible to you": the request stays for a reviewer who sees both.
 */
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
  const visible = await usablePersonIds(
    ctx.db,
    ctx.actor,
    [...new Set(rows.flatMap((r) => [r.survivor.id, r.duplicate.id]))],
    accessClock(ctx),
  );
  const summary = (p: typeof persons.$inferSelect, institution: string) =>
    visible.has(p.id)
      ? {
          id: p.id,
          officialName: p.officialName,
          firstNames: p.firstNames,
          birthDate: p.birthDate,
          navs13: p.navs13 ?? '',
          createdByInstitutionName: institution,
          visible: true,
        }
      : {
          id: p.id,
          officialName: '',
          firstNames: '',
          birthDate: '',
          navs13: '',
          createdByInstitutionName: '',
          visible: false,
        };
  await recordAuditMany(
    ctx.db,
    ctx,
    rows.flatMap((r) =>
      [r.survivor.id, r.duplicate.id]
        .filter((id) => visible.has(id))
        .map((id) => ({
          action: 'person.merge_list' as const,
          recordType: 'person_merge',
          recordId: r.m.id,
          subjectPersonId: id,
          allowed: true,
        })),
    ),
  );
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
