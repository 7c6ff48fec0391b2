import type { Database } from '@/db/client';
import { findDataSourceBySlug } from '@/db/queries/data-sources';
import { AppError } from '@/lib/errors/app-error';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TTrySourceMapForm } from '@/lib/validation/data-source-form';
import { checkDatabaseSource } from './check-database-source';
import { describeConnectionFailure } from './describe-connection-failure';
import { previewSourceMap, type SourceMapPreview } from './preview-source-map';
import { readSourceCatalog, type SourceCatalog } from './read-source-catalog';
import { readSourceSecret } from './read-source-secret';

export type TrySourceMapResult = { intent: 'test' } | { intent: 'preview'; tables: SourceMapPreview };

/**
 * The add/edit form's "Test connection" and "Preview for this address", before anything is saved:
 * connects with the connection string typed (or, on a saved source left blank, the saved one), lists
 * the database's tables and columns for the map's picker, and checks the map against the live schema
 * as saving does; a preview then reads the first rows each table would export for the address
 * (previewSourceMap, which audits the look). Admins only.
 */
export async function trySourceMap(
  db: Database,
  {
    actor,
    input,
    onCatalog,
  }: {
    actor: StaffActor;
    input: TTrySourceMapForm;
    /** Test connection lists the database's tables for the map's picker, even when the map then fails its check. */
    onCatalog?: (catalog: SourceCatalog) => void;
  },
): Promise<TrySourceMapResult> {
  assertCan(actor, 'sources.manage');
  const { config } = input.settings;
  if (config.kind !== 'postgres' && config.kind !== 'mysql')
    throw new AppError('VALIDATION', 'Only database sources can be tried before saving.');
  const connectionString = input.settings.connectionString ?? (await savedConnectionString(db, input.savedSlug));

  if (input.intent === 'test' || !input.email) {
    const { allowPrivateTargets } = await getNetworkSettings(db);
    const isSavedSecret = !input.settings.connectionString;
    try {
      onCatalog?.(await readSourceCatalog(connectionString, config.kind, { allowPrivateTargets }));
    } catch (error) {
      const message = describeConnectionFailure(connectionString, error);
      throw new AppError('VALIDATION', 'Could not connect to the source database.', {
        fieldErrors: { connectionString: [isSavedSecret ? `With the saved connection string: ${message}` : message] },
      });
    }
    await checkDatabaseSource(connectionString, config, { isSavedSecret, allowPrivateTargets });
    return { intent: 'test' };
  }
  if (config.kind !== 'postgres') {
    throw new AppError('VALIDATION', 'Preview reads PostgreSQL sources only for now; Test connection checks a MySQL/MariaDB map.', {
      field: 'previewEmail',
    });
  }
  const tables = await previewSourceMap(db, { actor, name: input.settings.name, connectionString, config, email: input.email });
  return { intent: 'preview', tables };
}

async function savedConnectionString(db: Database, slug: string | null): Promise<string> {
  const source = slug ? await findDataSourceBySlug(db, { slug }) : null;
  if (!source) throw new AppError('VALIDATION', 'Enter the connection string.', { field: 'connectionString' });
  try {
    return readSourceSecret(source);
  } catch (error) {
    throw new AppError('VALIDATION', 'The saved connection string cannot be used.', {
      fieldErrors: { connectionString: [(error as Error).message] },
    });
  }
}
