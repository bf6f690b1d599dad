import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TandemBodySchema, UpdateTandemBodySchema } from '../../contracts/tandem.ts';
import { type FieldError, conflict, invalid, notFound } from '../../domain/errors.ts';
import { institutions, regions, tandems, users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { oneRow } from '../../db/one-row.ts';

/** A new tandem: one ORP counsellor and one CMS social worker, both tandem members, in a region. */
export async function createTandem(ctx: AuthedContext, body: z.infer<typeof TandemBodySchema>): Promise<string> {
  await ensureAllowed(ctx, 'manage', { type: 'tandem', regionId: body.regionId }, { action: 'tandem.create' });
  const fields: FieldError[] = [];
  const [region] = await ctx.db.select({ id: regions.id }).from(regions).where(eq(regions.id, body.regionId));
  if (!region) fields.push({ path: 'regionId', messageKey: 'user.unknownRegion' });
  for (const [path, id, kind] of [
    ['orpUserId', body.orpUserId, 'orp'],
    ['cmsUserId', body.cmsUserId, 'cms'],
  ] as const) {
    const [u] = await ctx.db
      .select({ kind: institutions.kind, roles: users.roles, disabledAt: users.disabledAt })
      .from(users)
      .innerJoin(institutions, eq(institutions.id, users.institutionId))
      .where(eq(users.id, id));
    if (!u || u.disabledAt || u.kind !== kind || !u.roles.includes('tandem_member'))
      fields.push({ path, messageKey: `tandem.${kind}MemberRequired` });
  }
  if (!fields.length) {
    const [same] = await ctx.db
      .select({ id: tandems.id })
      .from(tandems)
      .where(
        and(eq(tandems.active, true), eq(tandems.orpUserId, body.orpUserId), eq(tandems.cmsUserId, body.cmsUserId)),
      );
    if (same) fields.push({ path: 'cmsUserId', messageKey: 'tandem.alreadyExists' });
  }
  if (fields.length) throw invalid(fields);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const row = oneRow(
      await tx
        .insert(tandems)
        .values({ ...body, createdAt: now, updatedAt: now })
        .returning({ id: tandems.id }),
    );
    await recordAudit(tx, ctx, {
      action: 'tandem.create',
      recordType: 'tandem',
      recordId: row.id,
      allowed: true,
      details: { regionId: body.regionId, capacity: body.capacity },
    });
    return row.id;
  });
}

/** Capacity and activity change; the members of a tandem do not (a new pair is a new tandem). */
export async function updateTandem(ctx: AuthedContext, id: string, body: z.infer<typeof UpdateTandemBodySchema>) {
  const [row] = await ctx.db.select().from(tandems).where(eq(tandems.id, id));
  if (!row) throw notFound();
  await ensureAllowed(
    ctx,
    'manage',
    { type: 'tandem', regionId: row.regionId },
    { action: 'tandem.update', recordId: id },
  );
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(tandems)
      .set({ capacity: body.capacity, active: body.active, updatedAt: ctx.now(), version: sql`${tandems.version} + 1` })
      .where(and(eq(tandems.id, id), eq(tandems.version, body.version)))
      .returning({ id: tandems.id });
    if (!updated.length) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'tandem.update',
      recordType: 'tandem',
      recordId: id,
      allowed: true,
      details: { capacity: body.capacity, active: body.active },
    });
  });
}
