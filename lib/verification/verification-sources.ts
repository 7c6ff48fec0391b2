import { and, eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { type DataSourceRow, dataSources } from '@/db/schema';
import { verificationKindsOf } from '@/lib/data-sources/map/read-verification-values';
import type { Subject } from '@/lib/data-sources/postgres/stream-subject-rows';
import { withoutConnectionSecrets } from '@/lib/data-sources/describe-connection-failure';
import { readDatabaseVerificationValues } from '@/lib/data-sources/read-database-verification-values';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { postVerifyJob } from '@/lib/data-sources/webhook/post-verify-job';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import {
  type TDatabaseSourceConfig,
  type TWebhookSourceConfig,
  ZMysqlSourceConfig,
  ZPostgresSourceConfig,
  ZWebhookSourceConfig,
} from '@/lib/validation/data-source';
import type { TWebhookVerifyJob } from '@/lib/validation/webhook';
import { type DataPointKind, dataPointKinds } from '@/lib/validation/verification-levels';
import { normaliseDataPoint } from './data-point-match';

export type VerificationSource = { source: DataSourceRow; kinds: DataPointKind[] } & (
  | { kind: 'database'; config: TDatabaseSourceConfig }
  | { kind: 'webhook'; config: TWebhookSourceConfig }
);

/**
 * Enabled sources that can check facts, with the kinds each checks: database sources (PostgreSQL,
 * MySQL/MariaDB) whose map names verification columns, webhook sources that declared `verifies`.
 */
export async function listVerificationSources(db: DatabaseOrTransaction): Promise<VerificationSource[]> {
  const rows = await db
    .select()
    .from(dataSources)
    .where(and(eq(dataSources.isEnabled, true), inArray(dataSources.kind, ['postgres', 'mysql', 'webhook'])));
  return rows
    .map((source): VerificationSource | null => {
      const config =
        source.kind === 'postgres'
          ? ZPostgresSourceConfig.safeParse(source.config)
          : source.kind === 'mysql'
            ? ZMysqlSourceConfig.safeParse(source.config)
            : ZWebhookSourceConfig.safeParse(source.config);
      if (!config.success) return null;
      if (config.data.kind === 'webhook')
        return { source, kind: 'webhook', config: config.data, kinds: [...new Set(config.data.verifies ?? [])] };
      return { source, kind: 'database', config: config.data, kinds: verificationKindsOf(config.data.map) };
    })
    .filter((entry): entry is VerificationSource => entry !== null && entry.kinds.length > 0);
}

/** The facts the status page may ask for: those at least one enabled source can check, in a fixed order. */
export async function listOfferedDataPoints(db: DatabaseOrTransaction): Promise<DataPointKind[]> {
  return offeredKinds(await listVerificationSources(db));
}

export function offeredKinds(sources: VerificationSource[]): DataPointKind[] {
  const kinds = new Set(sources.flatMap((entry) => entry.kinds));
  return dataPointKinds.filter((kind) => kinds.has(kind));
}

/** Kinds a database can check: those are compared here, and never sent to a webhook. */
export function databaseKinds(sources: VerificationSource[]): Set<DataPointKind> {
  return new Set(sources.flatMap((entry) => (entry.kind === 'database' ? entry.kinds : [])));
}

export type SourceFailure = { source: string; error: string };

/**
 * The subject's values of every verification column, from every database source that has some, merged by kind,
 * and the sources that could not be read: an unreachable shop must not count as a wrong answer.
 */
export async function readKnownDataPoints(
  db: DatabaseOrTransaction,
  sources: VerificationSource[],
  subject: Subject,
): Promise<{ known: Map<DataPointKind, string[]>; failures: SourceFailure[] }> {
  const network = await getNetworkSettings(db);
  const known = new Map<DataPointKind, string[]>();
  const failures: SourceFailure[] = [];
  for (const entry of sources) {
    if (entry.kind !== 'database') continue;
    const connectionString = readSourceSecret(entry.source);
    try {
      const values = await readDatabaseVerificationValues(connectionString, entry.config, subject, {
        allowPrivateTargets: network.allowPrivateTargets,
      });
      for (const [kind, list] of values) known.set(kind, [...(known.get(kind) ?? []), ...list]);
    } catch (error) {
      // The driver's words, without the connection's password; the typed facts never reach a database, so it cannot hold them.
      const reason = withoutConnectionSecrets(connectionString, error);
      const message = `Could not be read (${reason instanceof Error ? reason.message : String(reason)}).`;
      console.error(`identity check: verification source ${entry.source.slug} could not be read:`, message);
      failures.push({ source: entry.source.name, error: message });
    }
  }
  return { known, failures };
}

export type WebhookVerification = { matched: DataPointKind[]; asked: string[]; failures: SourceFailure[] };

/**
 * Sends the facts only a webhook can check to every webhook source that checks them, at once; a fact
 * matches when any of them says so (as a value from any database does). The typed values leave for
 * those systems only: nothing here stores or logs them.
 */
export async function askWebhooksToVerify(
  db: DatabaseOrTransaction,
  sources: VerificationSource[],
  { reference, subject, given }: { reference: string; subject: Subject; given: Partial<Record<DataPointKind, string>> },
): Promise<WebhookVerification> {
  const { allowPrivateTargets } = await getNetworkSettings(db);
  const asks = sources.flatMap((entry) => {
    if (entry.kind !== 'webhook') return [];
    const dataPoints: TWebhookVerifyJob['dataPoints'] = {};
    for (const kind of entry.kinds) {
      const value = given[kind];
      if (value) dataPoints[kind] = { value: value.trim(), normalised: normaliseDataPoint(kind, value) };
    }
    return Object.keys(dataPoints).length > 0 ? [{ entry, config: entry.config, dataPoints }] : [];
  });
  const outcomes = await Promise.all(
    asks.map(({ entry, config, dataPoints }) =>
      postVerifyJob({ config, secret: readSourceSecret(entry.source), reference, subject, dataPoints, allowPrivateTargets }),
    ),
  );
  const matched = new Set<DataPointKind>();
  const failures: WebhookVerification['failures'] = [];
  outcomes.forEach((outcome, index) => {
    const { entry } = asks[index]!;
    if (outcome.kind === 'failed') failures.push({ source: entry.source.name, error: outcome.error });
    else for (const kind of outcome.matched) matched.add(kind);
  });
  return { matched: [...matched], asked: asks.map(({ entry }) => entry.source.name), failures };
}
