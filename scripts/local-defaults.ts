import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
