import { AUDIT_EXPORT_MAX_ROWS, type AuditFilter } from '../../contracts/audit.ts';
import { auditCsv } from '../../domain/audit/audit-csv.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { recordAudit, recordAuditMany } from './audit-log.ts';
import { auditConditions, presentAuditRows, selectAuditRows } from './audit-repository.ts';

/** Rows of one INSERT: ten parameters a row stay far below PostgreSQL's 65,535. */
const AUDIT_BATCH = 500;

/**
 * The audit page's rows as CSV for Swiss spreadsheets: the same filters and the same visibility of names, at most
 * `AUDIT_EXPORT_MAX_ROWS` rows (newest first; the last line says when it stopped), headers in the reader's language.
 * The export is audited like the page, with a row per person whose name it contains.
 */
export async function exportAuditEntries(
  ctx: AuthedContext,
  filter: AuditFilter,
  maxRows = AUDIT_EXPORT_MAX_ROWS,
): Promise<{ csv: string; rows: number; truncated: boolean }> {
  await ensureAllowed(ctx, 'read', { type: 'audit_log' }, { action: 'audit.export' });
  const conditions = await auditConditions(ctx, filter);
  const rows = conditions ? await selectAuditRows(ctx, conditions.where, maxRows + 1) : [];
  const truncated = rows.length > maxRows;
  const kept = rows.slice(0, maxRows);
  const { entries, personsShown } = await presentAuditRows(ctx, kept);
  const csv = auditCsv(entries, ctx.lang, truncated ? maxRows : null);

  const { person: _person, ...filters } = filter;
  await recordAudit(ctx.db, ctx, {
    action: 'audit.export',
    recordType: 'audit_log',
    allowed: true,
    details: {
      filters,
      personFilter: conditions?.personIds ?? (filter.person ? [] : undefined),
      rows: kept.length,
      truncated,
    },
  });
  for (let i = 0; i < personsShown.length; i += AUDIT_BATCH) {
    await recordAuditMany(
      ctx.db,
      ctx,
      personsShown.slice(i, i + AUDIT_BATCH).map((personId) => ({
        action: 'audit.export',
        recordType: 'person',
        recordId: personId,
        subjectPersonId: personId,
        allowed: true,
        details: { identityShown: true },
      })),
    );
  }
  return { csv, rows: kept.length, truncated };
}
