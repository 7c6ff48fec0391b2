import type { Database } from '@/db/client';
import type { DataSourceRow } from '@/db/schema';
import { findDataSourceBySlug } from '@/db/queries/data-sources';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TDataSourceSettings } from '@/lib/validation/data-source-form';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { checkDatabaseSource } from './check-database-source';
import { checkWebhookTarget } from './check-webhook-target';
import { readSourceSecret } from './read-source-secret';
import { assertSameVersion, updateDataSourceRow } from './save-data-source';

export type UpdateDataSourceOptions = { actor: StaffActor; slug: string; version: number; input: TDataSourceSettings; now?: Date };

/**
 * An admin edits a source's name, use and configuration. A database source is
 * checked against its database again, with the new connection string or, left blank,
 * the saved one. `version` is the one the form was built from: a save over someone
 * else's change is refused (CONFLICT), not silently merged.
 */
export async function updateDataSource(
  db: Database,
  { actor, slug, version, input, now = new Date() }: UpdateDataSourceOptions,
): Promise<{ changes: string[] }> {
  assertCan(actor, 'sources.manage');
  const current = await findDataSourceBySlug(db, { slug });
  if (!current) throw new AppError('NOT_FOUND', 'No such data source.');
  // Checked before the slow connection test as well as under the lock below.
  assertSameVersion(current, version);
  if (current.kind !== input.config.kind) throw new AppError('VALIDATION', 'A source’s kind cannot change; add a new source instead.');
  const { allowPrivateTargets } = await getNetworkSettings(db);
  if (input.config.kind !== 'webhook' && input.config.kind !== 'manual') {
    await checkDatabaseSource(input.connectionString ?? savedConnectionString(current), input.config, {
      isSavedSecret: !input.connectionString,
      allowPrivateTargets,
    });
  }
  if (input.config.kind === 'webhook') await checkWebhookTarget(input.config.url, { allowPrivateTargets });

  // The row lock and the version check under it: two admins saving at once cannot both win.
  return db.transaction(async (tx) => {
    const row = await findDataSourceBySlug(tx, { slug, forUpdate: true });
    if (!row) throw new AppError('NOT_FOUND', 'No such data source.');
    assertSameVersion(row, version);
    const changes = await updateDataSourceRow(tx, {
      row,
      changes: {
        name: input.name,
        publicName: input.publicName,
        usedForAccess: input.usedForAccess,
        usedForErasure: input.usedForErasure,
        config: input.config,
        ...(input.connectionString ? { secret: input.connectionString } : {}),
      },
      actor: { type: 'staff', staffId: actor.staffId },
      now,
    });
    return { changes };
  });
}

function savedConnectionString(source: DataSourceRow): string {
  try {
    return readSourceSecret(source);
  } catch (error) {
    throw new AppError('VALIDATION', 'The saved connection string cannot be used.', {
      fieldErrors: { connectionString: [(error as Error).message] },
    });
  }
}
