import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TCreateDataSource } from '@/lib/validation/data-source-form';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { checkDatabaseSource } from './check-database-source';
import { checkWebhookTarget } from './check-webhook-target';
import { generateSigningSecret } from './generate-signing-secret';
import { insertDataSource } from './save-data-source';

export type CreateDataSourceOptions = { actor: StaffActor; input: TCreateDataSource; now?: Date };
/** `signingSecret` is a new webhook source's secret, for the admin to copy once; it is never readable again. */
export type CreatedDataSource = { slug: string; signingSecret: string | null };

/**
 * An admin adds a source. A database source (PostgreSQL, MySQL/MariaDB) is connected to and its map checked
 * against the live schema first; a webhook source gets a random signing secret.
 * Either secret is stored only encrypted.
 */
export async function createDataSource(
  db: Database,
  { actor, input, now = new Date() }: CreateDataSourceOptions,
): Promise<CreatedDataSource> {
  assertCan(actor, 'sources.manage');
  const { allowPrivateTargets } = await getNetworkSettings(db);
  const secret = await secretForNewSource(input, allowPrivateTargets);
  const { connectionString: _, ...settings } = input;
  await db.transaction((tx) =>
    insertDataSource(tx, {
      source: { ...settings, kind: input.config.kind, secret, seededFrom: null },
      actor: { type: 'staff', staffId: actor.staffId },
      now,
    }),
  );
  return { slug: input.slug, signingSecret: input.config.kind === 'webhook' ? secret : null };
}

async function secretForNewSource(input: TCreateDataSource, allowPrivateTargets: boolean): Promise<string | null> {
  if (input.config.kind === 'webhook') {
    await checkWebhookTarget(input.config.url, { allowPrivateTargets });
    return generateSigningSecret();
  }
  if (input.config.kind === 'manual' || input.config.kind === 'processor') return null;
  if (!input.connectionString)
    throw new AppError('VALIDATION', 'Enter the connection string.', {
      fieldErrors: { connectionString: ['Enter the connection string'] },
    });
  await checkDatabaseSource(input.connectionString, input.config, { allowPrivateTargets });
  return input.connectionString;
}
