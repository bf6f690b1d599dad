import { and, eq, ne } from 'drizzle-orm';
import type { CommuneBody, InstitutionBody, OfficeBody, RegionBody } from '../../contracts/organisations.ts';
import { type FieldError, invalid } from '../../domain/errors.ts';
import type { Queryable } from '../../db/open-db.ts';
import { communes, regions } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { type OrganisationKind, findById, insertOrUpdate } from './organisation-repository.ts';

/**
 * Creates or edits one organisation record (region, institution, office,
 * commune): the four share one shape — admin only, checked references,
 * compare-and-set, one audit row in the same transaction.
 */
type Bodies = { region: RegionBody; institution: InstitutionBody; office: OfficeBody; commune: CommuneBody };

const exists = async (q: Queryable, kind: OrganisationKind, id: string | null) =>
  !id || Boolean(await findById(q, kind, id));

async function check<K extends OrganisationKind>(q: Queryable, kind: K, id: string | null, body: Bodies[K]) {
  const fields: FieldError[] = [];
  const b = body as Partial<InstitutionBody & OfficeBody & CommuneBody & RegionBody>;
  if (b.regionId !== undefined && !(await exists(q, 'region', b.regionId))) {
    fields.push({ path: 'regionId', messageKey: 'user.unknownRegion' });
  }
  if (kind === 'office' && b.institutionId && !(await exists(q, 'institution', b.institutionId))) {
    fields.push({ path: 'institutionId', messageKey: 'user.unknownInstitution' });
  }
  if (kind === 'institution') {
    if (b.kind === 'commune' && !b.communeId)
      fields.push({ path: 'communeId', messageKey: 'institution.communeRequired' });
    if (b.communeId && !(await exists(q, 'commune', b.communeId))) {
      fields.push({ path: 'communeId', messageKey: 'field.invalidChoice' });
    }
  }
  if (kind === 'region' && b.code) {
    const clash = await q
      .select({ id: regions.id })
      .from(regions)
      .where(and(eq(regions.code, b.code), id ? ne(regions.id, id) : undefined));
    if (clash.length) fields.push({ path: 'code', messageKey: 'region.codeTaken' });
  }
  if (kind === 'commune' && b.bfsNumber) {
    const clash = await q
      .select({ id: communes.id })
      .from(communes)
      .where(and(eq(communes.bfsNumber, b.bfsNumber), id ? ne(communes.id, id) : undefined));
    if (clash.length) fields.push({ path: 'bfsNumber', messageKey: 'commune.bfsTaken' });
  }
  if (fields.length) throw invalid(fields);
}

export async function saveOrganisation<K extends OrganisationKind>(
  ctx: AuthedContext,
  kind: K,
  id: string | null,
  body: Bodies[K],
): Promise<string> {
  await ensureAllowed(ctx, 'manage', { type: 'organisation' }, { action: `${kind}.${id ? 'update' : 'create'}` });
  const { version, ...values } = body as Bodies[K] & { version?: number };
  return ctx.db.transaction(async (tx) => {
    await check(tx, kind, id, body);
    const savedId = await insertOrUpdate(tx, kind, id, version, values, ctx.now());
    await recordAudit(tx, ctx, {
      action: `${kind}.${id ? 'update' : 'create'}`,
      recordType: kind,
      recordId: savedId,
      allowed: true,
      details: { fields: Object.keys(values) },
    });
    return savedId;
  });
}
