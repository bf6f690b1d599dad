import { and, asc, eq, sql } from 'drizzle-orm';

import { conflict, notFound } from '../../domain/errors.ts';
import type { Queryable } from '../../db/open-db.ts';
import { communes, institutions, offices, regions } from '../../db/schema.ts';
import { oneRow } from '../../db/one-row.ts';

export const ORGANISATION_TABLES = {
  region: regions,
  institution: institutions,
  office: offices,
  commune: communes,
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_TABLES;

export async function readDirectory(q: Queryable) {
  const [regionRows, institutionRows, officeRows, communeRows] = await Promise.all([
    q.select().from(regions).orderBy(asc(regions.code)),
    q.select().from(institutions).orderBy(asc(institutions.kind), asc(institutions.nameFr)),
    q.select().from(offices).orderBy(asc(offices.name)),
    q.select().from(communes).orderBy(asc(communes.name)),
  ]);
  return { regions: regionRows, institutions: institutionRows, offices: officeRows, communes: communeRows };
}

/**
 * Inserts (no id) or updates with compare-and-set on `version`. A missing row
 * is 404, a stale version 409.
 */
export async function insertOrUpdate<T extends OrganisationKind>(
  q: Queryable,
  kind: T,
  id: string | null,
  version: number | undefined,
  values: Record<string, unknown>,
  now: Date,
): Promise<string> {
  // The four tables share id/version/updated_at; drizzle's types cannot express "any of them".
  const table = ORGANISATION_TABLES[kind] as unknown as typeof regions;
  if (!id) {
    const row = oneRow(
      await q
        .insert(table)
        .values({ ...values, createdAt: now, updatedAt: now } as typeof regions.$inferInsert)
        .returning({ id: table.id }),
    );
    return row.id;
  }
  const updated = await q
    .update(table)
    .set({ ...values, updatedAt: now, version: sql`${table.version} + 1` } as unknown as Partial<
      typeof regions.$inferInsert
    >)
    .where(and(eq(table.id, id), version === undefined ? undefined : eq(table.version, version)))
    .returning({ id: table.id });
  if (updated.length === 1) return id;
  const [exists] = await q.select({ id: table.id }).from(table).where(eq(table.id, id));
  throw exists ? conflict() : notFound();
}

export async function findById<T extends OrganisationKind>(q: Queryable, kind: T, id: string) {
  const table = ORGANISATION_TABLES[kind] as unknown as typeof regions;
  const [row] = await q.select().from(table).where(eq(table.id, id));
  return row ?? null;
}
