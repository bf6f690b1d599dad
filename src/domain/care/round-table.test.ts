import { describe, expect, it } from 'vitest';
import { assessmentWait, waitOf } from './care-waits.ts';
import { checkNetwork, checkNetworkClosure, checkReview, reviewOverdueDays } from './network-follow-up.ts';
import {
  ROUND_TABLE_OUTCOMES,
  type RoundTableOutcome,
  checkCancel,
  checkConclude,
  checkHold,
  checkSchedule,
  conclusionEffect,
  namesThePerson,
  nextRoundTableStatus,
} from './round-table.ts';

const now = new Date('2026-11-30T10:00:00Z');
const later = new Date('2026-12-10T08:00:00Z');
const two = [
  { userId: 'u1', institutionId: 'orp' },
  { userId: 'u2', institutionId: 'cms' },
];

describe('round table, TRO (seed 004 §6: a pre-evaluation among professionals, without the person)', () => {
  it('is scheduled while in preparation or scheduled, from now on, at a place, with two institutions at least', () => {
    const prep = { status: 'in_preparation' as const, outcome: null, meetingStart: null };
    expect(checkSchedule(prep, { meetingStart: later, place: 'Sion', participants: two }, now)).toEqual([]);
    expect(
      checkSchedule({ ...prep, status: 'scheduled' }, { meetingStart: later, place: 'Sion', participants: two }, now),
    ).toEqual([]);
    expect(
      checkSchedule(
        prep,
        {
          meetingStart: new Date('2026-11-29T10:00:00Z'),
          place: ' ',
          participants: [two[0]!, { userId: 'u3', institutionId: 'orp' }],
        },
        now,
      ),
    ).toEqual([
      { path: 'meetingStart', problem: 'in_past' },
      { path: 'place', problem: 'place_required' },
      { path: 'participants', problem: 'too_few_institutions' },
    ]);
    expect(
      checkSchedule({ ...prep, status: 'held' }, { meetingStart: later, place: 'Sion', participants: two }, now),
    ).toEqual([{ path: 'status', problem: 'not_allowed_now' }]);
  });

  it('is held from its start on, with minutes that do not name the person', () => {
    const scheduled = { status: 'scheduled' as const, outcome: null, meetingStart: now };
    const minutes = 'Discussion of the situation: health and debts; the ORP sees a chance.';
    expect(checkHold(scheduled, minutes, now)).toEqual([]);
    expect(checkHold({ ...scheduled, meetingStart: later }, minutes, now)).toEqual([
      { path: 'meetingStart', problem: 'not_yet' },
    ]);
    expect(checkHold(scheduled, '   ', now)).toEqual([{ path: 'minutes', problem: 'minutes_required' }]);
    expect(checkHold(scheduled, 'Mme Müller-Dupont a des dettes importantes.', now, ['Müller-Dupont', 'Anne'])).toEqual(
      [{ path: 'minutes', problem: 'minutes_name_the_person' }],
    );
    expect(checkHold({ ...scheduled, status: 'in_preparation' }, minutes, now)).toEqual([
      { path: 'status', problem: 'not_allowed_now' },
    ]);
  });

  it('finds the person named by a name without accents or case, or by the AVS number however written', () => {
    expect(namesThePerson('madame muller dupont', ['Müller-Dupont'])).toBe(true);
    expect(namesThePerson('No. 7569217076985 discussed', ['756.9217.0769.85'])).toBe(true);
    expect(namesThePerson('Annemarie was mentioned', ['Ann'])).toBe(false); // whole words only
    expect(namesThePerson('Ok', ['Al'])).toBe(false); // two-letter names would match everything
  });

  it('may be called off while scheduled only', () => {
    expect(checkCancel({ status: 'scheduled', outcome: null, meetingStart: later })).toEqual([]);
    expect(checkCancel({ status: 'held', outcome: null, meetingStart: now })).toHaveLength(1);
  });

  it('concludes from held with a reason; "followed by one institution" names it', () => {
    const held = { status: 'held' as const, outcome: null, meetingStart: now };
    expect(
      checkConclude(held, { outcome: 'found_work', reason: 'CDI chez un garagiste', institutionId: null }),
    ).toEqual([]);
    expect(checkConclude(held, { outcome: 'followed_by_institution', reason: '', institutionId: null })).toEqual([
      { path: 'reason', problem: 'reason_required' },
      { path: 'institutionId', problem: 'institution_required' },
    ]);
    // Pending (4 of 12 in 2012) stays held and is concluded later.
    const pending = { ...held, outcome: 'pending' as const };
    expect(checkConclude(pending, { outcome: 'network_follow_up', reason: 'réseau', institutionId: null })).toEqual([]);
    expect(
      checkConclude({ ...held, status: 'concluded' }, { outcome: 'found_work', reason: 'x', institutionId: null }),
    ).toEqual([{ path: 'status', problem: 'not_allowed_now' }]);
  });

  it('has the outcomes of 2012, each with its effect on the situation (DOMAIN.md §4.2)', () => {
    const effects = Object.fromEntries(ROUND_TABLE_OUTCOMES.map((o) => [o, conclusionEffect(o)]));
    expect(effects).toEqual({
      found_work: { kind: 'close' },
      network_follow_up: { kind: 'orient', to: 'network_follow_up' },
      followed_by_institution: { kind: 'close' },
      oriented_assessment: { kind: 'orient', to: 'assessment' },
      oriented_tandem: { kind: 'orient', to: 'tandem' },
      pending: { kind: 'stay' },
    });
    // 2012: 12 held — 3 found work, 4 network follow-ups, 1 followed by the ORP, 4 pending — all concluded from held.
    const year2012: RoundTableOutcome[] = [
      ...Array<RoundTableOutcome>(3).fill('found_work'),
      ...Array<RoundTableOutcome>(4).fill('network_follow_up'),
      'followed_by_institution',
      ...Array<RoundTableOutcome>(4).fill('pending'),
    ];
    const after = year2012.map((o) => nextRoundTableStatus('held', { conclude: o }));
    expect(after.filter((s) => s === 'concluded')).toHaveLength(8);
    expect(after.filter((s) => s === 'held')).toHaveLength(4);
  });

  it('moves through its states only as the table says', () => {
    expect(nextRoundTableStatus('in_preparation', 'schedule')).toBe('scheduled');
    expect(nextRoundTableStatus('scheduled', 'schedule')).toBe('scheduled'); // moved
    expect(nextRoundTableStatus('scheduled', 'cancel')).toBe('in_preparation');
    expect(nextRoundTableStatus('scheduled', 'hold')).toBe('held');
    expect(nextRoundTableStatus('in_preparation', 'hold')).toBeNull();
    expect(nextRoundTableStatus('concluded', 'schedule')).toBeNull();
    expect(nextRoundTableStatus('scheduled', { conclude: 'found_work' })).toBeNull();
  });
});

