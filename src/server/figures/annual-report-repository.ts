import { and, eq } from 'drizzle-orm';
import type { AnnualReportTexts } from '../../contracts/annual-report.ts';
import type { Language } from '../../domain/access/roles.ts';
import { emptyReportTexts } from '../../domain/statistics/annual-report.ts';
import type { Queryable } from '../../db/open-db.ts';
import { annualReportTexts, users } from '../../db/schema.ts';

/** The officer's texts of a year in one language; empty texts (version null) while nothing is saved. */
export async function findReportTexts(db: Queryable, year: number, language: Language): Promise<AnnualReportTexts> {
  const [row] = await db
    .select({ t: annualReportTexts, givenName: users.givenName, familyName: users.familyName })
    .from(annualReportTexts)
    .innerJoin(users, eq(users.id, annualReportTexts.updatedByUserId))
    .where(and(eq(annualReportTexts.year, year), eq(annualReportTexts.language, language)));
  if (!row) return { year, language, ...emptyReportTexts(), version: null, updatedAt: null, updatedBy: null };
  const { t } = row;
  return {
    year,
    language,
    achievements: t.achievements,
    copil: t.copil,
    cdc: t.cdc,
    commission: t.commission,
    bureau: t.bureau,
    conclusions: t.conclusions,
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
    updatedBy: `${row.givenName} ${row.familyName}`,
  };
}
