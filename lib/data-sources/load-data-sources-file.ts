import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '@/db/client';
import { findDataSourceBySlug } from '@/db/queries/data-sources';
import { isAppError } from '@/lib/errors/app-error';
import { type TDataSourcesFileEntry, ZDataSourcesFile } from '@/lib/validation/data-sources-file';
import { isMysqlUrl, isPostgresUrl } from '@/lib/validation/data-source-form';
import { describeIssue } from '@/lib/validation/issue-path';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { checkDatabaseSource, fieldErrorsOf } from './check-database-source';
import { readSourceSecret } from './read-source-secret';
import { insertDataSource, updateDataSourceRow } from './save-data-source';

export type LoadDataSourcesFileOptions = {
  file: string;
  /** Where `secret.env` names are looked up: the process environment at start-up. */
  variables: Record<string, string | undefined>;
  log?: (line: string) => void;
  now?: Date;
};
export type LoadedDataSources = { created: string[]; updated: string[]; unchanged: string[]; madeInTheUi: string[] };

type ResolvedEntry = { entry: TDataSourcesFileEntry; index: number; secret: string | null };

/**
 * Creates or updates the file's sources by slug, in one transaction, as the system.
 * A source an admin made in the UI (seededFrom null) with the same slug is left as it is.
 * Bad input stops start-up with an error naming the file and the entry's path.
 * Database maps (PostgreSQL, MySQL/MariaDB) are checked against their database; one that cannot be reached
 * is saved anyway with a warning, so a source that is down does not stop the app.
 */
export async function loadDataSourcesFile(
  db: Database,
  { file, variables, log = () => {}, now = new Date() }: LoadDataSourcesFileOptions,
): Promise<LoadedDataSources> {
  const label = fileLabel(file);
  const entries = await readEntries(file, label);
  const resolved = entries.map((entry, index) => ({ entry, index, secret: resolveSecret(entry, index, variables, label) }));
  const { allowPrivateTargets } = await getNetworkSettings(db);
  const existing = new Map(
    await Promise.all(entries.map(async (entry) => [entry.slug, await findDataSourceBySlug(db, { slug: entry.slug })] as const)),
  );
  for (const item of resolved) {
    if (existing.get(item.entry.slug)?.seededFrom === null) continue;
    await checkMap(item, label, log, allowPrivateTargets);
  }

  const outcome: LoadedDataSources = { created: [], updated: [], unchanged: [], madeInTheUi: [] };
  await db.transaction(async (tx) => {
    for (const { entry, index, secret } of resolved) {
      const row = await findDataSourceBySlug(tx, { slug: entry.slug, forUpdate: true });
      if (!row) {
        await insertDataSource(tx, {
          source: {
            slug: entry.slug,
            name: entry.name,
            publicName: entry.publicName ?? null,
            kind: entry.kind,
            isEnabled: entry.isEnabled ?? true,
            usedForAccess: entry.usedForAccess ?? true,
            usedForErasure: entry.usedForErasure ?? true,
            config: entry.config,
            secret,
            seededFrom: label,
          },
          actor: { type: 'system' },
          now,
        });
        outcome.created.push(entry.slug);
        continue;
      }
      if (row.seededFrom === null) {
        log(`data source "${entry.slug}" was made in the settings pages; ${label} leaves it as it is`);
        outcome.madeInTheUi.push(entry.slug);
        continue;
      }
      if (row.kind !== entry.kind)
        throw new Error(
          `${label}: [${index}].kind: "${entry.slug}" is saved as a ${row.kind} source; a source's kind cannot change (use a new slug)`,
        );
      const changes = await updateDataSourceRow(tx, {
        row,
        changes: {
          name: entry.name,
          publicName: entry.publicName ?? null,
          isEnabled: entry.isEnabled,
          usedForAccess: entry.usedForAccess,
          usedForErasure: entry.usedForErasure,
          config: entry.config,
          seededFrom: label,
          ...(secret !== null && !isSavedSecret(row, secret) ? { secret } : {}),
        },
        actor: { type: 'system' },
        now,
      });
      (changes.length > 0 ? outcome.updated : outcome.unchanged).push(entry.slug);
    }
  });
  return outcome;
}

/** The file as it is named in errors and in seededFrom: relative to the working folder when inside it. */
function fileLabel(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

async function readEntries(file: string, label: string): Promise<TDataSourcesFileEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Data sources file ${label} could not be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${label}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ZDataSourcesFile.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${label} has problems:\n${parsed.error.issues.map((issue) => `  ${describeIssue(issue.path, issue.message)}`).join('\n')}`,
    );
  }
  return parsed.data;
}

function resolveSecret(
  entry: TDataSourcesFileEntry,
  index: number,
  variables: Record<string, string | undefined>,
  label: string,
): string | null {
  if (!entry.secret) return null;
  const value = variables[entry.secret.env]?.trim();
  if (!value)
    throw new Error(
      `${label}: [${index}].secret.env: environment variable ${entry.secret.env} is not set; it holds the secret of data source "${entry.slug}"`,
    );
  if (entry.kind === 'postgres' && !isPostgresUrl(value))
    throw new Error(`${label}: [${index}].secret.env: ${entry.secret.env} is not a postgres:// connection string`);
  if (entry.kind === 'mysql' && !isMysqlUrl(value))
    throw new Error(`${label}: [${index}].secret.env: ${entry.secret.env} is not a mysql:// connection string`);
  return value;
}

async function checkMap(
  { entry, index, secret }: ResolvedEntry,
  label: string,
  log: (line: string) => void,
  allowPrivateTargets: boolean,
): Promise<void> {
  if ((entry.config.kind !== 'postgres' && entry.config.kind !== 'mysql') || !secret) return;
  try {
    await checkDatabaseSource(secret, entry.config, { allowPrivateTargets });
  } catch (error) {
    if (!isAppError(error, 'VALIDATION')) throw error;
    const { map = [], connectionString = [] } = fieldErrorsOf(error);
    if (map.length > 0)
      throw new Error(
        `${label}: [${index}] "${entry.slug}": the map does not match its database:\n${map.map((message) => `  [${index}].config.map.${message}`).join('\n')}`,
      );
    for (const message of connectionString)
      log(`warning: ${label}: [${index}] "${entry.slug}": ${message}; saved without checking its map`);
  }
}

function isSavedSecret(row: Parameters<typeof readSourceSecret>[0], secret: string): boolean {
  try {
    return readSourceSecret(row) === secret;
  } catch {
    // Encrypted under another key (or missing): store it again under this one.
    return false;
  }
}
