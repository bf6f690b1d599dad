import { type Action, type Resource, can } from '../../domain/access/policy.ts';
import type { AuditAction } from '../../domain/audit/actions.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from './context.ts';

/**
 * The one access check of the server. Asks the domain policy; a refusal is
 * written to the audit log and becomes a 404 for records ("what you may not
 * see does not exist") or a 403 for screens that are not about one record.
 */
export async function ensureAllowed(
  ctx: AuthedContext,
  action: Action,
  resource: Resource,
  audit: { action: AuditAction; recordId?: string; subjectPersonId?: string },
): Promise<void> {
  if (can(ctx.actor, action, resource)) return;
  await recordAudit(ctx.db, ctx, {
    action: audit.action,
    recordType: resource.type,
    recordId: audit.recordId,
    subjectPersonId: audit.subjectPersonId,
    allowed: false,
  });
  throw audit.recordId ? notFound() : new DomainError('forbidden', 'error.forbidden');
}

/**
 * A sub-record (a planned meeting, a monthly report, a measure) not found under a situation the caller may see, or
 * one they may not act on: the refusal is audited like `ensureAllowed`'s, and the answer is the same 404 (issue 11).
 * Returns the error for the caller to throw.
 */
export async function notFoundAudited(
  ctx: AuthedContext,
  audit: { action: AuditAction; recordType: string; recordId: string; subjectPersonId?: string },
): Promise<DomainError> {
  await recordAudit(ctx.db, ctx, { ...audit, allowed: false });
  return notFound();
}
