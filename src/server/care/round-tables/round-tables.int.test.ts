import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/open-db.ts';
import { auditLog, roundTableMinutes } from '../../../db/schema.ts';
import { type TestApp, createTestApp } from '../../../test/int-harness.ts';
import { freePort } from '../../../test/server-process.ts';
import { smtpSink } from '../../../test/smtp-sink.ts';
import {
  allCriteria,
  announcedSituation,
  createDraft,
  getSituation,
  personInput,
} from '../../../test/situation-fixtures.ts';
import { deliverOutbox } from '../../mail/deliver-outbox.ts';
import { smtpTransport } from '../../mail/mail-transport.ts';
import { passagesOf } from '../passage-repository.ts';
import { careInvitationUid } from '../send-care-invitations.ts';

/**
 * Round tables (issue 12, seed 004 §6): a pre-evaluation among professionals of several institutions, without the
 * person, piloted by the regional coordinator; invitations over SMTP as iCalendar; held without a consent on the
 * anonymous situation — no identity anywhere a participant looks; a later link audited, the minutes as written;
 * every outcome; network follow-ups; the Bureau's view of its regions.
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

const call = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.request(who, { method, url, ...(payload ? { payload } : {}) });

async function ok(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const r = await call(who, method, url, payload);
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(200);
  return r;
}

async function situationStep(who: string, id: string, url: string, payload: Record<string, unknown>) {
  const version = (await getSituation(t, who, id)).json().version;
  return ok(who, 'POST', `/api/situations/${id}/${url}`, { ...payload, version });
}

/** A situation oriented to a round table by the coordinator of Sion. */
async function toRoundTable(id: string, coord: string) {
  await situationStep(coord, id, 'take-up', {});
  await situationStep(coord, id, 'decision', {
    decision: 'orient',
    careKind: 'round_table',
    reason: 'Avis du réseau.',
  });
}

const rtUrl = (id: string, path = '') => `/api/situations/${id}/round-table${path ? `/${path}` : ''}`;
const rtOf = async (who: string, id: string) => (await ok(who, 'GET', rtUrl(id))).json().roundTable;

async function deliver() {
  const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
  await deliverOutbox({ db: t.database.db, transport, from: 'Tandem CII <tandem@example.ch>', now: () => t.clock.now });
  transport.close();
}
const field = (ics: string, name: string) => ics.match(new RegExp(`^${name}[:;](.*)$`, 'm'))?.[1]?.trim();

/** Participants of Sion's round tables: the OAI (no procuration names it), the CMS, the ORP's répondant. */
const participants = () => [t.world.users.outsider.id, t.world.users.social.id, t.world.users.correspondent.id];

async function scheduled(id: string, coord: string, on = '2026-03-10', at = '09:30') {
  let rt = await rtOf(coord, id);
  rt = (await ok(coord, 'PUT', rtUrl(id, 'participants'), { userIds: participants(), version: rt.version })).json()
    .roundTable;
  return (
    await ok(coord, 'POST', rtUrl(id, 'schedule'), {
      meetingOn: on,
      meetingTime: at,
      durationMinutes: 90,
      place: 'Sion, Bureau CII',
      version: rt.version,
    })
  ).json().roundTable;
}

