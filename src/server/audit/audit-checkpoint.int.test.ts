import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCheckpoints } from '../../domain/audit/checkpoint.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { freePort } from '../../test/server-process.ts';
import { smtpSink } from '../../test/smtp-sink.ts';
import { sealAllPending } from './seal-audit-chain.ts';
import { createCheckpointWriter, smtpCheckpointMailer } from './write-audit-checkpoint.ts';
import { auditMac } from './audit-mac.ts';

/** Checkpoints leave the database: a line appended to a file and an e-mail sent straight over SMTP. */
let t: TestApp;
let cookie: string;
let dir: string;
let port: number;

const sink = smtpSink();
const received = sink.received;
const startSmtp = () => sink.start(port);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-checkpoints-'));
  t = await createTestApp({ AUDIT_CHECKPOINT_FILE: join(dir, 'nested', 'checkpoints.jsonl') });
  cookie = await t.signIn('admin');
  port = await freePort();
});
afterAll(async () => {
  await sink.stop();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const activity = async () => {
  await t.request(cookie, { method: 'GET', url: '/api/users' });
  await sealAllPending(t.database.db, t.audit.key);
};
const fileLines = () => readFileSync(t.audit.checkpointFile!, 'utf8').trim().split('\n');

describe('audit checkpoints', () => {
  it('appends a signed line to the file (mode 0600) only when the head moved', async () => {
    const writer = createCheckpointWriter({ db: t.database.db, settings: t.audit });
    await activity();
    const first = await writer.write(new Date('2026-03-01T10:00:00Z'));
    expect(first).toMatchObject({ at: '2026-03-01T10:00:00.000Z' });
    expect(existsSync(t.audit.checkpointFile!)).toBe(true);
    expect(statSync(t.audit.checkpointFile!).mode & 0o777).toBe(0o600);
    expect(await writer.write(new Date('2026-03-01T11:00:00Z'))).toBeNull();
    expect(fileLines()).toHaveLength(1);

    await activity();
    const second = await writer.write(new Date('2026-03-01T12:00:00Z'));
    expect(second!.seq).toBeGreaterThan(first!.seq);
    const reading = readCheckpoints(auditMac(t.audit.key), readFileSync(t.audit.checkpointFile!, 'utf8'));
    expect(reading.valid).toEqual([first, second]);
    expect(reading.invalidLines).toEqual([]);
    // A writer of a restarted process reads the file: nothing new, nothing written.
    expect(await createCheckpointWriter({ db: t.database.db, settings: t.audit }).write(new Date())).toBeNull();
  });

  it('e-mails the line over SMTP; a mail server down costs neither the file line nor the next try', async () => {
    const mailer = smtpCheckpointMailer(
      `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      'Tandem <tandem@example.ch>',
      'dpo@example.ch',
    );
    try {
      const writer = createCheckpointWriter({ db: t.database.db, settings: t.audit, mailer });
      await activity();
      const before = fileLines().length;
      await expect(writer.write(new Date('2026-03-02T10:00:00Z'))).rejects.toThrow();
      expect(fileLines()).toHaveLength(before + 1);

      await startSmtp();
      const sent = await writer.write(new Date('2026-03-02T11:00:00Z'));
      expect(sent).not.toBeNull();
      expect(fileLines()).toHaveLength(before + 1); // the file already holds this head
      expect(received).toHaveLength(1);
      const mail = received[0]!;
      expect(mail.to).toMatchObject({ text: 'dpo@example.ch' });
      expect(mail.subject).toContain(`position ${sent!.seq}`);
      expect(mail.subject).toContain(`Position ${sent!.seq}`);
      const line = mail.text!.trim().split('\n').at(-1)!;
      expect(readCheckpoints(auditMac(t.audit.key), line).valid).toEqual([sent]);

      expect(await writer.write(new Date('2026-03-02T12:00:00Z'))).toBeNull();
      expect(received).toHaveLength(1);
    } finally {
      mailer.close();
    }
  });
});
