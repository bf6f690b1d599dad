import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, meetings, plannedMeetings } from '../../db/schema.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { assign, createTandem, orientedToTandem, tandemMembers } from '../../test/tandem-fixtures.ts';

/**
 * Issue 11 through the API, on PGlite and on PostgreSQL: a mandate starting on 30 November raises no intensity
 * alarm; meetings planned ahead are moved, cancelled or held (then in the journal), and their .ics invitation keeps
 * its UID, grows its SEQUENCE, is read through the access policy (404 for an outsider) and audited.
 */
let t: TestApp;
let a: Awaited<ReturnType<typeof tandemMembers>>;
let situation: string;
const at = (iso: string) => {
  t.clock.now = new Date(iso);
};
const url = (rest = '') => `/api/situations/${situation}${rest}`;
const file = async (who: string) => (await t.request(who, { method: 'GET', url: url('/tandem') })).json();
const send = (who: string, method: 'POST' | 'PUT', rest: string, payload: object) =>
  t.request(who, { method, url: url(rest), payload });
const ics = (who: string, id: string, lang = 'fr') =>
  t.request(who, { method: 'GET', url: url(`/planned-meetings/${id}/invitation.ics?lang=${lang}`) });
const unfold = (body: string) => body.replace(/\r\n /g, '').split('\r\n');
const audits = (action: string, recordId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.recordId, recordId)));

beforeAll(async () => {
  t = await createTestApp();
  at('2026-11-30T09:00:00Z');
  a = await tandemMembers(t, 'p');
  const [pro, coord] = [await t.signIn('pro'), await t.signIn('coord')];
  situation = await orientedToTandem(t, pro, coord, [t.world.orp.id, t.world.bureau.id, a.orp.id, a.cms.id]);
  const tandem = await createTandem(t, coord, a.orpUser.id, a.cmsUser.id);
  const assigned = await assign(t, coord, situation, tandem, '2026-11-30');
  if (assigned.statusCode !== 200) throw new Error(assigned.body);
});
afterAll(() => t.close());

describe('intensity without false alarms', () => {
  it('asks nothing of November for a mandate starting on 30 November, and warns no one', async () => {
    const orp = await t.signIn('tandem.orp.p');
    const f = await file(orp);
    expect(f.intensity[0]).toMatchObject({ month: '2026-11', coveredDays: 1, required: 0, status: 'not_required' });
    expect(f.intensity[1]).toMatchObject({ month: '2026-12', required: 2, status: 'upcoming' });
    const home = (await t.request(orp, { method: 'GET', url: '/api/me/attention' })).json().items;
    expect(home.map((i: { kind: string }) => i.kind)).not.toContain('intensity_behind');
  });
});

