import { notFound } from '../../domain/errors.ts';
import type { Action } from '../../domain/access/policy.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from '../situations/load-situation.ts';
import { findMandate } from './tandem-repository.ts';
import type { AuditAction } from '../../domain/audit/actions.ts';

/**
 * The situation and its mandate if the caller may `action` it (the one access
 * check, audited); 404 when the situation has no mandate.
 */
export async function loadMandateFor(
  ctx: AuthedContext,
  situationId: string,
  action: Action,
  auditAction: AuditAction,
) {
  const found = await loadSituationFor(ctx, situationId, action, auditAction);
  const mandate = await findMandate(ctx.db, situationId);
  if (!mandate) throw notFound();
  return { ...found, mandate };
}
