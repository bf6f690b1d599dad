import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { situations } from '../../db/schema.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { createDraft } from '../../test/situation-fixtures.ts';
import { freePort } from '../../test/server-process.ts';
import { smtpSink } from '../../test/smtp-sink.ts';
import { deliverOutbox } from './deliver-outbox.ts';
import { enqueueEmail } from './enqueue-email.ts';
import { smtpTransport } from './mail-transport.ts';

/** A real SMTP conversation with an in-process server that can be down, then up. */
let t: TestApp;
let port: number;

const sink = smtpSink();
const received = sink.received;
const startSmtp = () => sink.start(port);

beforeAll(async () => {
  t = await createTestApp();
  port = await freePort();
});
afterAll(async () => {
  await sink.stop();
  await t.close();
});

describe('e-mail outbox', () => {
  it('delays messages while the server is down and delivers each exactly once when it is up', async () => {
    const db = t.database.db;
    await db.transaction(async (tx) => {
      for (const [i, lang] of [
        [1, 'fr'],
        [2, 'de'],
        [3, 'fr'],
      ] as const) {
        await enqueueEmail(tx, {
          idempotencyKey: `report-${i}`,
          to: [`pro${i}@example.ch`],
          subject: `Rapport ${i}`,
          text: `Contenu ${i} — àéè ß`,
          language: lang,
          now: t.clock.now,
        });
      }
    });
    // The same report asked twice is one message.
    expect(
      await enqueueEmail(db, {
        idempotencyKey: 'report-1',
        to: ['x@example.ch'],
        subject: 'again',
        text: '',
        language: 'fr',
        now: t.clock.now,
      }),
    ).toBeNull();

    const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
    const deliver = () => deliverOutbox({ db, transport, from: 'Tandem <tandem@example.ch>', now: () => t.clock.now });
    expect(await deliver()).toEqual({ sent: 0, failed: 3 });
    // Not due again before the backoff.
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });

    await startSmtp();
    t.clock.advanceMinutes(1);
    expect(await deliver()).toEqual({ sent: 3, failed: 0 });
    t.clock.advanceMinutes(60);
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    transport.close();

    expect(received.map((m) => m.subject).sort()).toEqual(['Rapport 1', 'Rapport 2', 'Rapport 3']);
    const second = received.find((m) => m.subject === 'Rapport 2')!;
    expect(second.headers.get('content-language')).toBe('de-CH');
    expect(second.text?.trim()).toBe('Contenu 2 — àéè ß');
    expect((second.to as { text: string }).text).toBe('pro2@example.ch');

    const admin = await t.signIn('admin');
    const outbox = (await t.request(admin, { method: 'GET', url: '/api/outbox' })).json().items;
    expect(outbox.filter((m: { status: string }) => m.status === 'sent')).toHaveLength(3);
    // The Message-ID kept in the outbox is the one the server received.
    expect(outbox.map((m: { messageId: string }) => m.messageId)).toContain(second.messageId);
    expect(outbox.find((m: { subject: string }) => m.subject === 'Rapport 2')).toMatchObject({
      attempts: 2,
      lastError: null,
    });
  });

  it('gives administrators the message as an .eml file, and no one else', async () => {
    await enqueueEmail(t.database.db, {
      idempotencyKey: 'offline-1',
      to: ['as@example.ch'],
      subject: 'Monatsbericht',
      text: 'Guten Tag',
      language: 'de',
      now: t.clock.now,
    });
    const admin = await t.signIn('admin');
    const item = (await t.request(admin, { method: 'GET', url: '/api/outbox' }))
      .json()
      .items.find((m: { subject: string }) => m.subject === 'Monatsbericht');
    expect(item.status).toBe('pending');
    const eml = await t.request(admin, { method: 'GET', url: `/api/outbox/${item.id}/eml` });
    expect(eml.headers['content-type']).toContain('message/rfc822');
    const parsed = await simpleParser(eml.rawPayload);
    expect(parsed.subject).toBe('Monatsbericht');
    expect(parsed.messageId).toBe(item.messageId);
    const pro = await t.signIn('pro');
    expect((await t.request(pro, { method: 'GET', url: '/api/outbox' })).statusCode).toBe(403);
  });

  it('keeps a monthly report from administrators: listed, not readable (issue 9)', async () => {
    const [situation] = await t.database.db.select({ id: situations.id }).from(situations).limit(1);
    const situationId = situation?.id ?? (await createDraft(t, await t.signIn('pro')));
    await enqueueEmail(t.database.db, {
      idempotencyKey: 'situation-report-1',
      to: ['orp@example.ch'],
      subject: 'Rapport mensuel',
      text: 'Éléments significatifs',
      language: 'fr',
      situationId,
      now: t.clock.now,
    });
    const admin = await t.signIn('admin');
    const listed = await t.request(admin, { method: 'GET', url: '/api/outbox' });
    const item = listed.json().items?.find((m: { subject: string }) => m.subject === 'Rapport mensuel');
    expect(item, listed.body.slice(0, 300)).toBeDefined();
    expect(item.readable).toBe(false);
    const refused = await t.request(admin, { method: 'GET', url: `/api/outbox/${item.id}/eml` });
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('significatifs');
  });
});
