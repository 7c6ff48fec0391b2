import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { jurisdictionPolicies, requests } from '@/db/schema';
import { env } from '@/lib/env';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { RequestType } from '@/lib/validation/request-type';
import { confirmedReceivedBetween, isAnswered, isClosedOnTime, isOpenWork } from './report-sql';
import type { ReportRange } from './resolve-report-range';

/** One row per regime and request type (appeals apart): the figures each law's own clock is judged by. */
export type TypeRegimeFigures = {
  jurisdiction: string;
  jurisdictionLabel: string;
  type: RequestType;
  isAppeal: boolean;
  received: number;
  open: number;
  fulfilled: number;
  rejected: number;
  answeredOnTime: number;
  /** answeredOnTime / (fulfilled + rejected); null when nothing was answered. */
  onTimeRate: number | null;
};

/**
 * The on-time figures split by regime and request type, with appeals in rows of their own:
 * a California opt-out (15 business days) and a Virginia appeal (60 days) are on different
 * clocks, so one headline rate over all of them hides the one that is late. Same meaning of
 * "received", "answered" and "on time" as the summary (report-sql.ts).
 */
export async function getFiguresByTypeAndRegime(
  db: Database,
  { actor, range }: { actor: StaffActor; range: ReportRange },
): Promise<TypeRegimeFigures[]> {
  assertCan(actor, 'reports.read');
  const timeZone = env().TIME_ZONE;
  const isAppeal = sql<boolean>`(${requests.appealOfId} is not null)`;
  const rows = await db
    .select({
      jurisdiction: requests.jurisdiction,
      jurisdictionLabel: sql<string>`coalesce(${jurisdictionPolicies.policy}->>'label', ${requests.jurisdiction})`,
      type: requests.type,
      isAppeal,
      received: sql<number>`count(*)::int`,
      open: sql<number>`count(*) filter (where ${isOpenWork})::int`,
      fulfilled: sql<number>`count(*) filter (where ${requests.status} = 'fulfilled')::int`,
      rejected: sql<number>`count(*) filter (where ${requests.status} = 'rejected')::int`,
      answeredOnTime: sql<number>`count(*) filter (where ${isAnswered} and ${isClosedOnTime(timeZone)})::int`,
    })
    .from(requests)
    .leftJoin(jurisdictionPolicies, eq(jurisdictionPolicies.code, requests.jurisdiction))
    .where(confirmedReceivedBetween(range))
    .groupBy(requests.jurisdiction, jurisdictionPolicies.policy, requests.type, isAppeal)
    .orderBy(asc(requests.jurisdiction), asc(requests.type), asc(isAppeal));
  return rows.map((row) => {
    const answered = row.fulfilled + row.rejected;
    return { ...row, onTimeRate: answered === 0 ? null : row.answeredOnTime / answered };
  });
}
