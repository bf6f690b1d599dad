import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { type Checkpoint, checkpointLine, readCheckpoints, signCheckpoint } from '../../domain/audit/checkpoint.ts';
import { type Db, queryRows } from '../../db/open-db.ts';
import { translate } from '../i18n/messages.ts';
import type { AuditSettings } from './audit-settings.ts';
import { auditMac } from './audit-mac.ts';

/**
 * Writes a signed checkpoint of the chain head outside the database: a JSON
 * line appended to the checkpoint file and, optionally, an e-mail sent straight
 * over SMTP (not through the outbox, which lives in the database an attacker
 * would be rewriting). Only when the head moved since the last one.
 */
export interface CheckpointMailer {
  send(subject: string, text: string): Promise<void>;
  close(): void;
}

export function smtpCheckpointMailer(smtpUrl: string, from: string, to: string): CheckpointMailer {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(subject, text) {
      await transporter.sendMail({ from, to, subject, text });
    },
    close: () => transporter.close(),
  };
}

export async function readCheckpointFile(settings: AuditSettings) {
  let text = '';
  if (settings.checkpointFile) {
    try {
      text = await readFile(settings.checkpointFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return readCheckpoints(auditMac(settings.key), text);
}

async function appendLine(file: string, line: string) {
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.appendFile(`${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function mailText(checkpoint: Checkpoint, line: string) {
  const params = { seq: checkpoint.seq, at: checkpoint.at };
  // French first, then German: the recipient may read either.
  const inBoth = (key: string) => [translate('fr', key, params), translate('de', key, params)];
  return {
    subject: inBoth('auditCheckpoint.subject').join(' / '),
    text: `${[...inBoth('auditCheckpoint.body'), line].join('\n\n')}\n`,
  };
}

export interface CheckpointWriter {
  /** The checkpoint written or sent, or null when the head has not moved (or the chain is empty). */
  write(now: Date): Promise<Checkpoint | null>;
}

export function createCheckpointWriter(deps: {
  db: Db;
  settings: AuditSettings;
  mailer?: CheckpointMailer | null;
}): CheckpointWriter {
  const { db, settings, mailer } = deps;
  // What the e-mail recipient last received; after a restart, the file's latest stands for it.
  let lastMailed: string | null | undefined;
  return {
    async write(now) {
      const [head] = await queryRows<{ seq: number | string; mac: string }>(
        db,
        sql`SELECT seq, mac FROM audit_chain ORDER BY seq DESC LIMIT 1`,
      );
      if (!head) return null;
      const headKey = `${Number(head.seq)}:${head.mac}`;
      const latest = (await readCheckpointFile(settings)).latest;
      const latestKey = latest ? `${latest.seq}:${latest.mac}` : null;
      if (lastMailed === undefined) lastMailed = latestKey;
      const file = settings.checkpointFile;
      const toFile = file !== null && latestKey !== headKey;
      const toMail = mailer != null && lastMailed !== headKey;
      if (!toFile && !toMail) return null;

      const checkpoint = signCheckpoint(auditMac(settings.key), {
        seq: Number(head.seq),
        mac: head.mac,
        at: now.toISOString(),
      });
      const line = checkpointLine(checkpoint);
      // The file first: a mail server that is down must not cost the local anchor.
      if (toFile) await appendLine(file, line);
      if (toMail) {
        const { subject, text } = mailText(checkpoint, line);
        await mailer.send(subject, text);
        lastMailed = headKey;
      }
      return checkpoint;
    },
  };
}