describe('network follow-up (seed 004 §6: several institutions around the person, not complex)', () => {
  const today = '2026-11-30';
  it('names two institutions at least and a reference among them', () => {
    const ok = {
      institutionIds: ['orp', 'cms'],
      referenceInstitutionId: 'cms',
      referenceUserInstitutionId: 'cms',
      reviewOn: '2027-02-28',
    };
    expect(checkNetwork('active', ok, today)).toEqual([]);
    expect(
      checkNetwork(
        'active',
        {
          institutionIds: ['orp'],
          referenceInstitutionId: 'oai',
          referenceUserInstitutionId: 'orp',
          reviewOn: '2026-11-01',
        },
        today,
      ),
    ).toEqual([
      { path: 'institutionIds', problem: 'too_few_institutions' },
      { path: 'referenceInstitutionId', problem: 'reference_outside_network' },
      { path: 'referenceUserId', problem: 'reference_outside_network' },
      { path: 'reviewOn', problem: 'review_in_past' },
    ]);
    expect(checkNetwork('active', { ...ok, referenceInstitutionId: null }, today)).toEqual([
      { path: 'referenceInstitutionId', problem: 'reference_required' },
    ]);
    expect(checkNetwork('closed', ok, today)).toEqual([{ path: 'status', problem: 'closed' }]);
  });

  it('is reviewed on a past or present day with a note, the next review later', () => {
    expect(checkReview('active', { heldOn: today, note: 'Tout va bien', nextReviewOn: '2027-03-01' }, today)).toEqual(
      [],
    );
    expect(
      checkReview('active', { heldOn: '2001-01-01', note: 'Ancienne', nextReviewOn: null }, today, '2026-09-12'),
    ).toEqual([{ path: 'heldOn', problem: 'review_before_start' }]);
    expect(checkReview('active', { heldOn: '2026-12-01', note: ' ', nextReviewOn: '2026-12-01' }, today)).toEqual([
      { path: 'heldOn', problem: 'review_in_future' },
      { path: 'note', problem: 'note_required' },
      { path: 'nextReviewOn', problem: 'next_review_before' },
    ]);
    expect(reviewOverdueDays('2026-11-20', today)).toBe(10);
    expect(reviewOverdueDays('2026-12-20', today)).toBe(0);
    expect(reviewOverdueDays(null, today)).toBeNull();
  });

  it('is closed with a reason while active', () => {
    expect(checkNetworkClosure('active', 'Emploi trouvé')).toEqual([]);
    expect(checkNetworkClosure('active', '')).toEqual([{ path: 'reason', problem: 'reason_required' }]);
    expect(checkNetworkClosure('closed', 'x')).toEqual([{ path: 'status', problem: 'closed' }]);
  });
});

describe("the Bureau's view: what each kind of care waits for, and on whom", () => {
  const base = { outcome: null, meetingStart: null, reviewOn: null, endedAt: null };
  it('says it for round tables, network follow-ups and assessments', () => {
    expect(waitOf({ ...base, kind: 'round_table', status: 'in_preparation' }, now)).toEqual({
      what: 'date_to_set',
      who: 'bureau',
    });
    expect(waitOf({ ...base, kind: 'round_table', status: 'scheduled', meetingStart: later }, now).what).toBe(
      'meeting',
    );
    expect(waitOf({ ...base, kind: 'round_table', status: 'scheduled', meetingStart: now }, later)).toEqual({
      what: 'minutes',
      who: 'coordinator',
    });
    expect(waitOf({ ...base, kind: 'round_table', status: 'held', outcome: 'pending' }, now).what).toBe('pending');
    expect(waitOf({ ...base, kind: 'network_follow_up', status: 'active', reviewOn: '2026-11-30' }, now)).toEqual({
      what: 'review',
      who: 'reference',
    });
    expect(waitOf({ ...base, kind: 'assessment', status: 'to_organise' }, now).who).toBe('bureau');
    expect(waitOf({ ...base, kind: 'round_table', status: 'concluded', endedAt: now }, now).what).toBe('nothing');
    // An assessment's finer wait comes from its contract (the MAMAC lane's rule): whose acceptance is missing.
    const held = { ...base, kind: 'assessment' as const, status: 'held' };
    const parties = assessmentWait({ on: 'parties', missing: ['person'] });
    expect(waitOf(held, now, parties)).toEqual({ what: 'contract_acceptance', who: 'parties' });
    expect(assessmentWait({ on: 'bureau_conformity' })).toEqual({ what: 'conformity', who: 'bureau' });
  });
});
