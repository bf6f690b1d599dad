import { and, eq, sql } from 'drizzle-orm';
import { can } from '../../domain/access/policy.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { queryRows } from '../../db/open-db.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carePassages, users } from '../../db/schema.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { freePort } from '../../test/server-process.ts';
import { smtpSink } from '../../test/smtp-sink.ts';
import { createDraft, createPerson, getSituation, recordConsent } from '../../test/situation-fixtures.ts';
import { parseConfig } from '../config.ts';
import { situationAccessSql } from '../situations/situation-access-sql.ts';
import { findSituation } from '../situations/situation-repository.ts';
import type { AuthedContext } from '../http/context.ts';
import { deliverOutbox } from '../mail/deliver-outbox.ts';
import { smtpTransport } from '../mail/mail-transport.ts';
import { currentPassage, passagesOf, updatePassageIf } from './passage-repository.ts';
import { addParticipants } from './participants.ts';
import { careInvitationUid, sendCareInvitations } from './send-care-invitations.ts';

/**
 * The foundation of every kind of care (issue 12): an orientation opens a
 * passage and ends the one it leaves; taking part opens the file (the anonymous
 * profile only, without a procuration naming one's institution); invitations
 * reach each participant over SMTP as iCalendar, updated and cancelled under the
 * same UID with a growing SEQUENCE, never naming the person.
 */
let t: TestApp;
const sink = smtpSink();
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-03-02T08:00:00Z');
  port = await freePort();
  await sink.start(port);
});
afterAll(async () => {
  await sink.stop();
  await t.close();
});

const ctxOf = async (username: string): Promise<AuthedContext> => {
  const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
  return {
    db: t.database.db,
    config: parseConfig({ WEB_DIST_DIR: '/nonexistent', LOG_LEVEL: 'silent' }),
    now: () => t.clock.now,
    ip: '127.0.0.1',
    lang: 'fr',
    actor: { userId: u!.id, institutionId: u!.institutionId, regionId: u!.regionId, roles: u!.roles },
  };
};

async function step(who: string, id: string, url: string, payload: Record<string, unknown>) {
  const version = (await getSituation(t, who, id)).json().version;
  const r = await t.request(who, {
    method: 'POST',
    url: `/api/situations/${id}/${url}`,
    payload: { ...payload, version },
  });
  expect(r.statusCode, r.body).toBe(200);
}

