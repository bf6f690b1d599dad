import { notFound } from '../../domain/errors.ts';
import type { Action } from '../../domain/access/policy.ts';
import type { AuditAction } from '../../domain/audit/actions.ts';
import type { Queryable } from '../../db/open-db.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { accessClock, findSituation } from './situation-repository.ts';

/**
 * The situation if the caller may `action` it, else 404 (the same answer as
 * for a situation that does not exist), the refusal audited.
 */
export async function loadSituationFor(
  ctx: AuthedContext,
  id: string,
  action: Action,
  auditAction: AuditAction,
  q: Queryable = ctx.db,
  options: { withPage?: boolean } = {},
) {
  const found = await findSituation(q, id, accessClock(ctx), options);
  if (!found) {
    // Audited like a refusal, so that probing ids leaves a trace and takes as long as hitting a forbidden one.
    await recordAudit(ctx.db, ctx, { action: auditAction, recordType: 'situation', recordId: id, allowed: false });
    throw notFound();
  }
  // Whoever may not even read it learns nothing more than "not found", whatever the action. (Reading an assessment
  // is its own check: its SMR doctor reads it without reading the file.)
  await ensureAllowed(
    ctx,
    action === 'read_assessment' ? action : 'read',
    { type: 'situation', ...found.facts },
    {
      action: auditAction,
      recordId: id,
      subjectPersonId: found.row.personId ?? undefined,
    },
  );
  if (action !== 'read' && action !== 'read_assessment') {
    await ensureAllowed(
      ctx,
      action,
      { type: 'situation', ...found.facts },
      {
        action: auditAction,
        recordId: id,
        subjectPersonId: found.row.personId ?? undefined,
      },
    );
  }
  return found;
}
