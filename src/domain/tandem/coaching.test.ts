import { describe, expect, it } from 'vitest';
import { checkClosure, checkSettlement, followUpDates, unsettled } from './closure.ts';
import { checkAssignment, fileHolding, holderAfterClosure } from './file-holding.ts';
import { checkMeetingDate, countsForIntensity } from './journal.ts';
import {
  composeMonthlyReport,
  draftSignificantElements,
  initialsOf,
  overdueReports,
  reportableMonths,
} from './monthly-report.ts';

const tandem = { orpUserId: 'orp-t', cmsUserId: 'cms-t' };

describe('who holds the file (seeds 002/003)', () => {
  it('ORP announcement: the tandem ORP counsellor leads; the file returns to the announcer after a hand-back', () => {
    const h = fileHolding({ userId: 'orp-a', institutionKind: 'orp' }, tandem);
    expect(h).toEqual({ leadUserId: 'orp-t', budgetHolderUserId: null, handBackToUserId: 'orp-a' });
    expect(holderAfterClosure(h, false)).toBe('orp-t');
    expect(holderAfterClosure(h, true)).toBe('orp-a');
  });
  it('social-aid announcement: the tandem social worker prepares, the announcer keeps budget and file', () => {
    const h = fileHolding({ userId: 'as-a', institutionKind: 'cms' }, tandem);
    expect(h).toEqual({ leadUserId: 'cms-t', budgetHolderUserId: 'as-a', handBackToUserId: null });
    expect(holderAfterClosure(h, false)).toBe('as-a');
  });
  it('another announcer: the ORP counsellor leads and nobody is owed a hand-back', () => {
    expect(fileHolding({ userId: 'oai', institutionKind: 'oai' }, tandem)).toEqual({
      leadUserId: 'orp-t',
      budgetHolderUserId: null,
      handBackToUserId: null,
    });
  });
});

describe('assignment and capacity (seed 001: six at a time)', () => {
  const t = { regionId: 'r', active: true, capacity: 6, load: 5 };
  it('fits under capacity, needs a confirmation at or beyond it, and stays in the region', () => {
    expect(checkAssignment(t, 'r', false)).toEqual({ ok: true, overCapacity: false });
    expect(checkAssignment({ ...t, load: 6 }, 'r', false)).toEqual({ ok: false, reason: 'over_capacity_unconfirmed' });
    expect(checkAssignment({ ...t, load: 6 }, 'r', true)).toEqual({ ok: true, overCapacity: true });
    expect(checkAssignment(t, 'other', true)).toEqual({ ok: false, reason: 'other_region' });
    expect(checkAssignment({ ...t, active: false }, 'r', true)).toEqual({ ok: false, reason: 'inactive' });
  });
});

describe('meetings', () => {
  it('counts meetings the person took part in', () => {
    expect(countsForIntensity({ kind: 'with_person', personPresent: false })).toBe(true);
    expect(countsForIntensity({ kind: 'network', personPresent: true })).toBe(true);
    expect(countsForIntensity({ kind: 'employer', personPresent: false })).toBe(false);
  });
  it('dates a meeting within the mandate and not in the future', () => {
    const m = { startOn: '2026-02-02', closedOn: null };
    expect(checkMeetingDate('2026-02-01', m, '2026-03-01')).toEqual([{ path: 'heldOn', problem: 'before_mandate' }]);
    expect(checkMeetingDate('2026-03-02', m, '2026-03-01')).toEqual([{ path: 'heldOn', problem: 'in_future' }]);
    expect(checkMeetingDate('2026-02-20', { ...m, closedOn: '2026-02-15' }, '2026-03-01')).toEqual([
      { path: 'heldOn', problem: 'after_closure' },
    ]);
    expect(checkMeetingDate('2026-02-02', m, '2026-02-02')).toEqual([]);
  });
});

