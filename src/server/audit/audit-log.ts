import type { AuditAction } from '../../domain/audit/actions.ts';
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
  action: AuditAction; // noun.verb, from the one vocabulary of src/domain/audit/actions.ts
  recordType?: string;
  recordId?: string;
  subjectPersonId?: string;
  allowed: boolean;
  details?: Record<string, unknown>;
}

type AuditContext = Pick<Context, 'actor' | 'ip' | 'now'>;

const rowOf = (ctx: AuditContext, entry: AuditEntryInput) => ({
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

export async function recordAudit(q: Queryable, ctx: AuditContext, entry: AuditEntryInput) {
  await q.insert(auditLog).values(rowOf(ctx, entry));
}

/** Several rows in one statement: a list writes one row per person it shows. */
export async function recordAuditMany(q: Queryable, ctx: AuditContext, entries: readonly AuditEntryInput[]) {
  if (entries.length) await q.insert(auditLog).values(entries.map((e) => rowOf(ctx, e)));
}
