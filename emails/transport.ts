import nodemailer, { type Transporter } from 'nodemailer';

// One pooled SMTP transport per process: a connection per email costs the SMTP greeting every time
// (≥ 100 ms against smtp-server, which waits before greeting), a pooled one a few round trips.
const globalForMail = globalThis as unknown as { dsrDeskTransport?: { key: string; transport: Transporter } };

/**
 * The URL with the pool switched on. nodemailer reads transport options from the URL's query (or a
 * first-argument object); a second argument to createTransport is only message defaults, where
 * `pool: true` would be silently ignored. Options already in the URL win, so an operator can tune them.
 */
export function pooledSmtpUrl(smtpUrl: string, maxConnections: number): string {
  const url = new URL(smtpUrl);
  const defaults = { pool: 'true', maxConnections: String(maxConnections), maxMessages: '1000' };
  for (const [name, value] of Object.entries(defaults)) if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  return url.toString();
}

export function getTransport(smtpUrl: string, { maxConnections = 5 }: { maxConnections?: number } = {}): Transporter {
  const key = `${smtpUrl} ${maxConnections}`;
  const current = globalForMail.dsrDeskTransport;
  if (current?.key === key) return current.transport;
  current?.transport.close();
  const transport = nodemailer.createTransport(pooledSmtpUrl(smtpUrl, maxConnections));
  globalForMail.dsrDeskTransport = { key, transport };
  return transport;
}

export function closeTransport(): void {
  globalForMail.dsrDeskTransport?.transport.close();
  globalForMail.dsrDeskTransport = undefined;
}
