import type { Queryable } from '../../db/open-db.ts';
import { auditLog } from '../../db/schema.ts';
import type { Context } from '../http/context.ts';

/**
 * The audit choke point. Every read and write of personal data and every
 * admin action calls `recordAudit`: for a write with the same transaction as
 * the change (both commit or neither), for a read before the answer leaves.
 * Details name fields and ids, never personal values.
 */
export interface AuditEntryInput {
  action: string; // verb.noun, e.g. "user.update"
  recordType?: string;
  recordId?: string;
  subjectPersonId?: string;
  allowed: boolean;
  details?: Record<string, unknown>;
}

export async function recordAudit(q: Queryable, ctx: Pick<Context, 'actor' | 'ip' | 'now'>, entry: AuditEntryInput) {
  await q.insert(auditLog).values({
    at: ctx.now(),
    actorUserId: ctx.actor?.userId ?? null,
    actorInstitutionId: ctx.actor?.institutionId ?? null,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    subjectPersonId: entry.subjectPersonId ?? null,
    ip: ctx.ip,
    allowed: entry.allowed,
    details: entry.details ?? {},
  });
}
