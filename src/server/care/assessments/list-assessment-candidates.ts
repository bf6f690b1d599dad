import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Language } from '../../../domain/access/roles.ts';
import { institutions, users } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { fullName } from '../../situations/present-situation.ts';
import { loadAssessmentToAct } from './load-assessment.ts';

/** Whom an assessment may invite (seed 004 §6): the Bureau, répondants, professionals, SMR doctors. */
const INVITABLE = ['bureau_member', 'regional_coordinator', 'cii_correspondent', 'field_professional', 'smr_doctor'];

/**
 * Who the Bureau may put on the assessment's team: the active accounts of the situation's region and of the cantonal
 * institutions (no region: the OAI and its SMR doctors, the cantonal Bureau), with their roles.
 */
export async function listAssessmentCandidates(ctx: AuthedContext, situationId: string) {
  const a = await loadAssessmentToAct(ctx, situationId, 'organise_assessment', 'assessment.candidates');
  const region = a.facts.situation.regionId;
  const rows = await ctx.db
    .select({
      id: users.id,
      givenName: users.givenName,
      familyName: users.familyName,
      roles: users.roles,
      institutionId: institutions.id,
      nameFr: institutions.nameFr,
      nameDe: institutions.nameDe,
      kind: institutions.kind,
    })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(
      and(
        isNull(users.disabledAt),
        sql`${users.roles} && ${sql.raw(`ARRAY[${INVITABLE.map((r) => `'${r}'`).join(',')}]::role[]`)}`,
        or(eq(institutions.regionId, region), isNull(institutions.regionId), eq(users.regionId, region)),
      ),
    )
    .orderBy(asc(users.familyName), asc(users.givenName))
    .limit(500);
  await recordAudit(ctx.db, ctx, {
    action: 'assessment.candidates',
    recordType: 'assessment',
    recordId: a.passage.id,
    allowed: true,
    details: { situationId, count: rows.length },
  });
  const lang: Language = ctx.lang;
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: fullName(r),
      institutionId: r.institutionId,
      institution: lang === 'de' ? r.nameDe : r.nameFr,
      kind: r.kind,
      roles: [...r.roles],
    })),
  };
}
