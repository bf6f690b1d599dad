import { describe, expect, it } from 'vitest';
import { swissDay } from '../consent/consent.ts';
import {
  ASSESSMENT_STATUSES,
  allowedAssessmentEvents,
  assessmentWaitsOn,
  checkMeeting,
  nextAssessmentStatus,
  visibleSections,
  waitingDays,
} from './assessment.ts';
import { checkConformity, checklistFor } from './conformity-checklists.ts';
import {
  PERSON_PARTY,
  checkContract,
  contractParties,
  contractStatus,
  isEditableVersion,
  missingAcceptances,
  supersedesAtOnce,
} from './objectives-contract.ts';

describe('the MAMAC assessment lifecycle (seed 004 §6, DOMAIN.md §4.1)', () => {
  it('goes to organise → scheduled → held → in execution → closed', () => {
    expect(nextAssessmentStatus('to_organise', 'schedule')).toBe('scheduled');
    expect(nextAssessmentStatus('scheduled', 'move')).toBe('scheduled');
    expect(nextAssessmentStatus('scheduled', 'hold')).toBe('held');
    expect(nextAssessmentStatus('held', 'contract_in_force')).toBe('in_execution');
    expect(nextAssessmentStatus('in_execution', 'close')).toBe('closed');
  });
  it('cancels a scheduled meeting back to organise, and holds nothing not scheduled', () => {
    expect(nextAssessmentStatus('scheduled', 'cancel')).toBe('to_organise');
    expect(nextAssessmentStatus('to_organise', 'hold')).toBeNull();
    expect(nextAssessmentStatus('held', 'schedule')).toBeNull();
    expect(nextAssessmentStatus('to_organise', 'contract_in_force')).toBeNull();
  });
  it('closes from every state but closed (a person may find work before the meeting)', () => {
    for (const s of ASSESSMENT_STATUSES)
      expect(nextAssessmentStatus(s, 'close')).toBe(s === 'closed' ? null : 'closed');
    expect(allowedAssessmentEvents('closed')).toEqual([]);
    expect(allowedAssessmentEvents('scheduled')).toEqual(['move', 'cancel', 'hold', 'close']);
  });
  it('counts the days waited since the orientation in Swiss days ("quatre sont en attente", 004 §6)', () => {
    // 23:30 UTC on 1 March is already 2 March in Switzerland.
    expect(waitingDays(new Date('2026-03-01T23:30:00Z'), new Date('2026-03-12T08:00:00Z'), swissDay)).toBe(10);
    expect(waitingDays(new Date('2026-03-12T08:00:00Z'), new Date('2026-03-12T09:00:00Z'), swissDay)).toBe(0);
  });
  it('says whom an open assessment waits on', () => {
    expect(assessmentWaitsOn({ status: 'to_organise', meetingStart: null, contract: null })).toEqual({
      on: 'bureau_organise',
    });
    expect(assessmentWaitsOn({ status: 'held', meetingStart: null, contract: null })).toEqual({ on: 'team_contract' });
    expect(
      assessmentWaitsOn({ status: 'held', meetingStart: null, contract: { status: 'draft', missingParties: ['x'] } }),
    ).toEqual({ on: 'parties', missing: ['x'] });
    expect(
      assessmentWaitsOn({
        status: 'held',
        meetingStart: null,
        contract: { status: 'accepted_by_all', missingParties: [] },
      }),
    ).toEqual({ on: 'bureau_conformity' });
    expect(
      assessmentWaitsOn({
        status: 'held',
        meetingStart: null,
        contract: { status: 'non_conforming', missingParties: [] },
      }),
    ).toEqual({ on: 'team_contract' });
  });
  it('refuses a meeting in the past, without place, or of a silly length', () => {
    const ok = { startOn: '2026-04-01', startTime: '09:00', durationMinutes: 120, place: 'Sion, Bureau CII' };
    expect(checkMeeting(ok, '2026-03-30')).toEqual([]);
    expect(checkMeeting({ ...ok, startOn: '2026-03-01', place: ' ', durationMinutes: 5 }, '2026-03-30')).toEqual([
      { path: 'startOn', problem: 'in_past' },
      { path: 'durationMinutes', problem: 'duration_out_of_range' },
      { path: 'place', problem: 'place_required' },
    ]);
  });
  it('shows health sections only under the health category, and the SMR doctor only those (issue 12)', () => {
    const all = () => true;
    const noHealth = (c: string) => c !== 'health';
    expect(visibleSections({ smrDoctorOnly: false }, all)).toEqual([
      'medical',
      'professional',
      'social',
      'resources',
      'smrConclusions',
    ]);
    expect(visibleSections({ smrDoctorOnly: false }, noHealth)).toEqual(['professional', 'social', 'resources']);
    expect(visibleSections({ smrDoctorOnly: true }, all)).toEqual(['medical', 'smrConclusions']);
    expect(visibleSections({ smrDoctorOnly: true }, noHealth)).toEqual([]);
  });
});

