import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { freePort } from '../../test/server-process.ts';
import { getSituation } from '../../test/situation-fixtures.ts';
import { assign, createTandem, orientedToTandem, tandemMembers } from '../../test/tandem-fixtures.ts';
import { deliverOutbox } from '../mail/deliver-outbox.ts';
import { smtpTransport } from '../mail/mail-transport.ts';

/**
 * The monthly report over real SMTP (an in-process smtp-server, parsed with
 * mailparser): each professional initially in charge receives it once, in
 * their own language, even when the mail server was down at first.
 */
let t: TestApp;
let port: number;
let server: SMTPServer | null = null;
const received: ParsedMail[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-04-01T08:00:00Z');
  port = await freePort();
});
afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await t.close();
});

describe('monthly report by e-mail', () => {
  it('reaches the ORP counsellor in French, the social worker in German, exactly once, after an outage', async () => {
    const members = await tandemMembers(t, 'm');
    const [pro, coord] = [await t.signIn('pro'), await t.signIn('coord')];
    const tandemId = await createTandem(t, coord, members.orpUser.id, members.cmsUser.id);
    const id = await orientedToTandem(t, pro, coord, [
      t.world.orp.id,
      t.world.bureau.id,
      t.world.cms.id,
      members.orp.id,
      members.cms.id,
    ]);
    // Two Bureau members assigning at once: one wins, the other is told the situation changed.
    const both = await Promise.all([
      assign(t, coord, id, tandemId, '2026-04-01', { extraRecipientIds: [t.world.users.social.id] }),
      assign(t, coord, id, tandemId, '2026-04-01', { extraRecipientIds: [t.world.users.social.id] }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    t.clock.now = new Date('2026-05-04T08:00:00Z');
    const tandem = await t.signIn('tandem.cms.m');
    const url = `/api/situations/${id}`;
    for (const heldOn of ['2026-04-07', '2026-04-21']) {
      await t.request(tandem, {
        method: 'POST',
        url: `${url}/meetings`,
        payload: { heldOn, kind: 'with_person', personPresent: true, nextSteps: `Suite du ${heldOn}` },
      });
    }
    await t.request(tandem, {
      method: 'POST',
      url: `${url}/objectives`,
      payload: { title: 'Stage de vente', status: 'in_progress', startOn: '2026-04-07', targetOn: null },
    });
    const draft = (
      await t.request(tandem, { method: 'POST', url: `${url}/monthly-reports`, payload: { month: '2026-04' } })
    ).json().monthlyReports[0];
    const edited = (
      await t.request(tandem, {
        method: 'PUT',
        url: `${url}/monthly-reports/${draft.id}`,
        payload: { significantElements: 'Motivation intacte ; stage trouvé chez Coop.', version: draft.version },
      })
    ).json().monthlyReports[0];
    // A double click sends once.
    const sends = await Promise.all(
      [1, 2].map(() =>
        t.request(tandem, {
          method: 'POST',
          url: `${url}/monthly-reports/${draft.id}/send`,
          payload: { significantElements: 'Motivation intacte ; stage trouvé chez Coop.', version: edited.version },
        }),
      ),
    );
    expect(sends.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
    const deliver = () =>
      deliverOutbox({ db: t.database.db, transport, from: 'Tandem CII <tandem@example.ch>', now: () => t.clock.now });
    expect(await deliver()).toEqual({ sent: 0, failed: 2 });
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    t.clock.advanceMinutes(2);
    expect(await deliver()).toEqual({ sent: 2, failed: 0 });
    t.clock.advanceMinutes(120);
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    transport.close();

    expect(received).toHaveLength(2);
    const number = (await getSituation(t, await t.signIn('pro'), id)).json().number;
    const fr = received.find((m) => (m.to as { text: string }).text === 'pro@example.ch')!;
    const de = received.find((m) => (m.to as { text: string }).text === 'social@example.ch')!;
    expect(fr.subject).toBe(`Rapport mensuel du tandem CII — ${number} — avril 2026`);
    expect(de.subject).toBe(`Monatsbericht des IIZ-Tandems — ${number} — April 2026`);
    expect(de.headers.get('content-language')).toBe('de-CH');
    expect(fr.text).toContain('Entretiens avec la personne : 2 (au moins 2 par mois).');
    expect(de.text).toContain('Gespräche mit der Person: 2 (mindestens 2 pro Monat).');
    expect(de.text).toContain('- Stage de vente (in Arbeit)');
    expect(fr.text).toContain('- 07.04.2026 · Entretien avec la personne');
    for (const mail of [fr, de]) {
      expect(mail.text).toContain('Motivation intacte ; stage trouvé chez Coop.');
      expect(mail.text).toContain('(L. É.)');
      expect(mail.text).not.toContain('Évéquoz');
    }
    // The situation keeps what was sent, to whom, when and with which Message-ID — now delivered.
    const report = (await t.request(await t.signIn('tandem.cms.m'), { method: 'GET', url: `${url}/tandem` })).json()
      .monthlyReports[0];
    expect(report.status).toBe('sent');
    expect(
      report.recipients
        .map((r: { messageId: string; delivered: boolean; language: string }) => [r.language, r.delivered])
        .sort(),
    ).toEqual([
      ['de', true],
      ['fr', true],
    ]);
    expect(report.recipients.map((r: { messageId: string }) => r.messageId).sort()).toEqual(
      [fr.messageId, de.messageId].sort(),
    );
  });
});
