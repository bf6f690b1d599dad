import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { outboxMessages } from '../../db/schema.ts';

export type OutboxRow = typeof outboxMessages.$inferSelect;
export interface MailTransport {
  send(message: OutboxRow, from: string): Promise<void>;
  close(): void;
}

const mailOf = (m: OutboxRow, from: string) => ({
  from,
  to: m.toAddresses,
  subject: m.subject,
  text: m.textBody,
  messageId: m.messageId,
  date: m.createdAt,
  headers: { 'Content-Language': m.language === 'de' ? 'de-CH' : 'fr-CH' },
  // An invitation: the text/calendar alternative calendar programs act on (iTIP method), and the same object as a
  // file for those that only show attachments.
  ...(m.icsContent
    ? {
        icalEvent: { method: m.icsMethod ?? 'REQUEST', filename: 'invitation.ics', content: m.icsContent },
        attachments: [
          {
            filename: 'invitation.ics',
            content: m.icsContent,
            contentType: `text/calendar; charset=utf-8; method=${m.icsMethod ?? 'REQUEST'}`,
          },
        ],
      }
    : {}),
});

/** Real SMTP through nodemailer; the Message-ID of the outbox row is kept on every attempt. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message, from) {
      await transporter.sendMail(mailOf(message, from));
    },
    close: () => transporter.close(),
  };
}

/** The message as an .eml file (RFC 5322), for an installation without SMTP. */
export async function buildEml(message: OutboxRow, from: string): Promise<Buffer> {
  return new MailComposer(mailOf(message, from)).compile().build();
}
