import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { institutions, users } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { fullName } from '../../situations/present-situation.ts';
import { loadPassageFor } from './round-table-repository.ts';

/** Roles of the professionals a round table gathers (004 §6: "entre les professionnels des différents dispositifs"). */
export const PROFESSIONAL_ROLES = ['field_professional', 'cii_correspondent', 'tandem_member', 'smr_doctor'] as const;

/**
 * Who the coordinator may invite: active professionals of the institutions of the situation's region or of the
 * whole canton (no region). Accounts, never the person: a round table is held without them.
 */
export async function listRoundTableCandidates(ctx: AuthedContext, situationId: string) {
  const { row, passage } = await loadPassageFor(
    ctx,
    situationId,
    'round_table',
    'pilot_care',
    'round_table.candidates',
    {
      open: true,
    },
  );
  const rows = await ctx.db
    .select({
      id: users.id,
      givenName: users.givenName,
      familyName: users.familyName,
      institutionId: users.institutionId,
      nameFr: institutions.nameFr,
      nameDe: institutions.nameDe,
    })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(
      and(
        isNull(users.disabledAt),
        eq(institutions.active, true),
        or(isNull(institutions.regionId), eq(institutions.regionId, row.regionId)),
        sql`${users.roles} && ARRAY[${sql.join(
          PROFESSIONAL_ROLES.map((r) => sql`${r}`),
          sql`, `,
        )}]::role[]`,
      ),
    )
    .orderBy(asc(users.familyName), asc(users.givenName));
  await recordAudit(ctx.db, ctx, {
    action: 'round_table.candidates',
    recordType: 'care_passage',
    recordId: passage?.id,
    allowed: true,
    details: { situationId, count: rows.length },
  });
  return rows.map((r) => ({
    id: r.id,
    name: fullName(r),
    institutionId: r.institutionId,
    institutionName: ctx.lang === 'de' ? r.nameDe : r.nameFr,
  }));
}
