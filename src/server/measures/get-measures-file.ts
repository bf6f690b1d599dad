import { asc, eq } from 'drizzle-orm';
import type { MeasuresFile } from '../../contracts/measures.ts';
import { can } from '../../domain/access/policy.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { ruleSetAt } from '../../domain/measures/rule-sets.ts';
import { institutions, measureKinds, measures } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from '../situations/load-situation.ts';
import { categoryFilter } from '../situations/present-situation.ts';
import { PART_CATEGORY } from '../../domain/consent/data-categories.ts';
import { findMandate } from '../tandem/tandem-repository.ts';
import { presentKind, presentMeasures } from './measure-repository.ts';

/** The measures of a situation, and what the tandem may propose today. */
export async function getMeasuresFile(ctx: AuthedContext, situationId: string): Promise<MeasuresFile> {
  const { row, facts } = await loadSituationFor(ctx, situationId, 'read', 'measures.read');
  const mandate = await findMandate(ctx.db, situationId);
  const withheld = !categoryFilter(ctx.actor, facts).shows(PART_CATEGORY.measures);
  const rows =
    mandate && !withheld
      ? await ctx.db
          .select()
          .from(measures)
          .where(eq(measures.situationId, situationId))
          .orderBy(asc(measures.startOn), asc(measures.createdAt))
      : [];
  const canPropose =
    mandate !== null && row.personId !== null && can(ctx.actor, 'coach', { type: 'situation', ...facts });
  let kinds: MeasuresFile['kinds'] = [];
  if (canPropose) {
    const [announcer] = await ctx.db
      .select({ kind: institutions.kind })
      .from(institutions)
      .where(eq(institutions.id, row.announcingInstitutionId));
    const mipOffered = ruleSetAt(swissDay(ctx.now())).mipOffered && announcer?.kind === 'cms';
    const all = await ctx.db.select().from(measureKinds).where(eq(measureKinds.active, true));
    kinds = all
      .filter((k) => k.checks !== 'mip' || mipOffered)
      .map(presentKind)
      .sort((a, b) => a.regime.localeCompare(b.regime) || a.nameFr.localeCompare(b.nameFr));
  }
  await recordAudit(ctx.db, ctx, {
    action: 'measures.read',
    recordType: 'situation',
    recordId: situationId,
    subjectPersonId: row.personId ?? undefined,
    allowed: true,
  });
  const canRun =
    mandate !== null && can(ctx.actor, mandate.closedAt ? 'follow_up' : 'coach', { type: 'situation', ...facts });
  return {
    measures: await presentMeasures(ctx.db, rows),
    kinds,
    canPropose: canPropose && !withheld,
    canRun: canRun && !withheld,
    withheld,
  };
}
