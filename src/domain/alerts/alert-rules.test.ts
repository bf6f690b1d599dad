import { describe, expect, it } from 'vitest';
import {
  type AlertRule,
  DEFAULT_ALERT_RULES,
  addMonths,
  dedupeAlerts,
  evaluateCaseloadTransfer,
  evaluateLaciEndRisk,
  nextAlertState,
  ruleInForce,
} from './alert-rules.ts';

/**
 * Issue 14: seed 000 ("identifier en amont les situations potentiellement à risque": end of LACI rights with
 * cumulative risk factors) and seed 004 §2 (the alert system for persons followed by several bodies at once).
 */
describe('rules as effective-dated data', () => {
  const rules: AlertRule[] = [
    ...DEFAULT_ALERT_RULES,
    { code: 'laci_end_risk', validFrom: '2027-01-01', validTo: null, params: { monthsBefore: 6, minRiskFactors: 3 } },
  ];
  it('picks the version in force on the day', () => {
    expect(ruleInForce(rules, 'laci_end_risk', '2026-12-31')?.params.monthsBefore).toBe(3);
    expect(ruleInForce(rules, 'laci_end_risk', '2027-01-01')?.params.monthsBefore).toBe(6);
    expect(ruleInForce(rules, 'laci_end_risk', '2011-12-31')).toBeNull();
  });
  it('end of LACI rights within three months with two risk factors fires and says why', () => {
    const rule = ruleInForce(rules, 'laci_end_risk', '2026-11-30');
    const row = { laciEnd: '2027-02-28', riskFlags: ['health', 'debts'] };
    expect(evaluateLaciEndRisk(row, rule, '2026-11-30')).toEqual({
      rule: 'laci_end_risk',
      laciEnd: '2027-02-28',
      monthsBefore: 3,
      riskFactors: 2,
      minRiskFactors: 2,
    });
    // One day later than three months, one flag only, an end already passed: silent.
    expect(evaluateLaciEndRisk({ ...row, laciEnd: '2027-03-01' }, rule, '2026-11-30')).toBeNull();
    expect(evaluateLaciEndRisk({ ...row, riskFlags: ['health'] }, rule, '2026-11-30')).toBeNull();
    expect(evaluateLaciEndRisk({ ...row, laciEnd: '2026-11-29' }, rule, '2026-11-30')).toBeNull();
  });
  it('counts months on the calendar', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
  it('a move between caseloads within a month fires, a later one does not', () => {
    const rule = ruleInForce(rules, 'caseload_transfer', '2026-11-30');
    expect(evaluateCaseloadTransfer({ leftOn: '2026-10-01', followedSince: '2026-11-01' }, rule)).toEqual({
      rule: 'caseload_transfer',
      leftOn: '2026-10-01',
      followedSince: '2026-11-01',
      withinDays: 31,
    });
    expect(evaluateCaseloadTransfer({ leftOn: '2026-10-01', followedSince: '2026-11-02' }, rule)).toBeNull();
    expect(evaluateCaseloadTransfer({ leftOn: '2026-10-01', followedSince: '2026-09-01' }, rule)).toBeNull();
  });
});

describe('deduplication', () => {
  const a = { institutionId: 'orp', pseudonym: 'p1', rule: 'co_follow_up' as const, otherInstitutionId: 'cms' };
  it('raises a pair once, not again while it stands, and again once closed', () => {
    expect(dedupeAlerts([a, { ...a }], [])).toHaveLength(1);
    for (const state of ['open', 'not_relevant', 'lapsed', 'drafted'] as const)
      expect(dedupeAlerts([a], [{ ...a, state }])).toEqual([]);
    expect(dedupeAlerts([a], [{ ...a, state: 'closed' }])).toEqual([a]);
    expect(dedupeAlerts([a], [{ ...a, otherInstitutionId: 'oai', state: 'open' }])).toEqual([a]);
  });
  it('acts on open alerts only', () => {
    expect(nextAlertState('open', 'lapse')).toEqual({ ok: true, state: 'lapsed' });
    expect(nextAlertState('open', 'not_relevant')).toEqual({ ok: true, state: 'not_relevant' });
    expect(nextAlertState('open', 'draft')).toEqual({ ok: true, state: 'drafted' });
    expect(nextAlertState('closed', 'lapse')).toEqual({ ok: false, problem: 'not_open' });
  });
});
