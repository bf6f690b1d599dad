import type { AuditPage, AuditQuery } from '../../contracts/audit.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { recordAudit, recordAuditMany } from './audit-log.ts';
import {
  afterAuditCursor,
  auditConditions,
  decodeAuditCursor,
  encodeAuditCursor,
  presentAuditRows,
  selectAuditRows,
} from './audit-repository.ts';

/**
 * The audit page: filtered by user, situation or record, person, action, dates and outcome; newest first, one page
 * after a cursor, without counting the log. Reading it is audited, with one more row per person whose name the
 * page showed ("everything read about this person" includes the audit log).
 */
export async function listAuditEntries(ctx: AuthedContext, query: AuditQuery): Promise<AuditPage> {
  await ensureAllowed(ctx, 'read', { type: 'audit_log' }, { action: 'audit.list' });
  const cursor = query.cursor ? decodeAuditCursor(query.cursor) : null;
  const { cursor: _cursor, person: _person, ...filters } = query;
  const conditions = await auditConditions(ctx, query);
  const rows = conditions
    ? await selectAuditRows(
        ctx,
        cursor ? [...conditions.where, afterAuditCursor(cursor)] : conditions.where,
        query.pageSize + 1,
      )
    : [];
  const page = rows.slice(0, query.pageSize);
  const { entries, personsShown } = await presentAuditRows(ctx, page);

  // The name typed in the person filter is personal data: the row names the persons it stood for.
  await recordAudit(ctx.db, ctx, {
    action: 'audit.list',
    recordType: 'audit_log',
    allowed: true,
    details: { filters, personFilter: conditions?.personIds ?? (query.person ? [] : undefined), rows: page.length },
  });
  await recordAuditMany(
    ctx.db,
    ctx,
    personsShown.map((personId) => ({
      action: 'audit.list',
      recordType: 'person',
      recordId: personId,
      subjectPersonId: personId,
      allowed: true,
      details: { identityShown: true },
    })),
  );
  const last = page.at(-1);
  return {
    items: entries,
    pageSize: query.pageSize,
    nextCursor: rows.length > query.pageSize && last ? encodeAuditCursor([last.sortAt, String(last.entry.id)]) : null,
  };
}
