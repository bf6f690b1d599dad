/**
 * The alerts (issue 14; seed 004 §1–2: "repérer rapidement les personnes prises en charge conjointement par plusieurs
 * dispositifs"; seed 000: prevention, "identifier en amont les situations potentiellement à risque"). Three kinds:
 * a co-follow-up (one pseudonym in the caseloads or situations of two institutions), and two early-risk rules that
 * only ever go to the institution holding the data they read. The rules are effective-dated data (the table
 * `alert_rules`, seeded with DEFAULT_ALERT_RULES) that the Bureau reads; each alert says which rule fired and why.
 *
 * Pure: no clock (today is an argument), no I/O.
 */
export const ALERT_RULE_CODES = ['co_follow_up', 'laci_end_risk', 'caseload_transfer'] as const;
export type AlertRuleCode = (typeof ALERT_RULE_CODES)[number];

export const ALERT_STATES = ['open', 'not_relevant', 'lapsed', 'closed', 'drafted'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
/** An alert stands until the person leaves a caseload (closed): while it stands, the same pair is not raised again. */
export const STANDING_STATES: readonly AlertState[] = ['open', 'not_relevant', 'lapsed', 'drafted'];
/** The correspondent's own actions on an open alert. */
export const ALERT_ACTIONS = ['not_relevant', 'lapse', 'draft'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export interface AlertRuleParams {
  /** laci_end_risk: the end of LACI rights falls within this many months from today (or has just passed). */
  monthsBefore?: number;
  /** laci_end_risk: at least this many risk flags. */
  minRiskFactors?: number;
  /** caseload_transfer: appeared at another caseload at most this many days after leaving one. */
  withinDays?: number;
}

export interface AlertRule {
  code: AlertRuleCode;
  validFrom: string;
  validTo: string | null;
  params: AlertRuleParams;
}

/** The two example rules of the issue and the co-follow-up, in force since the CII's alert system (seed 004 §2). */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  { code: 'co_follow_up', validFrom: '2012-01-01', validTo: null, params: {} },
  { code: 'laci_end_risk', validFrom: '2012-01-01', validTo: null, params: { monthsBefore: 3, minRiskFactors: 2 } },
  { code: 'caseload_transfer', validFrom: '2012-01-01', validTo: null, params: { withinDays: 31 } },
];

/** The version of a rule in force on a day (validFrom inclusive, validTo exclusive), or null: it does not fire. */
export function ruleInForce(rules: readonly AlertRule[], code: AlertRuleCode, day: string): AlertRule | null {
  const inForce = rules
    .filter((r) => r.code === code && r.validFrom <= day && (r.validTo === null || day < r.validTo))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return inForce[0] ?? null;
}

/** yyyy-mm-dd plus n months, clamped to the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Why a rule fired: the facts it compared, shown on the alert (the holder's own data only). */
export type AlertWhy =
  | { rule: 'co_follow_up' }
  | { rule: 'laci_end_risk'; laciEnd: string; monthsBefore: number; riskFactors: number; minRiskFactors: number }
  | { rule: 'caseload_transfer'; leftOn: string; followedSince: string; withinDays: number };

/**
 * Seed 000's target group seen early: LACI rights end between today and `monthsBefore` months from today, with at
 * least `minRiskFactors` risk flags. An end already passed is the target group itself (then one announces, the
 * warning is too late).
 */
export function evaluateLaciEndRisk(
  row: { laciEnd: string | null; riskFlags: readonly string[] },
  rule: AlertRule | null,
  today: string,
): AlertWhy | null {
  if (rule?.code !== 'laci_end_risk' || !row.laciEnd) return null;
  const monthsBefore = rule.params.monthsBefore ?? 3;
  const minRiskFactors = rule.params.minRiskFactors ?? 2;
  if (row.laciEnd < today || row.laciEnd > addMonths(today, monthsBefore)) return null;
  if (row.riskFlags.length < minRiskFactors) return null;
  return {
    rule: 'laci_end_risk',
    laciEnd: row.laciEnd,
    monthsBefore,
    riskFactors: row.riskFlags.length,
    minRiskFactors,
  };
}

/**
 * A person who left one caseload and appeared at another's within `withinDays`: told to the institution where they
 * appeared (it holds the new row), without naming the one they left — that institution's data does not cross.
 */
export function evaluateCaseloadTransfer(
  moves: { leftOn: string; followedSince: string },
  rule: AlertRule | null,
): AlertWhy | null {
  if (rule?.code !== 'caseload_transfer') return null;
  const withinDays = rule.params.withinDays ?? 31;
  if (moves.followedSince < moves.leftOn || moves.followedSince > addDays(moves.leftOn, withinDays)) return null;
  return { rule: 'caseload_transfer', leftOn: moves.leftOn, followedSince: moves.followedSince, withinDays };
}

/** What makes two alerts the same: who receives it, about whom, under which rule, and the other institution. */
export interface AlertIdentity {
  institutionId: string;
  pseudonym: string;
  rule: AlertRuleCode;
  otherInstitutionId: string | null;
}
export const alertKey = (a: AlertIdentity) =>
  `${a.institutionId}|${a.pseudonym}|${a.rule}|${a.otherInstitutionId ?? ''}`;

/**
 * The candidates to raise now: once each, and none whose pair already has an alert standing (open, not relevant,
 * lapsed or turned into a draft) — it is raised again only after it closed (the person left a caseload).
 */
export function dedupeAlerts<T extends AlertIdentity>(
  candidates: readonly T[],
  existing: readonly (AlertIdentity & { state: AlertState })[],
): T[] {
  const standing = new Set(existing.filter((e) => STANDING_STATES.includes(e.state)).map(alertKey));
  const out: T[] = [];
  for (const c of candidates) {
    const key = alertKey(c);
    if (standing.has(key)) continue;
    standing.add(key);
    out.push(c);
  }
  return out;
}

/** What an action does to an alert: only an open alert is acted on; a not-relevant needs a reason. */
export function nextAlertState(
  state: AlertState,
  action: AlertAction,
): { ok: true; state: AlertState } | { ok: false; problem: 'not_open' } {
  if (state !== 'open') return { ok: false, problem: 'not_open' };
  return { ok: true, state: action === 'lapse' ? 'lapsed' : action === 'draft' ? 'drafted' : 'not_relevant' };
}

/** The month (yyyy-mm) an alert names for "followed since". */
export const monthOf = (day: string) => day.slice(0, 7);
