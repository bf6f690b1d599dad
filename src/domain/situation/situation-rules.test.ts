import { describe, expect, it } from 'vitest';
import { type ConsentTerms, consentBasis, isConsentValid, swissDay } from '../consent/consent.ts';
import {
  allowedEvents,
  EDITABLE_STATUSES,
  isEditableStatus,
  nextStatus,
  SITUATION_STATUSES,
} from './situation-lifecycle.ts';
import { type CriterionAnswer, TANDEM_CRITERIA, checkTandemEligibility } from './tandem-eligibility.ts';
import { ageBand } from './vocabulary.ts';

describe('situation lifecycle (DOMAIN.md §4)', () => {
  it('allows exactly the transitions of the diagram', () => {
    const table = Object.fromEntries(SITUATION_STATUSES.map((s) => [s, allowedEvents(s)]));
    expect(table).toEqual({
      draft: ['announce'],
      announced: ['take_up', 'move_region'],
      under_review: ['refuse', 'move_region', 'orient'],
      refused: ['announce'],
      assessment: ['close', 'orient'],
      round_table: ['close', 'orient'],
      tandem: ['close'],
      network_follow_up: ['close'],
      closed: [],
    });
  });
  it('orients to each kind of care, and a round table onwards to a tandem (004 §6)', () => {
    expect(nextStatus('under_review', { type: 'orient', to: 'tandem' })).toBe('tandem');
    expect(nextStatus('under_review', { type: 'orient', to: 'round_table' })).toBe('round_table');
    expect(nextStatus('round_table', { type: 'orient', to: 'tandem' })).toBe('tandem');
    expect(nextStatus('round_table', { type: 'orient', to: 'round_table' })).toBeNull();
    expect(nextStatus('tandem', { type: 'orient', to: 'assessment' })).toBeNull();
    expect(nextStatus('announced', { type: 'refuse' })).toBeNull();
    expect(nextStatus('closed', { type: 'announce' })).toBeNull();
  });
  it('announces a refused situation again, once revised, into the triage queue', () => {
    expect(nextStatus('refused', { type: 'announce' })).toBe('announced');
    expect(nextStatus('refused', { type: 'take_up' })).toBeNull();
    expect(EDITABLE_STATUSES).toEqual(['draft', 'refused']);
    expect(isEditableStatus('announced')).toBe(false);
  });
});

const answers = (
  over: Partial<Record<(typeof TANDEM_CRITERIA)[number], Partial<CriterionAnswer>>> = {},
): CriterionAnswer[] =>
  TANDEM_CRITERIA.map((criterion) => ({
    criterion,
    answer: 'met',
    justification: 'vu au dossier',
    ...over[criterion],
  }));

describe('tandem eligibility (seeds 002 and 003: the six criteria)', () => {
  it('holds when all six are met and justified', () => {
    expect(checkTandemEligibility(answers())).toEqual([]);
  });
  it('names each criterion missing, not met or without justification', () => {
    expect(checkTandemEligibility(answers().slice(1))).toEqual([
      { criterion: 'cumulative_risk_factors', problem: 'missing' },
    ]);
    expect(checkTandemEligibility(answers({ realistic_potential: { answer: 'not_met' } }))).toEqual([
      { criterion: 'realistic_potential', problem: 'not_met' },
    ]);
    expect(checkTandemEligibility(answers({ intensive_coaching_needed: { justification: ' ' } }))).toEqual([
      { criterion: 'intensive_coaching_needed', problem: 'justification_missing' },
    ]);
    // Three zero-width spaces (or a BOM and joiners) are no justification: only visible characters count.
    expect(checkTandemEligibility(answers({ realistic_potential: { justification: '\u200B\u200B\u200B' } }))).toEqual([
      { criterion: 'realistic_potential', problem: 'justification_missing' },
    ]);
    expect(checkTandemEligibility(answers({ realistic_potential: { justification: 'o\uFEFF\u200Dk\u200C' } }))).toEqual(
      [{ criterion: 'realistic_potential', problem: 'justification_missing' }],
    );
  });
  it('lets one regime criterion be not applicable, never both, never the others', () => {
    expect(checkTandemEligibility(answers({ lias_employability_checked: { answer: 'not_applicable' } }))).toEqual([]);
    expect(
      checkTandemEligibility(
        answers({
          lias_employability_checked: { answer: 'not_applicable' },
          laci_prior_measure: { answer: 'not_applicable' },
        }),
      ),
    ).toEqual([{ criterion: null, problem: 'neither_regime' }]);
    expect(checkTandemEligibility(answers({ followed_by_orp_or_cms: { answer: 'not_applicable' } }))).toEqual([
      { criterion: 'followed_by_orp_or_cms', problem: 'not_applicable_refused' },
    ]);
  });
});

describe('consent (procuration, seeds 000/002/003)', () => {
  const consent: ConsentTerms = {
    signedOn: '2026-03-01',
    validUntil: '2026-12-31',
    revokedAt: null,
    reviewedAt: new Date('2026-03-01T10:00:00Z'),
    institutionIds: ['orp', 'bureau'],
    dataCategories: ['identity'],
  };
  it('is valid from signature to validity date, once reviewed, unless revoked', () => {
    expect(isConsentValid({ ...consent, reviewedAt: null }, '2026-06-01')).toBe(false);
    expect(isConsentValid(consent, '2026-02-28')).toBe(false);
    expect(isConsentValid(consent, '2026-03-01')).toBe(true);
    expect(isConsentValid(consent, '2026-12-31')).toBe(true);
    expect(isConsentValid(consent, '2027-01-01')).toBe(false);
    expect(isConsentValid({ ...consent, revokedAt: new Date() }, '2026-06-01')).toBe(false);
    expect(isConsentValid({ ...consent, signedOn: null }, '2026-06-01')).toBe(false);
  });
  it('gives the institutions it names, while valid, the union of the categories of their procurations', () => {
    const basis = consentBasis(
      [
        consent,
        { ...consent, institutionIds: ['oai'], revokedAt: new Date() },
        { ...consent, institutionIds: ['orp'], dataCategories: ['health'] },
        { ...consent, institutionIds: ['osp'], reviewedAt: null },
      ],
      '2026-06-01',
    );
    expect([...basis.keys()]).toEqual(['orp', 'bureau']);
    expect([...basis.get('orp')!]).toEqual(['identity', 'health']);
    expect([...basis.get('bureau')!]).toEqual(['identity']);
  });
  it('counts days in Switzerland', () => {
    expect(swissDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('age band of an anonymous announcement', () => {
  it('uses the age on the day', () => {
    expect(ageBand('2001-06-15', '2026-06-14')).toBe('under_25');
    expect(ageBand('2001-06-15', '2026-06-15')).toBe('25_34');
    expect(ageBand('1970-01-01', '2026-01-01')).toBe('55_plus');
  });
});
