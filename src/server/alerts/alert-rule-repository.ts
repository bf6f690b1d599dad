import { asc } from 'drizzle-orm';
import { ALERT_RULE_CODES, type AlertRule, type AlertRuleCode } from '../../domain/alerts/alert-rules.ts';
import type { Queryable } from '../../db/open-db.ts';
import { alertRules } from '../../db/schema.ts';

/** The alert rules as stored (migration 0019 seeds them); unknown codes are ignored, not guessed. */
export async function listAlertRules(q: Queryable): Promise<AlertRule[]> {
  const rows = await q.select().from(alertRules).orderBy(asc(alertRules.code), asc(alertRules.validFrom));
  return rows
    .filter((r) => (ALERT_RULE_CODES as readonly string[]).includes(r.code))
    .map((r) => ({
      code: r.code as AlertRuleCode,
      validFrom: r.validFrom,
      validTo: r.validTo,
      params: r.params as AlertRule['params'],
    }));
}
