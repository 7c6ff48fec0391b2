import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port';

export type SmtpInbox = {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** What each message's SMTP envelope said, by Message-ID: its recipients and whether the client asked for SMTPUTF8. */
  envelopes: Map<string, { recipients: string[]; isSmtpUtf8: boolean }>;
  /** Recipients refused so far (SmtpInboxOptions.refuseRecipient), once per attempt. */
  refused: string[];
  /** SMTP connections opened so far (a pooled sender reuses a few). */
  connectionCount(): number;
  /** Waits until `count` messages to `to` have arrived, then returns them. */
  waitFor(to: string, options?: { count?: number; timeoutMs?: number }): Promise<ParsedMail[]>;
  /**
   * Waits until no message has been started or received for `quietMs` (default 1 s):
   * call it before asserting "exactly once", so a duplicate still on its way fails
   * the test instead of arriving after it. An idle pooled connection is silence.
   */
  waitForSilence(options?: { quietMs?: number; timeoutMs?: number }): Promise<void>;
  stop(): Promise<void>;
};

export type SmtpInboxOptions = {
  /** Recipients refused for good (550 at RCPT TO), as a closed mailbox is: the bounce a sender must not retry. */
  refuseRecipient?: (address: string) => boolean;
};

/** A real SMTP server on localhost that keeps what it receives, for integration tests. */
export async function startSmtpInbox(port?: number, { refuseRecipient }: SmtpInboxOptions = {}): Promise<SmtpInbox> {
  const listenPort = port ?? (await freePort());
  const messages: ParsedMail[] = [];
  const envelopes: SmtpInbox['envelopes'] = new Map();
  const refused: string[] = [];
  let lastActivityAt = Date.now();
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      lastActivityAt = Date.now();
      callback();
    },
    onRcptTo(address, _session, callback) {
      lastActivityAt = Date.now();
      if (refuseRecipient?.(address.address)) {
        refused.push(address.address);
        const error = new Error(`5.1.1 <${address.address}>: mailbox unavailable`) as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      lastActivityAt = Date.now();
      simpleParser(stream)
        .then((mail) => {
          const envelope = session.envelope as typeof session.envelope & { smtpUtf8?: boolean };
          if (mail.messageId)
            envelopes.set(mail.messageId, {
              recipients: envelope.rcptTo.map((recipient) => recipient.address),
              isSmtpUtf8: Boolean(envelope.smtpUtf8),
            });
          messages.push(mail);
          lastActivityAt = Date.now();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });

  const recipientsOf = (mail: ParsedMail) =>
    [mail.to].flat().flatMap((address) => address?.value.map((entry) => entry.address?.toLowerCase()) ?? []);
  return {
    url: `smtp://127.0.0.1:${listenPort}`,
    port: listenPort,
    messages,
    envelopes,
    refused,
    connectionCount: () => connections,
    async waitFor(to, { count = 1, timeoutMs = 20_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = messages.filter((mail) => recipientsOf(mail).includes(to.toLowerCase()));
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) throw new Error(`expected ${count} message(s) to ${to}, got ${matching.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async waitForSilence({ quietMs = 1000, timeoutMs = 20_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const quietFor = Date.now() - lastActivityAt;
        if (quietFor >= quietMs) return;
        if (Date.now() > deadline) throw new Error(`the SMTP inbox was never quiet for ${quietMs} ms within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(50, quietMs - quietFor)));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
