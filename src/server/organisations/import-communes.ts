import { sql } from 'drizzle-orm';
import type { CommuneImportReport } from '../../contracts/organisations.ts';
import { parseCommuneCsv } from '../../domain/organisations/commune-csv.ts';
import { DomainError } from '../../domain/errors.ts';
import { communes } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { translate } from '../i18n/messages.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';

/**
 * Imports communes from CSV: valid rows are created or updated by BFS number
 * (the region assignment of an existing commune is kept), rejected rows are
 * reported with their line and reasons, in the caller's language.
 */
export async function importCommunes(ctx: AuthedContext, csv: string): Promise<CommuneImportReport> {
  await ensureAllowed(ctx, 'manage', { type: 'organisation' }, { action: 'commune.import' });
  const parsed = parseCommuneCsv(csv);
  if ('error' in parsed) {
    throw new DomainError('validation', 'error.validation', {
      fields: [{ path: 'csv', messageKey: parsed.error.messageKey, params: parsed.error.params }],
    });
  }
  const now = ctx.now();
  const { created, updated } = await ctx.db.transaction(async (tx) => {
    let createdCount = 0;
    for (const row of parsed.rows) {
      const [result] = await tx
        .insert(communes)
        .values({
          bfsNumber: row.bfsNumber,
          name: row.name,
          canton: row.canton,
          district: row.district,
          language: row.language,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: communes.bfsNumber,
          set: {
            name: row.name,
            canton: row.canton,
            district: row.district,
            language: row.language,
            updatedAt: now,
            version: sql`${communes.version} + 1`,
          },
        })
        // xmax = 0 only on a freshly inserted row: tells creation from update in one statement.
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      if (result?.inserted) createdCount++;
    }
    const counts = { created: createdCount, updated: parsed.rows.length - createdCount };
    await recordAudit(tx, ctx, {
      action: 'commune.import',
      recordType: 'commune',
      allowed: true,
      details: { ...counts, rejected: parsed.rejected.length },
    });
    return counts;
  });
  return {
    created,
    updated,
    rejected: parsed.rejected.map((r) => ({
      line: r.line,
      reasons: r.reasons.map((reason) => translate(ctx.lang, reason.messageKey, reason.params)),
    })),
  };
}
