import { SMTPServer } from 'smtp-server';
import { freePort } from '../../support/free-port';

export type CountingSmtpSink = {
  url: string;
  /** Every accepted message's Message-ID, duplicates included, in arrival order. */
  messageIds: string[];
  /** Every accepted message, raw (its first 256 KiB), in arrival order. */
  messages: { messageId: string; raw: string }[];
  distinctCount(): number;
  /** Stops listening (the SMTP server is "down") and starts again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
};

/** A real SMTP server that only counts: which Message-IDs arrived, and how often. `acceptDelayMs` slows each message down. */
export async function startCountingSmtpSink({ acceptDelayMs = 0 }: { acceptDelayMs?: number } = {}): Promise<CountingSmtpSink> {
  const port = await freePort();
  const messageIds: string[] = [];
  const messages: { messageId: string; raw: string }[] = [];
  let server: SMTPServer;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _session, callback) {
          let head = '';
          stream.on('data', (chunk: Buffer) => {
            if (head.length < 262_144) head += chunk.toString('utf8');
          });
          stream.on('end', () => {
            const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '(none)';
            setTimeout(() => {
              messageIds.push(messageId);
              messages.push({ messageId, raw: head });
              callback();
            }, acceptDelayMs);
          });
        },
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        // A client killed mid-session (kill -9 of a worker) resets its connection: that is the test, not a failure.
        server.on('error', () => {});
        resolve();
      });
    });
  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    messageIds,
    messages,
    distinctCount: () => new Set(messageIds).size,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start,
  };
}