describe('monthly reports', () => {
  it('may be written from the mandate month to today, and are due once the month is over', () => {
    expect(reportableMonths({ startOn: '2026-11-20', closedOn: null }, '2027-02-03')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(reportableMonths({ startOn: '2026-11-20', closedOn: '2026-12-10' }, '2027-02-03')).toEqual([
      '2026-11',
      '2026-12',
    ]);
    expect(overdueReports({ startOn: '2026-11-20', closedOn: null }, new Set(['2026-12']), '2027-02-03')).toEqual([
      '2026-11',
      '2027-01',
    ]);
  });
  it('is composed in the recipient’s language, with the tandem’s words as written and only initials', () => {
    const facts = {
      number: 'CII-2026-0007',
      initials: initialsOf('Léa Marie', 'Évéquoz'),
      month: '2026-03',
      mandate: { startOn: '2026-02-02', endOn: '2026-08-02' },
      tandem: { orpName: 'Pierre M.', cmsName: 'Anne T.' },
      meetings: [
        { heldOn: '2026-03-01', kind: 'network' as const, countsForIntensity: true, nextSteps: 'Bilan OSP' },
        { heldOn: '2026-03-12', kind: 'employer' as const, countsForIntensity: false, nextSteps: '' },
      ],
      objectives: [{ title: 'Stage', status: 'in_progress' as const, targetOn: '2026-04-30' }],
      significantElements: 'Stage trouvé.',
      authorName: 'Anne T.',
    };
    const de = composeMonthlyReport(facts, 'Hans Muster', 'de');
    expect(de.subject).toBe('Monatsbericht des IIZ-Tandems — CII-2026-0007 — März 2026');
    expect(de.text).toContain('(L. É.)');
    expect(de.text).toContain('Gespräche mit der Person: 1 (mindestens 2 pro Monat).');
    expect(de.text).toContain('- 12.03.2026 · Treffen mit einem Arbeitgeber');
    expect(de.text).toContain('- Stage (in Arbeit, Frist 30.04.2026)');
    expect(de.text).toContain('Stage trouvé.');
    // German readers say RAV and SMZ; no French space before a colon in the mail's own words.
    expect(de.text).toContain('Tandem: Pierre M. (RAV) und Anne T. (SMZ).');
    expect(de.text.replace('Stage trouvé.', '')).not.toMatch(/\b(ORP|CMS)\b| :/);
    expect(composeMonthlyReport(facts, 'Marc', 'fr').text).toContain('Tandem : Pierre M. (ORP) et Anne T. (CMS).');
    expect(composeMonthlyReport(facts, 'Marc', 'fr').text).toContain('Bonjour Marc,');
  });
  it('drafts from the month’s next steps, measures and objectives, dates as everywhere else (issue 11)', () => {
    const f = {
      meetings: [
        { heldOn: '2026-03-01', kind: 'network' as const, countsForIntensity: true, nextSteps: 'Bilan OSP ' },
        { heldOn: '2026-03-12', kind: 'employer' as const, countsForIntensity: false, nextSteps: '' },
      ],
      objectives: [
        { title: 'Stage', status: 'in_progress' as const, targetOn: '2026-04-30' },
        { title: 'Permis', status: 'planned' as const, targetOn: null },
      ],
      measureEvents: [
        { on: '2026-03-20', nameFr: 'Stage', nameDe: 'Praktikum', event: 'started' as const },
        {
          on: '2026-03-05',
          nameFr: 'Stage',
          nameDe: 'Praktikum',
          event: 'approved' as const,
          step: 'commune' as const,
        },
        { on: '2026-03-28', nameFr: 'Cours', nameDe: 'Kurs', event: 'interrupted' as const, reason: 'santé' },
      ],
    };
    expect(draftSignificantElements(f, 'fr')).toBe(
      [
        'Entretiens :',
        '- 01.03.2026 : Bilan OSP',
        '',
        'Mesures :',
        '- 05.03.2026 : Stage — approuvée (commune de domicile)',
        '- 20.03.2026 : Stage — commencée',
        '- 28.03.2026 : Cours — interrompue : santé',
        '',
        'Objectifs :',
        '- Stage (en cours, échéance 30.04.2026)',
        '- Permis (prévu)',
      ].join('\n'),
    );
    const de = draftSignificantElements(f, 'de');
    expect(de).toContain('Massnahmen:\n- 05.03.2026: Praktikum — bewilligt (Wohngemeinde)');
    expect(de).toContain('- 28.03.2026: Kurs — abgebrochen: santé');
    expect(de).toContain('Ziele:\n- Stage (in Arbeit, Frist 30.04.2026)');
    expect(draftSignificantElements({ meetings: [], objectives: [], measureEvents: [] }, 'fr')).toBe('');
  });
});

describe('closure loose ends (issue 11)', () => {
  const open = { waitingMeasureIds: ['m1', 'm2'], unsentMonths: ['2026-08', '2026-09'] };
  it('leaves open what the settlement does not settle', () => {
    expect(unsettled(open, { withdrawMeasureIds: ['m1'], withdrawReason: 'x', skipReports: [] })).toEqual({
      waitingMeasureIds: ['m2'],
      unsentMonths: ['2026-08', '2026-09'],
    });
    const all = {
      withdrawMeasureIds: ['m1', 'm2'],
      withdrawReason: 'Mandat clos',
      skipReports: [
        { month: '2026-08', reason: 'Réseau oral' },
        { month: '2026-09', reason: 'Clôture' },
      ],
    };
    expect(unsettled(open, all)).toEqual({ waitingMeasureIds: [], unsentMonths: [] });
    expect(checkSettlement(all)).toEqual([]);
  });
  it('wants a reason to withdraw and for each month skipped', () => {
    expect(
      checkSettlement({
        withdrawMeasureIds: ['m1'],
        withdrawReason: ' ',
        skipReports: [{ month: '2026-08', reason: 'ok' }],
      }),
    ).toEqual([
      { path: 'withdrawReason', problem: 'withdraw_reason_required' },
      { path: 'skipReports.0.reason', problem: 'skip_reason_required' },
    ]);
    expect(checkSettlement({ withdrawMeasureIds: [], withdrawReason: '', skipReports: [] })).toEqual([]);
  });
  it('counts only what a reader sees: zero-width spaces are no reason (issue 11)', () => {
    const blank = '\u200b\u200b\u200b';
    expect(
      checkSettlement({
        withdrawMeasureIds: ['m1'],
        withdrawReason: blank,
        skipReports: [{ month: '2026-08', reason: `\u200bok\u200b` }],
      }),
    ).toEqual([
      { path: 'withdrawReason', problem: 'withdraw_reason_required' },
      { path: 'skipReports.0.reason', problem: 'skip_reason_required' },
    ]);
  });
});

describe('closure (DOMAIN.md §4.5)', () => {
  const insertion = { employer: 'Coop', startOn: '2026-09-01', contractType: 'permanent' as const, ratePercent: 80 };
  const mandate = { startOn: '2026-02-02', finalReportDone: true };
  it('needs the final report, a sensible date, and insertion details for an insertion', () => {
    expect(checkClosure({ outcome: 'inserted', outcomeOn: '2026-09-15', insertion }, mandate, '2026-09-20')).toEqual(
      [],
    );
    expect(
      checkClosure(
        { outcome: 'inserted', outcomeOn: '2026-09-15', insertion },
        { ...mandate, finalReportDone: false },
        '2026-09-20',
      ).map((p) => p.problem),
    ).toEqual(['final_report_required']);
    expect(
      checkClosure({ outcome: 'inserted', outcomeOn: '2026-09-15', insertion: null }, mandate, '2026-09-20').map(
        (p) => p.problem,
      ),
    ).toEqual(['insertion_required']);
    expect(
      checkClosure(
        { outcome: 'inserted', outcomeOn: '2026-09-15', insertion: { ...insertion, employer: ' ', ratePercent: 0 } },
        mandate,
        '2026-09-20',
      ).map((p) => p.problem),
    ).toEqual(['employer_required', 'rate_out_of_range']);
    expect(
      checkClosure(
        { outcome: 'lack_of_cooperation', outcomeOn: '2026-09-21', insertion: null },
        mandate,
        '2026-09-20',
      ).map((p) => p.problem),
    ).toEqual(['outcome_in_future']);
  });
  it('follows an insertion at 6 and 12 months, and nothing else', () => {
    expect(followUpDates('inserted', '2026-08-31')).toEqual([
      { months: 6, dueOn: '2027-02-28' },
      { months: 12, dueOn: '2027-08-31' },
    ]);
    expect(followUpDates('social_aid_only', '2026-08-31')).toEqual([]);
  });
});
