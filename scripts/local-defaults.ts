import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedPostgresUrl } from './embedded/embedded-postgres';

export const dataDir = path.resolve(process.env.DSR_DESK_DATA_DIR || '.data');

/**
 * A local install needs an APP_SECRET but a newcomer should not have to make one:
 * generate it once into the git-ignored data folder. Production sets APP_SECRET.
 */
export function ensureLocalSecret(): string {
  const file = path.join(dataDir, 'app-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** The app's address when APP_URL is unset: this machine, on the port the web server listens on (PORT, default 3000). */
export function defaultAppUrl(): string {
  return `http://localhost:${Number(process.env.PORT || 3000)}`;
}

/**
 * For one-off commands (`npm run staff`, `npm run audit:verify`) on the embedded
 * default, run while `npm start` is up: the same database, secret and mail catcher
 * it uses. Whatever the environment or .env sets wins.
 */
export function applyEmbeddedCommandDefaults(): void {
  process.env.DATABASE_URL ||= embeddedPostgresUrl(Number(process.env.EMBEDDED_POSTGRES_PORT || 54329), 'dsr_desk');
  process.env.APP_SECRET ||= ensureLocalSecret();
  process.env.SMTP_URL ||= `smtp://127.0.0.1:${Number(process.env.MAIL_CATCHER_SMTP_PORT || 1025)}`;
  // Links in invitations must point where `npm start` with the same PORT serves the app.
  process.env.APP_URL ||= defaultAppUrl();
}