describe('passages, participants and invitations', () => {
  it('a round table: participants see the anonymous profile, invitations carry the number only', async () => {
    const [pro, coord] = [await t.signIn('pro'), await t.signIn('coord')];
    const personId = await createPerson(t, pro, { officialName: 'Zufferey', firstNames: 'Aline' });
    const id = await createDraft(t, pro, { personId });
    await recordConsent(t, pro, id, [t.world.orp.id, t.world.bureau.id]);
    await step(pro, id, 'announce', {});
    await step(coord, id, 'take-up', {});
    await step(coord, id, 'decision', { decision: 'orient', careKind: 'round_table', reason: 'Avis du réseau utile.' });

    const passage = await currentPassage(t.database.db, id);
    expect(passage).toMatchObject({ kind: 'round_table', status: 'in_preparation', endedAt: null });

    // The OAI's professional (outsider) sees nothing before taking part.
    const outsider = await t.signIn('outsider');
    expect((await getSituation(t, await t.signIn('outsider'), id)).statusCode).toBe(404);

    const ctx = await ctxOf('coord');
    await t.database.db.transaction(async (tx) => {
      await addParticipants(
        tx,
        ctx,
        passage!,
        [
          { userId: t.world.users.outsider.id, role: 'professional' },
          { userId: t.world.users.correspondent.id, role: 'correspondent' },
          { userId: t.world.users.outsider.id, role: 'professional' },
        ],
        personId,
      );
    });
    const seen = await getSituation(t, outsider, id);
    expect(seen.statusCode).toBe(200);
    // No procuration names the OAI: the anonymous profile, never the name.
    expect(seen.json().person).toBeNull();
    expect(seen.body).not.toContain('Zufferey');

    // Invite, move (same UID, SEQUENCE 1), cancel (SEQUENCE 2).
    let current = passage!;
    const send = async (values: Partial<typeof current>, method: 'REQUEST' | 'CANCEL') => {
      await t.database.db.transaction(async (tx) => {
        current = await updatePassageIf(tx, current.id, current.version, values);
        await sendCareInvitations(tx, ctx, { passage: current, situationNumber: 'CII-X', personId, method });
      });
    };
    await send(
      { meetingStart: new Date('2026-03-10T08:30:00Z'), meetingPlace: 'Sion, Bureau CII; salle 2' },
      'REQUEST',
    );
    await send({ meetingStart: new Date('2026-03-12T13:00:00Z'), invitationSequence: 1 }, 'REQUEST');
    await send({ invitationSequence: 2 }, 'CANCEL');

    const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
    const result = await deliverOutbox({
      db: t.database.db,
      transport,
      from: 'Tandem CII <tandem@example.ch>',
      now: () => t.clock.now,
    });
    transport.close();
    expect(result).toEqual({ sent: 6, failed: 0 });
    const toOutsider = sink.received.filter((m) => (m.to as { text: string }).text === 'outsider@example.ch');
    expect(toOutsider).toHaveLength(3);
    const calendars = toOutsider.map((m) => {
      const ics = m.attachments.find((a) => a.filename === 'invitation.ics');
      expect(ics, m.subject).toBeDefined();
      return ics!.content.toString('utf8');
    });
    const field = (ics: string, name: string) => ics.match(new RegExp(`^${name}[:;](.*)$`, 'm'))?.[1]?.trim();
    // Delivered in any order: read them in the order they were written.
    calendars.sort((a, b) => Number(field(a, 'SEQUENCE')) - Number(field(b, 'SEQUENCE')));
    expect(calendars.map((c) => field(c, 'METHOD'))).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect(calendars.map((c) => field(c, 'SEQUENCE'))).toEqual(['0', '1', '2']);
    expect(new Set(calendars.map((c) => field(c, 'UID')))).toEqual(new Set([careInvitationUid(passage!.id)]));
    const start = (ics: string) => ics.match(/^DTSTART;TZID=Europe\/Zurich:(\d{8}T\d{6})\r?$/m)?.[1];
    expect(calendars.map(start)).toEqual(['20260310T093000', '20260312T140000', '20260312T140000']);
    expect(calendars[0]).toContain('LOCATION:Sion\\, Bureau CII\\; salle 2');
    expect(toOutsider.map((m) => m.subject).sort()).toEqual([
      'Table ronde CII-X : invitation le 10.03.2026 à 09:30',
      'Table ronde CII-X : invitation le 12.03.2026 à 14:00',
      'Table ronde CII-X du 12.03.2026 : annulé',
    ]);
    for (const m of sink.received) {
      expect(`${m.subject} ${m.text} ${m.attachments.map((a) => a.content.toString()).join(' ')}`).not.toMatch(
        /Zufferey|Aline/,
      );
    }

    // The round table orients to a tandem: its passage ends with that outcome, a tandem passage begins.
    const { allCriteria } = await import('../../test/situation-fixtures.ts');
    await step(coord, id, 'decision', {
      decision: 'orient',
      careKind: 'tandem',
      reason: 'La table ronde recommande un tandem.',
      eligibility: allCriteria(),
    });
    const all = await passagesOf(t.database.db, id);
    expect(all.map((p) => [p.kind, p.status, p.outcome])).toEqual([
      ['round_table', 'ended', 'oriented_tandem'],
      ['tandem', 'waiting_tandem', null],
    ]);
    // The file shows both passages with their dates, who opened and ended them, and the outcome.
    const page = (await getSituation(t, coord, id)).json();
    expect(
      page.carePassages.map((p: { kind: string; outcome: string | null; endedByName: string | null }) => [
        p.kind,
        p.outcome,
        p.endedByName !== null,
      ]),
    ).toEqual([
      ['round_table', 'oriented_tandem', true],
      ['tandem', null, false],
    ]);
    expect(page.carePassages[0].outcomeReason).toBe('La table ronde recommande un tandem.');
    // Taking part lasts the grace period after the passage ended.
    expect((await getSituation(t, outsider, id)).statusCode).toBe(200);
    const later = new Date(t.clock.now.getTime() + 91 * 86_400_000);
    const clock = { now: later, today: swissDay(later), graceDays: 90 };
    const facts = (await findSituation(t.database.db, id, clock))!.facts;
    const outsiderActor = (await ctxOf('outsider')).actor;
    expect(can(outsiderActor, 'read', { type: 'situation', ...facts })).toBe(false);
    const listed = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM situations
        WHERE id = ${id} AND ${situationAccessSql('read', outsiderActor, clock)}`,
    );
    expect(listed[0]!.n).toBe(0);
    const open = await t.database.db
      .select()
      .from(carePassages)
      .where(and(eq(carePassages.situationId, id), eq(carePassages.kind, 'tandem')));
    expect(open).toHaveLength(1);
  });

  it("orienting on from a convened meeting cancels it in the participants' calendars", async () => {
    const [pro, coord] = [await t.signIn('pro'), await t.signIn('coord')];
    const personId = await createPerson(t, pro, {
      officialName: 'Gaillard',
      firstNames: 'Marc',
      navs13: '756.1234.5678.97',
    });
    const id = await createDraft(t, pro, { personId });
    await recordConsent(t, pro, id, [t.world.orp.id, t.world.bureau.id]);
    await step(pro, id, 'announce', {});
    await step(coord, id, 'take-up', {});
    await step(coord, id, 'decision', { decision: 'orient', careKind: 'round_table', reason: 'Avis du réseau utile.' });
    const ctx = await ctxOf('coord');
    const passage = (await currentPassage(t.database.db, id))!;
    await t.database.db.transaction(async (tx) => {
      await addParticipants(tx, ctx, passage, [{ userId: t.world.users.outsider.id, role: 'professional' }], personId);
      const convened = await updatePassageIf(tx, passage.id, passage.version, {
        status: 'scheduled',
        meetingStart: new Date(t.clock.now.getTime() + 7 * 86_400_000),
        meetingPlace: 'Sion',
      });
      await sendCareInvitations(tx, ctx, { passage: convened, situationNumber: 'CII-Y', personId, method: 'REQUEST' });
    });
    const { allCriteria } = await import('../../test/situation-fixtures.ts');
    await step(coord, id, 'decision', {
      decision: 'orient',
      careKind: 'tandem',
      reason: 'Le réseau recommande un tandem sans attendre.',
      eligibility: allCriteria(),
    });
    const mails = await queryRows<{ ics_method: string; ics_content: string }>(
      t.database.db,
      sql`SELECT ics_method, ics_content FROM outbox_messages WHERE situation_id = ${id} ORDER BY created_at, id`,
    );
    // Written at the same instant of the test's clock: in the order of their SEQUENCE.
    mails.sort(
      (a, b) => Number(/SEQUENCE:(\d+)/.exec(a.ics_content)?.[1]) - Number(/SEQUENCE:(\d+)/.exec(b.ics_content)?.[1]),
    );
    expect(mails.map((m) => m.ics_method)).toEqual(['REQUEST', 'CANCEL']);
    expect(mails[1]!.ics_content).toContain('SEQUENCE:1');
    expect(mails[1]!.ics_content).toContain(`UID:${careInvitationUid(passage.id)}`);
  });
});
