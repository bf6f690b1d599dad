import { and, eq } from 'drizzle-orm';
import type { FieldError } from '../../domain/errors.ts';
import { invalid } from '../../domain/errors.ts';
import type { Queryable } from '../../db/open-db.ts';
import { institutions, offices, regions } from '../../db/schema.ts';
import type { CreateUserBody } from '../../contracts/users.ts';

/** The institution, office and region a user points at must exist and fit together. */
export async function checkUserReferences(
  q: Queryable,
  input: Pick<CreateUserBody, 'institutionId' | 'officeId' | 'regionId' | 'roles'>,
) {
  const fields: FieldError[] = [];
  const [institution] = await q
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.id, input.institutionId));
  if (!institution) fields.push({ path: 'institutionId', messageKey: 'user.unknownInstitution' });
  if (input.officeId) {
    const [office] = await q
      .select({ id: offices.id })
      .from(offices)
      .where(and(eq(offices.id, input.officeId), eq(offices.institutionId, input.institutionId)));
    if (!office) fields.push({ path: 'officeId', messageKey: 'user.unknownOffice' });
  }
  if (input.regionId) {
    const [region] = await q.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
    if (!region) fields.push({ path: 'regionId', messageKey: 'user.unknownRegion' });
  } else if (input.roles.includes('regional_coordinator')) {
    fields.push({ path: 'regionId', messageKey: 'user.coordinatorNeedsRegion' });
  }
  if (fields.length) throw invalid(fields);
}