describe('round tables', () => {
  it('invites over SMTP with a valid iCalendar, updates it after a move, and leaks no identity anywhere', async () => {
    const pro = await t.signIn('pro');
    let [coord, outsider] = [await t.signIn('coord'), await t.signIn('outsider')];
    // An identified person whose procuration names the ORP, the Bureau and the CMS — not the OAI.
    const { id } = await announcedSituation(t, pro, { officialName: 'Zufferey-Bonvin', firstNames: 'Aline' });
    const NAVS = '756.9217.0769.85';
    await toRoundTable(id, coord);

    // The OAI's professional sees nothing before taking part.
    expect((await call(outsider, 'GET', rtUrl(id))).statusCode).toBe(404);
    // The person is never a candidate: only accounts of professionals.
    const candidates = (await ok(coord, 'GET', rtUrl(id, 'candidates'))).json().items;
    expect(candidates.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(participants()));

    // One institution only: refused, translated, on the field.
    let rt = await rtOf(coord, id);
    const single = await call(coord, 'PUT', rtUrl(id, 'participants'), {
      userIds: [t.world.users.correspondent.id],
      version: rt.version,
    });
    expect(single.statusCode).toBe(200); // in preparation: any list; scheduling needs two institutions
    rt = single.json().roundTable;
    const tooFew = await call(coord, 'POST', rtUrl(id, 'schedule'), {
      meetingOn: '2026-03-10',
      meetingTime: '09:30',
      place: 'Sion',
      version: rt.version,
    });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().error.fields).toEqual([
      { path: 'participants', message: 'Une table ronde réunit des professionnel·les d’au moins deux institutions.' },
    ]);

    rt = await scheduled(id, coord);
    expect(rt).toMatchObject({
      status: 'scheduled',
      meetingOn: '2026-03-10',
      meetingTime: '09:30',
      invitationSequence: 0,
    });
    // Moved: the same event, SEQUENCE 1.
    rt = (
      await ok(coord, 'POST', rtUrl(id, 'schedule'), {
        meetingOn: '2026-03-12',
        meetingTime: '14:00',
        durationMinutes: 90,
        place: 'Sion, Bureau CII',
        version: rt.version,
      })
    ).json().roundTable;
    expect(rt.invitationSequence).toBe(1);
    // A stale version: 409, nothing changed.
    expect(
      (
        await call(coord, 'POST', rtUrl(id, 'schedule'), {
          meetingOn: '2026-03-13',
          meetingTime: '14:00',
          place: 'Sion',
          version: rt.version - 1,
        })
      ).statusCode,
    ).toBe(409);
    // The ORP's répondant no longer takes part: the CANCEL of the event for them, SEQUENCE 2 for the others.
    rt = (
      await ok(coord, 'PUT', rtUrl(id, 'participants'), {
        userIds: [t.world.users.outsider.id, t.world.users.social.id],
        version: rt.version,
      })
    ).json().roundTable;
    expect(rt.invitationSequence).toBe(2);

    await deliver();
    const calendarsOf = (address: string) =>
      sink.received
        .filter((m) => (m.to as { text: string }).text === address)
        .map((m) => m.attachments.find((a) => a.filename === 'invitation.ics')?.content.toString('utf8') ?? '')
        .sort((a, b) => Number(field(a, 'SEQUENCE')) - Number(field(b, 'SEQUENCE')));
    const toRepondant = calendarsOf('repondant@example.ch');
    expect(toRepondant.map((c) => `${field(c, 'METHOD')} ${field(c, 'SEQUENCE')}`)).toEqual([
      'REQUEST 0',
      'REQUEST 1',
      'CANCEL 2',
    ]);
    const calendars = calendarsOf('outsider@example.ch');
    expect(calendars).toHaveLength(3);
    for (const ics of calendars) {
      expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
      expect(ics).toMatch(/^BEGIN:VEVENT\r?$/m);
    }
    expect(calendars.map((c) => field(c, 'METHOD'))).toEqual(['REQUEST', 'REQUEST', 'REQUEST']);
    expect(calendars.map((c) => field(c, 'SEQUENCE'))).toEqual(['0', '1', '2']);
    expect(new Set(calendars.map((c) => field(c, 'UID')))).toEqual(new Set([careInvitationUid(rt.passageId)]));
    expect(calendars.map((c) => c.match(/^DTSTART;TZID=Europe\/Zurich:(\d{8}T\d{6})\r?$/m)?.[1])).toEqual([
      '20260310T093000',
      '20260312T140000',
      '20260312T140000',
    ]);
    // The CMS's social worker reads German: the invitation comes in German.
    const toSocial = sink.received.filter((m) => (m.to as { text: string }).text === 'social@example.ch');
    expect(toSocial.map((m) => m.subject)).toContain(
      `Runder Tisch ${rt.situationNumber}: Einladung am 12.03.2026 um 14:00`,
    );

    // The day comes; minutes naming the person are refused (every participant reads them).
    t.clock.now = new Date('2026-03-12T15:00:00Z');
    [coord, outsider] = [await t.signIn('coord'), await t.signIn('outsider')];
    const naming = await call(coord, 'POST', rtUrl(id, 'hold'), {
      minutes: 'Mme Zufferey-Bonvin a des dettes importantes.',
      version: rt.version,
    });
    expect(naming.statusCode).toBe(400);
    expect(naming.json().error.fields[0].path).toBe('minutes');
    expect(
      (
        await call(coord, 'POST', rtUrl(id, 'hold'), {
          minutes: `AVS ${NAVS.replaceAll('.', '')} vu`,
          version: rt.version,
        })
      ).statusCode,
    ).toBe(400);
    rt = (
      await ok(coord, 'POST', rtUrl(id, 'hold'), {
        minutes: 'Situation discutée : santé et dettes. L’ORP voit un potentiel, le CMS propose un suivi.',
        version: rt.version,
      })
    ).json().roundTable;
    expect(rt.status).toBe('held');
    expect(rt.minutes.profile).toMatchObject({ regionId: t.world.region.id, riskFactors: ['health', 'debts'] });

    // Everything the OAI's participant is given, and every e-mail and calendar sent: no name, no AVS number.
    const answers = [
      await ok(outsider, 'GET', `/api/situations/${id}`),
      await ok(outsider, 'GET', rtUrl(id)),
      await ok(outsider, 'GET', '/api/me/round-table-invitations'),
    ];
    const [minutes] = await t.database.db.select().from(roundTableMinutes);
    const mails = sink.received.map(
      (m) => `${m.subject} ${m.text} ${m.html || ''} ${m.attachments.map((a) => a.content.toString('utf8')).join(' ')}`,
    );
    const everything = [...answers.map((r) => r.body), JSON.stringify(minutes), ...mails];
    expect(answers[0]?.json().person).toBeNull();
    for (const text of everything) {
      expect(text).not.toMatch(/Zufferey|Bonvin|Aline/);
      expect(text.replace(/\D/g, '')).not.toContain(NAVS.replace(/\D/g, ''));
      expect(text).not.toContain('1988-04-12');
    }
  });

  it('an anonymous round table is linked to its person later: audited, the minutes as they were written', async () => {
    t.clock.now = new Date('2026-04-01T08:00:00Z');
    let [pro, coord, outsider] = [await t.signIn('pro'), await t.signIn('coord'), await t.signIn('outsider')];
    const id = await createDraft(t, pro, { anonymous: true, personId: null, ageBand: '35_44' });
    await situationStep(pro, id, 'announce', {});
    await toRoundTable(id, coord);
    let rt = await scheduled(id, coord, '2026-04-08', '10:00');
    t.clock.now = new Date('2026-04-08T10:30:00Z');
    [pro, coord, outsider] = [await t.signIn('pro'), await t.signIn('coord'), await t.signIn('outsider')];
    rt = (
      await ok(coord, 'POST', rtUrl(id, 'hold'), {
        minutes: 'Personne de 35 à 44 ans, dettes et santé : un tandem est indiqué.',
        version: rt.version,
      })
    ).json().roundTable;
    const written = rt.minutes;
    expect(written.profile).toEqual({
      ageBand: '35_44',
      regionId: t.world.region.id,
      riskFactors: ['health', 'debts'],
    });

    // Not the OAI's participant, nor the other region's coordinator: 404 on the link, nothing changed.
    const body = {
      person: personInput({ officialName: 'Luyet', firstNames: 'Noé', navs13: '' }),
      confirmDistinctFrom: [],
    };
    const version = (await getSituation(t, pro, id)).json().version;
    expect((await call(outsider, 'POST', `/api/situations/${id}/link-person`, { ...body, version })).statusCode).toBe(
      404,
    );
    expect(
      (await call(await t.signIn('coord.monthey'), 'POST', `/api/situations/${id}/link-person`, { ...body, version }))
        .statusCode,
    ).toBe(404);
    // The announcer links it once the consent arrived.
    await ok(pro, 'POST', `/api/situations/${id}/link-person`, { ...body, version });
    const linked = (await getSituation(t, pro, id)).json();
    expect(linked).toMatchObject({ anonymous: false, person: { officialName: 'Luyet' } });
    expect(linked.timeline.map((e: { type: string }) => e.type)).toContain('link_person');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'situation.link_person'), eq(auditLog.recordId, id)));
    // The two refusals are audited too; the link once, with the person as its subject.
    expect(audit.map((a) => a.allowed).sort()).toEqual([false, false, true]);
    expect(audit.find((a) => a.allowed)?.subjectPersonId).toBe(linked.personId);
    // Twice is once too many: an identified situation has nothing to link (the policy's link_person no longer holds).
    expect(
      (await call(pro, 'POST', `/api/situations/${id}/link-person`, { ...body, version: linked.version })).statusCode,
    ).toBe(404);

    // The minutes stay as written, the database refuses to change them, the participant still sees no name.
    expect((await rtOf(coord, id)).minutes).toEqual(written);
    await expect(
      t.database.db.execute(sql`UPDATE round_table_minutes SET text = 'x' WHERE passage_id = ${rt.passageId}`),
    ).rejects.toThrow();
    const seen = await ok(outsider, 'GET', rtUrl(id));
    const page = await ok(outsider, 'GET', `/api/situations/${id}`);
    for (const r of [seen, page]) expect(r.body).not.toMatch(/Luyet|Noé/);

    // Oriented to a tandem: the six criteria are needed, as in triage.
    const noCriteria = await call(coord, 'POST', rtUrl(id, 'conclude'), {
      outcome: 'oriented_tandem',
      reason: 'Un tandem est indiqué.',
      version: rt.version,
    });
    expect(noCriteria.statusCode).toBe(400);
    expect(noCriteria.json().error.fields.map((f: { path: string }) => f.path)).toContain(
      'eligibility.cumulative_risk_factors',
    );
    const concluded = (
      await ok(coord, 'POST', rtUrl(id, 'conclude'), {
        outcome: 'oriented_tandem',
        reason: 'Un tandem est indiqué.',
        eligibility: allCriteria(),
        version: rt.version,
      })
    ).json().roundTable;
    expect(concluded).toMatchObject({ status: 'concluded', outcome: 'oriented_tandem', endedByName: 'Test coord' });
    expect((await getSituation(t, coord, id)).json().status).toBe('tandem');
    const passages = await passagesOf(t.database.db, id);
    expect(passages.map((p) => [p.kind, p.outcome, p.endedByUserId !== null])).toEqual([
      ['round_table', 'oriented_tandem', true],
      ['tandem', null, false],
    ]);
    expect((await rtOf(coord, id)).status).toBe('concluded');
  });

  it('concludes with every outcome: found work and followed by one institution close; pending waits', async () => {
    let coord = '';
    const held = async (navs: string) => {
      t.clock.now = new Date('2026-05-01T08:00:00Z');
      const pro = await t.signIn('pro');
      coord = await t.signIn('coord');
      const { id } = await announcedSituation(t, pro, { navs13: navs, officialName: `Test${navs.slice(-2)}` });
      await toRoundTable(id, coord);
      const rt = await scheduled(id, coord, '2026-05-05', '09:00');
      // Not before its day.
      const early = await call(coord, 'POST', rtUrl(id, 'hold'), {
        minutes: 'Trop tôt pour écrire ceci.',
        version: rt.version,
      });
      expect(early.statusCode).toBe(400);
      t.clock.now = new Date('2026-05-05T10:00:00Z');
      coord = await t.signIn('coord');
      const h = (
        await ok(coord, 'POST', rtUrl(id, 'hold'), { minutes: 'Discussion entre professionnels.', version: rt.version })
      ).json().roundTable;
      return { id, rt: h };
    };
    // Found work: ended with `inserted`, the situation closed, on the timeline.
    const a = await held('756.1234.5678.97');
    await ok(coord, 'POST', rtUrl(a.id, 'conclude'), {
      outcome: 'found_work',
      reason: 'CDI trouvé.',
      version: a.rt.version,
    });
    const closed = (await getSituation(t, coord, a.id)).json();
    expect(closed.status).toBe('closed');
    expect(closed.timeline.at(-1)).toMatchObject({ type: 'close', fromStatus: 'round_table', reason: 'CDI trouvé.' });
    expect((await passagesOf(t.database.db, a.id))[0]).toMatchObject({
      outcome: 'inserted',
      outcomeReason: 'CDI trouvé.',
    });

    // Followed by one institution: which one is required.
    const b = await held('756.8000.0000.08');
    const noInstitution = await call(coord, 'POST', rtUrl(b.id, 'conclude'), {
      outcome: 'followed_by_institution',
      reason: 'Suivi ORP.',
      version: b.rt.version,
    });
    expect(noInstitution.statusCode).toBe(400);
    expect(noInstitution.json().error.fields).toEqual([
      { path: 'institutionId', message: 'Choisissez l’institution qui suit la personne.' },
    ]);
    await ok(coord, 'POST', rtUrl(b.id, 'conclude'), {
      outcome: 'followed_by_institution',
      reason: 'Suivi ORP.',
      institutionId: t.world.orp.id,
      version: b.rt.version,
    });
    expect((await passagesOf(t.database.db, b.id))[0]).toMatchObject({
      outcome: 'followed_by_institution',
      outcomeInstitutionId: t.world.orp.id,
    });

    // Pending: stays held; later a network follow-up, which is set up, reviewed and closed.
    const c = await held('756.3047.5009.62');
    const pending = (
      await ok(coord, 'POST', rtUrl(c.id, 'conclude'), {
        outcome: 'pending',
        reason: 'Attente AI.',
        version: c.rt.version,
      })
    ).json().roundTable;
    expect(pending).toMatchObject({ status: 'held', outcome: 'pending', outcomeReason: 'Attente AI.' });
    // The file still opens, its care history saying the round table waits (a 500 before).
    const pendingPage = await getSituation(t, coord, c.id);
    expect(pendingPage.statusCode).toBe(200);
    expect(pendingPage.json().carePassages.at(-1)).toMatchObject({ kind: 'round_table', outcome: 'pending' });
    await ok(coord, 'POST', rtUrl(c.id, 'conclude'), {
      outcome: 'network_follow_up',
      reason: 'Plusieurs institutions autour de la personne.',
      version: pending.version,
    });
    expect((await getSituation(t, coord, c.id)).json().status).toBe('network_follow_up');
    const nfUrl = `/api/situations/${c.id}/network-follow-up`;
    let nf = (await ok(coord, 'GET', nfUrl)).json().networkFollowUp;
    expect(nf).toMatchObject({ status: 'active', institutionIds: [] });
    const bad = await call(coord, 'PUT', nfUrl, {
      institutionIds: [t.world.orp.id],
      referenceInstitutionId: t.world.cms.id,
      reviewOn: '2026-01-01',
      version: nf.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'institutionIds',
      'referenceInstitutionId',
      'reviewOn',
    ]);
    nf = (
      await ok(coord, 'PUT', nfUrl, {
        institutionIds: [t.world.orp.id, t.world.cms.id],
        referenceInstitutionId: t.world.cms.id,
        referenceUserId: t.world.users.social.id,
        reviewOn: '2026-08-01',
        version: nf.version,
      })
    ).json().networkFollowUp;
    expect(nf).toMatchObject({ referenceUserId: t.world.users.social.id, reviewOn: '2026-08-01' });
    // The reference person reviews it.
    t.clock.now = new Date('2026-08-03T08:00:00Z');
    const social = await t.signIn('social');
    coord = await t.signIn('coord');
    nf = (
      await ok(social, 'POST', `${nfUrl}/reviews`, {
        heldOn: '2026-08-03',
        note: 'Réseau stable.',
        nextReviewOn: '2026-11-01',
        version: nf.version,
      })
    ).json().networkFollowUp;
    expect(nf.reviews).toHaveLength(1);
    expect(nf.reviewOn).toBe('2026-11-01');
    await ok(coord, 'POST', `${nfUrl}/close`, { outcome: 'inserted', reason: 'Emploi fixe.', version: nf.version });
    expect((await getSituation(t, coord, c.id)).json().status).toBe('closed');
    expect((await passagesOf(t.database.db, c.id)).map((p) => [p.kind, p.outcome])).toEqual([
      ['round_table', 'oriented_network_follow_up'],
      ['network_follow_up', 'inserted'],
    ]);
  });

  it('is out of reach of an uninvolved institution and of another region; the board shows its regions', async () => {
    t.clock.now = new Date('2026-09-01T08:00:00Z');
    let [pro, coord] = [await t.signIn('pro'), await t.signIn('coord')];
    const { id } = await announcedSituation(t, pro, { navs13: '756.5555.5555.57', officialName: 'Rey' });
    await toRoundTable(id, coord);
    const rt = await rtOf(coord, id);
    const outsider = await t.signIn('outsider');
    let monthey = await t.signIn('coord.monthey');
    for (const who of [outsider, monthey]) {
      expect((await call(who, 'GET', rtUrl(id))).statusCode).toBe(404);
      expect(
        (
          await call(who, 'POST', rtUrl(id, 'schedule'), {
            meetingOn: '2026-09-10',
            meetingTime: '09:00',
            place: 'Sion',
            version: rt.version,
          })
        ).statusCode,
      ).toBe(404);
    }
    // A participant reads, but does not pilot.
    const social = await t.signIn('social');
    await ok(coord, 'PUT', rtUrl(id, 'participants'), { userIds: participants(), version: rt.version });
    expect((await call(social, 'GET', rtUrl(id))).statusCode).toBe(200);
    expect((await call(social, 'GET', rtUrl(id, 'candidates'))).statusCode).toBe(404);
    expect(
      (await ok(social, 'GET', '/api/me/round-table-invitations'))
        .json()
        .items.map((i: { situationId: string }) => i.situationId),
    ).toContain(id);

    // The board: Sion's coordinator sees this round table waiting for its date; Monthey's sees none of Sion's.
    t.clock.now = new Date('2026-09-11T08:00:00Z');
    [pro, coord, monthey] = [await t.signIn('pro'), await t.signIn('coord'), await t.signIn('coord.monthey')];
    const board = (await ok(coord, 'GET', '/api/care/board?kind=round_table')).json();
    const line = board.items.find((i: { situationId: string }) => i.situationId === id);
    expect(line).toMatchObject({
      status: 'in_preparation',
      waitWhat: 'date_to_set',
      waitWho: 'bureau',
      daysWaiting: 10,
    });
    expect(JSON.stringify(board)).not.toContain('Rey');
    const other = (await ok(monthey, 'GET', '/api/care/board')).json();
    expect(other.items.filter((i: { regionId: string }) => i.regionId === t.world.region.id)).toEqual([]);
    expect((await call(pro, 'GET', '/api/care/board')).statusCode).toBe(403);
    const counts = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'care_board.read' AND allowed`,
    );
    expect(counts[0]!.n).toBeGreaterThanOrEqual(2);
  });
});
