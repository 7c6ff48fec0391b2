import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { type DataSourceRow, dataSources } from '@/db/schema';
import { withSource } from '@/lib/data-sources/postgres/connect-source';
import { readVerificationValues, verificationKindsOf } from '@/lib/data-sources/postgres/read-verification-values';
import type { Subject } from '@/lib/data-sources/postgres/stream-subject-rows';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { ZPostgresSourceConfig } from '@/lib/validation/data-source';
import { type DataPointKind, dataPointKinds } from '@/lib/validation/verification-levels';

/** Enabled PostgreSQL sources whose map names verification columns, with the kinds each can check. */
async function listVerificationSources(db: DatabaseOrTransaction): Promise<{ source: DataSourceRow; kinds: DataPointKind[] }[]> {
  const rows = await db
    .select()
    .from(dataSources)
    .where(and(eq(dataSources.isEnabled, true), eq(dataSources.kind, 'postgres')));
  return rows
    .map((source) => {
      const parsed = ZPostgresSourceConfig.safeParse(source.config);
      return { source, kinds: parsed.success ? verificationKindsOf(parsed.data.map) : [] };
    })
    .filter((entry) => entry.kinds.length > 0);
}

/** The facts the status page may ask for: those at least one enabled source can check, in a fixed order. */
export async function listOfferedDataPoints(db: DatabaseOrTransaction): Promise<DataPointKind[]> {
  const kinds = new Set((await listVerificationSources(db)).flatMap((entry) => entry.kinds));
  return dataPointKinds.filter((kind) => kinds.has(kind));
}

/**
 * The subject's values of every verification column, from every source that has some, merged by kind.
 * A source that cannot be reached is an error: an unreachable shop must not count as a wrong answer.
 */
export async function readKnownDataPoints(db: DatabaseOrTransaction, subject: Subject): Promise<Map<DataPointKind, string[]>> {
  const [sources, network] = await Promise.all([listVerificationSources(db), getNetworkSettings(db)]);
  const known = new Map<DataPointKind, string[]>();
  for (const { source } of sources) {
    const { map } = ZPostgresSourceConfig.parse(source.config);
    const values = await withSource(readSourceSecret(source), { allowPrivateTargets: network.allowPrivateTargets }, (sql) =>
      readVerificationValues(sql, map, subject),
    );
    for (const [kind, list] of values) known.set(kind, [...(known.get(kind) ?? []), ...list]);
  }
  return known;
}
