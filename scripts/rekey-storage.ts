/**
 * `npm run storage:rekey`: after changing ENCRYPTION_KEY (or APP_SECRET, when no ENCRYPTION_KEY
 * is set), encrypts every file of the local storage folder (uploads, packages, staged data) again
 * under the new key. Stop the app (or run this before it serves with the new key), then run it
 * with the previous key in the environment, never on the command line:
 *
 *   PREVIOUS_ENCRYPTION_KEY=<old base64 key> npm run storage:rekey
 *   PREVIOUS_APP_SECRET=<old APP_SECRET>     npm run storage:rekey
 *
 * Safe to run again after a crash: files already under the new key are skipped. A bucket
 * (STORAGE_URL=s3://…) uses the server's encryption, so there is nothing to do.
 * Exit code 0 when every file reads with the current key afterwards, 1 when some read with
 * neither key (they are named and left as they were), 2 usage.
 */
import { prepareRekeyCommand } from './prepare-rekey-command';

const { previousEncryptionKey, previousAppSecret } = await prepareRekeyCommand();

const { env } = await import('@/lib/env');
const { localStorageRoot, storedFileKey } = await import('@/lib/storage/get-storage');
const { rekeyLocalFolder } = await import('@/lib/storage/rekey-local-folder');

const settings = env();
if (settings.STORAGE_URL?.startsWith('s3://')) {
  console.log('STORAGE_URL is a bucket: its files are encrypted by the server, not with ENCRYPTION_KEY. Nothing to do.');
  process.exit(0);
}
const root = localStorageRoot(settings);
const result = await rekeyLocalFolder({
  root,
  previousKey: storedFileKey({ ENCRYPTION_KEY: previousEncryptionKey, APP_SECRET: previousAppSecret ?? '' }),
  currentKey: storedFileKey(settings),
});
console.log(`stored files in ${root}: ${result.reencrypted.length} re-encrypted, ${result.current.length} already current`);
if (result.unreadable.length > 0) {
  console.log(`readable with neither key (left as they were): ${result.unreadable.join(', ')}`);
  process.exitCode = 1;
}
