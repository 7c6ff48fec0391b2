import { connect, type Socket } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

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
  const options = parseConnectionUrl(pooledSmtpUrl(smtpUrl, maxConnections)) as SMTPPool.Options;
  const transport = nodemailer.createTransport({ ...options, pool: true, getSocket: options.secure ? undefined : socketWithoutDelay });
  globalForMail.dsrDeskTransport = { key, transport };
  return transport;
}

/**
 * Opens each pooled connection with Nagle's algorithm off. nodemailer writes the end of a message as a
 * small segment of its own, which Nagle holds back until the body's ACK arrives, and the server delays
 * that ACK (≈ 40 ms on Linux): every pooled email took ≈ 45 ms instead of a few. nodemailer takes the
 * socket as a `connection` and speaks SMTP (and STARTTLS) over it as usual.
 */
function socketWithoutDelay(
  options: SMTPPool.Options,
  callback: (error: Error | null, socketOptions: { connection: Socket }) => void,
): void {
  // Handed over while still connecting: nodemailer's own handlers then see a refused connection or a timeout.
  callback(null, { connection: connect({ host: options.host ?? 'localhost', port: options.port ?? 25, noDelay: true }) });
}

export function closeTransport(): void {
  globalForMail.dsrDeskTransport?.transport.close();
  globalForMail.dsrDeskTransport = undefined;
}
