import { asc } from 'drizzle-orm';
import type { FiguresAnswer, FiguresQuery } from '../../contracts/figures.ts';
import { figuresRegions } from '../../domain/access/policy.ts';
import { INSTITUTION_KINDS } from '../../domain/access/roles.ts';
import type { AuditAction } from '../../domain/audit/actions.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { type FieldError, invalid, notFound } from '../../domain/errors.ts';
import { composeFigures } from '../../domain/statistics/figures.ts';
import { previousPeriod } from '../../domain/statistics/period.ts';
import { regions } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { figuresCube, figuresIndicators, withCountingSettings } from './figures-cube.ts';

/**
 * The figures of a year or a period, for the canton or a region (issue 13): aggregate counts only, never a name nor a
 * row per person. Asked through the one policy (`figures`): the statistics readers and the cantonal Bureau read every
 * region; a coordinator their region and the canton, whose other regions then count together in one row. Every read
 * is audited (`figures.read`, or `figures.export` for a file).
 */
export async function getFigures(
  ctx: AuthedContext,
  query: FiguresQuery,
  action: AuditAction = 'figures.read',
): Promise<FiguresAnswer> {
  const regionId = query.region ?? null;
  await ensureAllowed(ctx, 'read', { type: 'figures', regionId }, { action });
  // Published figures are the canton's for a calendar year, each region a row of its tables, hidden together there:
  // a region's own published view, or a period of a few days, could be subtracted from another to reveal a hidden
  // count (decision 024).
  if (query.publication === 'public') {
    const fields: FieldError[] = [];
    if (regionId) fields.push({ path: 'region', messageKey: 'figures.publicCanton' });
    if (query.from || query.to) fields.push({ path: 'from', messageKey: 'figures.publicYear' });
    if (fields.length) throw invalid(fields);
  }
  const all = await ctx.db
    .select({ id: regions.id, code: regions.code, nameFr: regions.nameFr, nameDe: regions.nameDe })
    .from(regions)
    .orderBy(asc(regions.code));
  const region = regionId ? all.find((r) => r.id === regionId) : null;
  if (regionId && !region) throw notFound();
  const today = swissDay(ctx.now());
  const year = query.year ?? (query.from ? null : Number(today.slice(0, 4)));
  const from = year ? `${year}-01-01` : (query.from ?? today);
  const to = year ? `${year}-12-31` : (query.to ?? today);
  const previous = previousPeriod(from, to);
  const cubeQuery = { from, to, previousFrom: previous.from, previousTo: previous.to, regionId, today };
  const [cube, indicators] = await withCountingSettings(ctx.db, async (q) => [
    await figuresCube(q, cubeQuery),
    await figuresIndicators(q, cubeQuery),
  ]);
  const readable = figuresRegions(ctx.actor);
  const publication = query.publication;
  // Published figures are public: the full canton layout (every region a row) whoever asks, so that two published
  // views hiding different cells cannot be subtracted from each other.
  const rows =
    publication === 'public'
      ? all
      : region
        ? [region]
        : readable === 'all'
          ? all
          : all.filter((r) => readable.includes(r.id));
  const figures = composeFigures(cube, indicators, {
    publication,
    threshold: ctx.config.FIGURES_MIN_COUNT,
    regions: rows,
    institutionKinds: INSTITUTION_KINDS,
  });
  await recordAudit(ctx.db, ctx, {
    action,
    recordType: 'figures',
    allowed: true,
    details: { from, to, regionId, publication },
  });
  return {
    ...figures,
    period: { from, to, previousFrom: previous.from, previousTo: previous.to, year },
    region: region ? { id: region.id, code: region.code, name: { fr: region.nameFr, de: region.nameDe } } : null,
    computedAt: ctx.now().toISOString(),
  };
}