describe('meetings planned ahead and their invitation', () => {
  let first: string;
  it('refuses a day in the past with a translated message, and plans nothing', async () => {
    const orp = await t.signIn('tandem.orp.p');
    const bad = await send(orp, 'POST', '/planned-meetings', {
      plannedOn: '2026-11-29',
      startTime: '14:30',
      kind: 'with_person',
      personInvited: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      expect.objectContaining({ path: 'plannedOn', message: 'Un entretien se planifie à partir d’aujourd’hui.' }),
    ]);
    const badTime = await send(orp, 'POST', '/planned-meetings', {
      plannedOn: '2026-12-03',
      startTime: '25:00',
      kind: 'with_person',
      personInvited: true,
    });
    expect(badTime.statusCode).toBe(400);
    expect((await file(orp)).plannedMeetings).toEqual([]);
  });

  it('plans a meeting, shows it as the next one, and exports it as an iCalendar REQUEST', async () => {
    const orp = await t.signIn('tandem.orp.p');
    const f = (
      await send(orp, 'POST', '/planned-meetings', {
        plannedOn: '2026-12-03',
        startTime: '14:30',
        durationMinutes: 90,
        kind: 'with_person',
        personInvited: true,
        others: 'M. Rey, employeur; Mme Luyet',
        location: 'CMS de Sion, salle 2',
      })
    ).json();
    expect(f.plannedMeetings).toHaveLength(1);
    first = f.plannedMeetings[0].id;
    expect(f.nextPlannedMeetingId).toBe(first);
    expect(f.plannedMeetings[0]).toMatchObject({ status: 'planned', sequence: 0, startTime: '14:30' });
    expect(await audits('planned_meeting.create', first)).toHaveLength(1);

    const r = await ics(orp, first);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/calendar');
    expect(r.headers['content-disposition']).toBe('attachment; filename="tandem-2026-12-03.ics"');
    expect(r.body).toMatch(/\r\n$/);
    const lines = unfold(r.body);
    expect(lines).toEqual(
      expect.arrayContaining([
        'METHOD:REQUEST',
        `UID:${first}@tandem.cii-valais`,
        'SEQUENCE:0',
        'DTSTART;TZID=Europe/Zurich:20261203T143000',
        'DTEND;TZID=Europe/Zurich:20261203T160000',
        'LOCATION:CMS de Sion\\, salle 2',
        'STATUS:CONFIRMED',
      ]),
    );
    // Meant for outside calendars and forwarding: never the person's name, even for a tandem member (decision 018).
    expect(r.body.replace(/\r\n /g, '')).not.toMatch(/Évéquoz|Léa/);
    expect(r.body).toContain('la personne');
    expect(lines.some((l) => l.startsWith('ATTENDEE') && l.endsWith(`:mailto:${a.cmsUser.email}`))).toBe(true);
    expect(lines.some((l) => l.startsWith('ORGANIZER') && l.endsWith(`:mailto:${a.orpUser.email}`))).toBe(true);
    const de = unfold((await ics(orp, first, 'de')).body);
    expect(de.find((l) => l.startsWith('SUMMARY'))).toMatch(
      /^SUMMARY:Tandem · Gespräch mit der Person · Situation \S+$/,
    );
    expect(await audits('planned_meeting.export', first)).toEqual([
      expect.objectContaining({ allowed: true }),
      expect.objectContaining({ allowed: true }),
    ]);
  });

  it('answers 404 to an outsider, for the file and the invitation, and audits the refusal', async () => {
    await tandemMembers(t, 'q');
    const outsider = await t.signIn('tandem.orp.q');
    expect((await ics(outsider, first)).statusCode).toBe(404);
    expect(
      (
        await send(outsider, 'POST', '/planned-meetings', {
          plannedOn: '2026-12-05',
          startTime: '09:00',
          kind: 'phone',
          personInvited: true,
        })
      ).statusCode,
    ).toBe(404);
    const refused = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'planned_meeting.export'), eq(auditLog.allowed, false)));
    expect(refused).toHaveLength(1);
  });

  it('answers 404 to an id that is not this file’s planned meeting, and audits the refusal (issue 11)', async () => {
    const orp = await t.signIn('tandem.orp.p');
    const other = '00000000-0000-4000-8000-00000000abcd';
    expect((await ics(orp, other)).statusCode).toBe(404);
    expect((await send(orp, 'POST', `/planned-meetings/${other}/cancel`, { version: 1 })).statusCode).toBe(404);
    expect(await audits('planned_meeting.export', other)).toEqual([expect.objectContaining({ allowed: false })]);
    expect(await audits('planned_meeting.cancel', other)).toEqual([expect.objectContaining({ allowed: false })]);
  });

  it('moves it with the version read (409 otherwise): same UID, SEQUENCE 1', async () => {
    const orp = await t.signIn('tandem.orp.p');
    const move = (version: number) =>
      send(orp, 'PUT', `/planned-meetings/${first}`, {
        plannedOn: '2026-12-04',
        startTime: '10:00',
        durationMinutes: 60,
        location: 'ORP de Sion',
        version,
      });
    const moved = await move(1);
    expect(moved.statusCode).toBe(200);
    expect(moved.json().plannedMeetings[0]).toMatchObject({ plannedOn: '2026-12-04', sequence: 1, version: 2 });
    expect((await move(1)).statusCode).toBe(409);
    const lines = unfold((await ics(orp, first)).body);
    expect(lines).toEqual(
      expect.arrayContaining([
        `UID:${first}@tandem.cii-valais`,
        'SEQUENCE:1',
        'DTSTART;TZID=Europe/Zurich:20261204T100000',
      ]),
    );
    expect(await audits('planned_meeting.move', first)).toHaveLength(1);
  });

  it('holds a meeting planned for today: in the journal as today, no longer planned', async () => {
    const orp = await t.signIn('tandem.orp.p');
    const f = (
      await send(orp, 'POST', '/planned-meetings', {
        plannedOn: '2026-11-30',
        startTime: '16:00',
        kind: 'network',
        personInvited: true,
        others: 'OSP',
      })
    ).json();
    const today = f.plannedMeetings.find((p: { plannedOn: string }) => p.plannedOn === '2026-11-30');
    expect(f.nextPlannedMeetingId).toBe(today.id);
    const early = await send(orp, 'POST', `/planned-meetings/${first}/hold`, { version: 2 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].message).toContain('prévu plus tard');
    const held = (await send(orp, 'POST', `/planned-meetings/${today.id}/hold`, { version: today.version })).json();
    expect(held.plannedMeetings.map((p: { id: string }) => p.id)).toEqual([first]);
    expect(held.meetings).toEqual([
      expect.objectContaining({ heldOn: '2026-11-30', kind: 'network', participants: 'OSP', countsForIntensity: true }),
    ]);
    expect(held.intensity[0]).toMatchObject({ month: '2026-11', meetingsWithPerson: 1 });
    const [row] = await t.database.db.select().from(plannedMeetings).where(eq(plannedMeetings.id, today.id));
    const [journal] = await t.database.db.select().from(meetings).where(eq(meetings.situationId, situation));
    expect(row).toMatchObject({ status: 'held', heldMeetingId: journal?.id });
    expect(await audits('planned_meeting.hold', today.id)).toHaveLength(1);
    // Held once: again is a conflict, and its invitation is gone.
    expect((await send(orp, 'POST', `/planned-meetings/${today.id}/hold`, { version: 2 })).statusCode).toBe(409);
    expect((await ics(orp, today.id)).statusCode).toBe(404);
  });

  it('cancels it: out of the list, the invitation a CANCEL, SEQUENCE 2; a second cancel is a conflict', async () => {
    const orp = await t.signIn('tandem.orp.p');
    const f = (await send(orp, 'POST', `/planned-meetings/${first}/cancel`, { version: 2 })).json();
    expect(f.plannedMeetings).toEqual([]);
    expect(f.nextPlannedMeetingId).toBeNull();
    const lines = unfold((await ics(orp, first)).body);
    expect(lines).toEqual(
      expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:2', `UID:${first}@tandem.cii-valais`]),
    );
    expect((await send(orp, 'POST', `/planned-meetings/${first}/cancel`, { version: 3 })).statusCode).toBe(409);
    expect(await audits('planned_meeting.cancel', first)).toHaveLength(1);
  });

  it('after closure: nothing behind, no next meeting, what was planned is cancelled, nothing planned', async () => {
    let orp = await t.signIn('tandem.orp.p');
    const planned = (
      await send(orp, 'POST', '/planned-meetings', {
        plannedOn: '2026-12-28',
        startTime: '11:00',
        kind: 'with_person',
        personInvited: true,
      })
    ).json().plannedMeetings[0];
    at('2026-12-20T09:00:00Z');
    orp = await t.signIn('tandem.orp.p');
    const sections = {
      workDone: 'Coaching.',
      obstacles: 'Santé.',
      strengths: 'Motivation.',
      stepsTaken: 'Stage.',
      stepsToTake: 'Suivi par le CMS.',
    };
    const draft = (await send(orp, 'PUT', '/final-report', { ...sections, version: null })).json().finalReport;
    const finalised = await send(orp, 'POST', '/final-report/finalise', { language: 'fr', version: draft.version });
    expect(finalised.statusCode).toBe(200);
    // The months whose report was not sent are settled at closure (issue 11): skipped here, with a reason.
    const preview = await t.request(orp, { method: 'GET', url: url('/mandate/closure-preview?outcomeOn=2026-12-20') });
    expect(preview.statusCode).toBe(200);
    const skipReports = preview
      .json()
      .unsentReports.map((r: { month: string }) => ({ month: r.month, reason: 'Point fait oralement.' }));
    const closed = await send(orp, 'POST', '/mandate/close', {
      outcome: 'social_aid_only',
      outcomeOn: '2026-12-20',
      insertion: null,
      version: finalised.json().mandate.version,
      skipReports,
    });
    expect(closed.statusCode).toBe(200);
    const f = closed.json();
    // December covered up to the closure (20 of 31 days: one required, none held): over, missed, never behind.
    expect(f.intensity.at(-1)).toMatchObject({ month: '2026-12', coveredDays: 20, required: 1, status: 'missed' });
    expect(f.intensity.some((m: { status: string }) => m.status === 'behind' || m.status === 'to_hold')).toBe(false);
    expect(f.nextPlannedMeetingId).toBeNull();
    const home = (await t.request(orp, { method: 'GET', url: '/api/me/attention' })).json().items;
    expect(home.map((i: { kind: string }) => i.kind)).not.toContain('intensity_behind');
    // What was still planned is shown cancelled; its invitation a CANCEL one sequence higher, to send.
    expect(f.plannedMeetings).toEqual([expect.objectContaining({ id: planned.id, status: 'cancelled', sequence: 1 })]);
    const lines = unfold((await ics(orp, planned.id)).body);
    expect(lines).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:1']));
    // The tandem no longer coaches: nothing is planned, moved or held any more.
    const refused = await send(orp, 'POST', '/planned-meetings', {
      plannedOn: '2026-12-28',
      startTime: '09:00',
      kind: 'phone',
      personInvited: true,
    });
    expect(refused.statusCode).toBe(404);
    const hold = await send(orp, 'POST', `/planned-meetings/${planned.id}/hold`, { version: planned.version });
    expect(hold.statusCode).toBe(404);
    expect((await file(orp)).plannedMeetings).toHaveLength(1);
  });
});
