import { describe, expect, it } from 'vitest';
import { checkHold, checkPlannedDate, invitationState, invitationUid, nextPlanned } from './planned-meeting.ts';

const mandate = { startOn: '2026-11-30', endOn: '2027-05-30', closedOn: null };

describe('planned meetings (issue 11)', () => {
  it('are planned from today on, inside the open mandate', () => {
    expect(checkPlannedDate('2026-12-03', mandate, '2026-11-30')).toEqual([]);
    expect(checkPlannedDate('2026-11-30', mandate, '2026-11-30')).toEqual([]);
    expect(checkPlannedDate('2026-11-29', mandate, '2026-11-30')).toEqual([{ path: 'plannedOn', problem: 'in_past' }]);
    expect(checkPlannedDate('2026-11-29', mandate, '2026-11-01')).toEqual([
      { path: 'plannedOn', problem: 'before_mandate' },
    ]);
    expect(checkPlannedDate('2027-05-31', mandate, '2026-11-30')).toEqual([
      { path: 'plannedOn', problem: 'after_mandate' },
    ]);
    expect(checkPlannedDate('2026-12-03', { ...mandate, closedOn: '2026-12-01' }, '2026-12-01')).toEqual([
      { path: 'plannedOn', problem: 'mandate_closed' },
    ]);
  });
  it('are held from their day on, once', () => {
    expect(checkHold({ plannedOn: '2026-12-03', status: 'planned' }, '2026-12-03')).toEqual([]);
    expect(checkHold({ plannedOn: '2026-12-03', status: 'planned' }, '2026-12-02')).toEqual([
      { path: 'plannedOn', problem: 'not_yet' },
    ]);
    expect(checkHold({ plannedOn: '2026-12-03', status: 'held' }, '2026-12-05')).toEqual([
      { path: 'status', problem: 'not_planned' },
    ]);
  });
  it('the next one is the earliest still planned from today on', () => {
    const p = (plannedOn: string, startTime: string, status: 'planned' | 'held' | 'cancelled' = 'planned') => ({
      plannedOn,
      startTime,
      status,
    });
    const list = [p('2026-12-10', '09:00'), p('2026-12-03', '14:00'), p('2026-12-03', '08:30', 'cancelled')];
    expect(nextPlanned(list, '2026-12-01')).toEqual(p('2026-12-03', '14:00'));
    expect(nextPlanned([...list, p('2026-11-20', '10:00')], '2026-12-04')).toEqual(p('2026-12-10', '09:00'));
    expect(nextPlanned(list, '2026-12-11')).toBeNull();
    expect(invitationUid('abc')).toBe('abc@tandem.cii-valais');
  });
  it('an invitation is a REQUEST while planned, a CANCEL once cancelled or once the mandate is closed', () => {
    expect(invitationState({ status: 'planned', sequence: 1 }, false)).toEqual({
      status: 'planned',
      method: 'REQUEST',
      sequence: 1,
    });
    expect(invitationState({ status: 'cancelled', sequence: 2 }, false)).toMatchObject({
      method: 'CANCEL',
      sequence: 2,
    });
    expect(invitationState({ status: 'cancelled', sequence: 2 }, true)).toMatchObject({
      method: 'CANCEL',
      sequence: 2,
    });
    expect(invitationState({ status: 'planned', sequence: 1 }, true)).toEqual({
      status: 'cancelled',
      method: 'CANCEL',
      sequence: 2,
    });
  });
});
