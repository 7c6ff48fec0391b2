import path from 'node:path';

export type MailCatcherHandle = { smtpUrl: string; inboxUrl: string; stop(): Promise<void> };

type Options = { smtpPort: number; webPort: number; mailDirectory: string };

/**
 * Starts MailDev: a real SMTP server that keeps every message it receives and
 * shows them in a web inbox. Bound to 127.0.0.1 (MailDev listens on every
 * interface by default, which would expose the inbox to the network).
 */
export async function startMailCatcher({ smtpPort, webPort, mailDirectory }: Options): Promise<MailCatcherHandle> {
  // MailDev 3 is ESM-only; a dynamic import keeps this module loadable from anywhere.
  const { MailDev } = await import('maildev');
  const maildev = new MailDev({
    smtp: smtpPort,
    ip: '127.0.0.1',
    web: webPort,
    webIp: '127.0.0.1',
    mailDirectory: path.resolve(mailDirectory),
    silent: true,
  });
  await maildev.start();
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inboxUrl: `http://127.0.0.1:${webPort}/`,
    stop: () => maildev.stop(),
  };
}
