import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { listAlertRules as readRules } from './alert-rule-repository.ts';

/** The alert rules with their dates and parameters, as the Bureau and the correspondents read them. Audited. */
export async function listAlertRules(ctx: AuthedContext) {
  await ensureAllowed(ctx, 'read', { type: 'alert_rules' }, { action: 'alert_rules.read' });
  const rules = await readRules(ctx.db);
  await recordAudit(ctx.db, ctx, { action: 'alert_rules.read', recordType: 'alert_rules', allowed: true });
  return { rules: rules.map((r) => ({ ...r, params: r.params as Record<string, number> })) };
}
