import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port';

export type SmtpInbox = {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** What each message's SMTP envelope said, by Message-ID: its recipients and whether the client asked for SMTPUTF8. */
  envelopes: Map<string, { recipients: string[]; isSmtpUtf8: boolean }>;
  /** Waits until `count` messages to `to` have arrived, then returns them. */
  waitFor(to: string, options?: { count?: number; timeoutMs?: number }): Promise<ParsedMail[]>;
  stop(): Promise<void>;
};

/** A real SMTP server on localhost that keeps what it receives, for integration tests. */
export async function startSmtpInbox(port?: number): Promise<SmtpInbox> {
  const listenPort = port ?? (await freePort());
  const messages: ParsedMail[] = [];
  const envelopes: SmtpInbox['envelopes'] = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const envelope = session.envelope as typeof session.envelope & { smtpUtf8?: boolean };
          if (mail.messageId) envelopes.set(mail.messageId, { recipients: envelope.rcptTo.map((recipient) => recipient.address), isSmtpUtf8: Boolean(envelope.smtpUtf8) });
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });

  const recipientsOf = (mail: ParsedMail) => [mail.to].flat().flatMap((address) => address?.value.map((entry) => entry.address?.toLowerCase()) ?? []);
  return {
    url: `smtp://127.0.0.1:${listenPort}`,
    port: listenPort,
    messages,
    envelopes,
    async waitFor(to, { count = 1, timeoutMs = 20_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = messages.filter((mail) => recipientsOf(mail).includes(to.toLowerCase()));
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) throw new Error(`expected ${count} message(s) to ${to}, got ${matching.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
