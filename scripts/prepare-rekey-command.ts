import { existsSync } from 'node:fs';

/**
 * The start of the rekey commands (`sources:rekey`, `storage:rekey`): the environment as `npm start`
 * reads it, and the previous key they decrypt with, from the environment (never the command line,
 * where other users of the machine can read it). Exits with code 2 when neither is set or the key
 * is not 32 bytes.
 */
export async function prepareRekeyCommand(): Promise<{ previousEncryptionKey: string | undefined; previousAppSecret: string | undefined }> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  (process.env as Record<string, string>).NODE_ENV ||= 'production';
  const { applyEmbeddedCommandDefaults } = await import('./local-defaults');
  applyEmbeddedCommandDefaults();
  const previousEncryptionKey = process.env.PREVIOUS_ENCRYPTION_KEY;
  const previousAppSecret = process.env.PREVIOUS_APP_SECRET;
  if (!previousEncryptionKey && !previousAppSecret) {
    console.error('Set PREVIOUS_ENCRYPTION_KEY (the old base64 key) or PREVIOUS_APP_SECRET (the old secret the key was derived from).');
    process.exit(2);
  }
  if (previousEncryptionKey && Buffer.from(previousEncryptionKey, 'base64').length !== 32) {
    console.error('PREVIOUS_ENCRYPTION_KEY must be 32 bytes, base64.');
    process.exit(2);
  }
  return { previousEncryptionKey, previousAppSecret };
}