describe('the objectives contract (seed 004 §6: "un plan contraignant (contrat d’objectifs)")', () => {
  const orp = 'orp-id';
  const cms = 'cms-id';
  const content = {
    caseManagerInstitutionId: cms,
    objectives: [
      { text: 'Stage', measuresPlanned: 'AIT', responsibleInstitutionId: orp, deadline: '2026-09-30' },
      { text: 'Budget', measuresPlanned: 'Suivi', responsibleInstitutionId: cms, deadline: '2026-06-30' },
    ],
  };
  it('has as parties each institution involved and the person', () => {
    expect(contractParties(content)).toEqual([cms, orp, PERSON_PARTY]);
    expect(missingAcceptances(content, [orp])).toEqual([cms, PERSON_PARTY]);
  });
  it('is in force only when every party accepted and the Bureau found it conforming, in either order', () => {
    const v = (accepted: string[], conformity: 'conforming' | 'non_conforming' | null) =>
      contractStatus({ content, accepted, conformity, superseded: false });
    expect(v([], null)).toBe('draft');
    expect(v([orp, cms], null)).toBe('draft');
    expect(v([orp, cms, PERSON_PARTY], null)).toBe('accepted_by_all');
    expect(v([orp, cms], 'conforming')).toBe('conforming');
    expect(v([orp, cms, PERSON_PARTY], 'conforming')).toBe('in_force');
    expect(v([orp, cms, PERSON_PARTY], 'non_conforming')).toBe('non_conforming');
  });
  it('an amendment is a new version: nothing accepted, nothing checked; the one in force stays until it is', () => {
    const amended = contractStatus({ content, accepted: [], conformity: null, superseded: false });
    expect(amended).toBe('draft');
    expect(isEditableVersion({ status: amended, acceptances: 0 })).toBe(true);
    expect(isEditableVersion({ status: 'draft', acceptances: 1 })).toBe(false);
    expect(supersedesAtOnce('in_force')).toBe(false);
    expect(supersedesAtOnce('non_conforming')).toBe(true);
    expect(supersedesAtOnce('draft')).toBe(true);
    expect(
      contractStatus({ content, accepted: [orp, cms, PERSON_PARTY], conformity: 'conforming', superseded: true }),
    ).toBe('superseded');
  });
  it('needs objectives with measures and deadlines, named to institutions at the table', () => {
    const ctx = { participatingInstitutionIds: new Set([orp, cms]), today: '2026-05-01' };
    expect(checkContract(content, ctx)).toEqual([]);
    expect(checkContract({ caseManagerInstitutionId: 'oai', objectives: [] }, ctx)).toEqual([
      { path: 'objectives', problem: 'objectives_required' },
      { path: 'caseManagerInstitutionId', problem: 'institution_not_participating' },
    ]);
    const bad = {
      caseManagerInstitutionId: cms,
      objectives: [{ text: '\u200b', measuresPlanned: ' ', responsibleInstitutionId: 'x', deadline: '2026-04-01' }],
    };
    expect(checkContract(bad, ctx).map((p) => p.problem)).toEqual([
      'text_required',
      'measures_required',
      'deadline_in_past',
      'institution_not_participating',
    ]);
  });
});

describe('the Bureau’s conformity check (004 §6: "le bureau est garant de la conformité")', () => {
  const parties = [
    { institutionId: 'orp', kind: 'orp' as const },
    { institutionId: 'cms', kind: 'cms' as const },
  ];
  const every = (ok: boolean) =>
    parties.flatMap((p) => checklistFor(p.kind).map((i) => ({ institutionId: p.institutionId, itemId: i.id, ok })));
  it('keeps a checklist per institution kind, in French and German (art. 85f LACI for the ORP)', () => {
    expect(checklistFor('orp').map((i) => i.id)).toContain('laci_85f');
    expect(checklistFor('cms').map((i) => i.id)).toContain('lias_subsidiarity');
    expect(checklistFor('oai').map((i) => i.id)).toContain('ai_request');
    for (const i of checklistFor('orp')) expect(i.label.de).not.toBe(i.label.fr);
  });
  it('finds conforming only when every item of every party is met', () => {
    expect(checkConformity(parties, every(true), 'conforming', '')).toEqual([]);
    const one = every(true).map((a, i) => (i === 0 ? { ...a, ok: false } : a));
    expect(checkConformity(parties, one, 'conforming', '')).toEqual([{ path: 'result', problem: 'item_not_met' }]);
    expect(checkConformity(parties, every(true).slice(1), 'conforming', '')).toEqual([
      { path: 'answers', problem: 'item_missing' },
    ]);
    expect(
      checkConformity(parties, [...every(true), { institutionId: 'x', itemId: 'y', ok: true }], 'conforming', ''),
    ).toEqual([{ path: `answers.${every(true).length}`, problem: 'item_unknown' }]);
  });
  it('sends a non-conforming contract back to the team with reasons', () => {
    expect(checkConformity(parties, every(false), 'non_conforming', ' ')).toEqual([
      { path: 'reasons', problem: 'reasons_required' },
    ]);
    expect(checkConformity(parties, every(false), 'non_conforming', 'Mesure hors compétence ORP')).toEqual([]);
  });
});
