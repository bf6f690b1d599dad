import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * An in-process SMTP server on 127.0.0.1 that keeps every message it
 * receives, parsed: tests hold a real SMTP conversation. It can be started
 * late and stopped early, to play a mail server that is down, then up.
 */
export function smtpSink() {
  const received: ParsedMail[] = [];
  let server: SMTPServer | null = null;
  return {
    received,
    start(port: number) {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((mail) => {
              received.push(mail);
              callback();
            })
            .catch(callback);
        },
      });
      return new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    stop() {
      return new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
