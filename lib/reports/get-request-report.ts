import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import type { RequestStatus } from '@/lib/requests/request-status';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { RejectionBasis } from '@/lib/validation/staff-actions';
import type { RequestType } from '@/lib/validation/request-type';
import { confirmedReceivedBetween, daysToClose, isAnswered, isClosedOnTime, isOpenWork, toNumberOrNull } from './report-sql';
import type { ReportRange } from './resolve-report-range';

export type MonthTypeStatusCount = { month: string; type: RequestType; status: RequestStatus; count: number };

export type RequestReportSummary = {
  received: number;
  open: number;
  fulfilled: number;
  rejected: number;
  cancelled: number;
  /** Fulfilled + rejected: the base of every compliance figure below. */
  answered: number;
  answeredOnTime: number;
  /** answeredOnTime / answered, 0–1; null when nothing was answered. */
  onTimeRate: number | null;
  meanDaysToClose: number | null;
  medianDaysToClose: number | null;
  p90DaysToClose: number | null;
  /** Open requests from the range whose due date has passed, as of today. */
  overdueNow: number;
  extendedRequests: number;
  extensionsUsed: number;
};

/** Who filed: an authorised agent for the person (CCPA regs, 11 CCR §7063), or the person themselves (any channel). */
export type Filer = 'agent' | 'direct';

export type FilerFigures = {
  filer: Filer;
  received: number;
  open: number;
  answered: number;
  answeredOnTime: number;
  /** answeredOnTime / answered, 0–1; null when nothing was answered. */
  onTimeRate: number | null;
};

export type RequestReport = {
  range: ReportRange;
  today: string;
  byMonth: MonthTypeStatusCount[];
  summary: RequestReportSummary;
  rejectionsByBasis: { basis: RejectionBasis; count: number }[];
  /** The same range split by who filed: agents first, then direct; both rows always present. */
  byFiler: FilerFigures[];
};

export type GetRequestReportOptions = { actor: StaffActor; range: ReportRange; now?: Date };

/**
 * Requests received in the range (by calendar day of receipt): counts by month,
 * type and status; on-time rate and days to close; overdue; extensions; declines
 * by basis. Each figure is one aggregate pass over the range (FILTER clauses,
 * percentile_cont), so the database does the counting, never the page.
 */
export async function getRequestReport(db: Database, { actor, range, now = new Date() }: GetRequestReportOptions): Promise<RequestReport> {
  assertCan(actor, 'reports.read');
  const timeZone = env().TIME_ZONE;
  const today = toCalendarDate(now, timeZone);
  const inRange = confirmedReceivedBetween(range);
  const days = daysToClose(timeZone);
  const perDay = db
    .select({
      day: sql<string>`${requests.receivedOn}`.as('day'),
      type: requests.type,
      status: requests.status,
      count: sql<number>`count(*)`.as('count'),
    })
    .from(requests)
    .where(inRange)
    .groupBy(requests.receivedOn, requests.status, requests.type)
    .as('per_day');

  const [byMonth, [summary], rejections, filers] = await Promise.all([
    // Counted per day first: the index hands rows over in day order, so that is a streaming count,
    // and the month is then worked out once per day and type instead of once per request.
    db
      .select({
        month: sql<string>`to_char(date_trunc('month', ${perDay.day}), 'YYYY-MM')`,
        type: perDay.type,
        status: perDay.status,
        count: sql<number>`sum(${perDay.count})::int`,
      })
      .from(perDay)
      .groupBy(sql`1`, perDay.type, perDay.status)
      .orderBy(sql`1`, perDay.type, perDay.status),
    db
      .select({
        received: sql<number>`count(*)::int`,
        open: sql<number>`count(*) filter (where ${isOpenWork})::int`,
        fulfilled: sql<number>`count(*) filter (where ${requests.status} = 'fulfilled')::int`,
        rejected: sql<number>`count(*) filter (where ${requests.status} = 'rejected')::int`,
        cancelled: sql<number>`count(*) filter (where ${requests.status} = 'cancelled')::int`,
        answeredOnTime: sql<number>`count(*) filter (where ${isAnswered} and ${isClosedOnTime(timeZone)})::int`,
        meanDaysToClose: sql<number | null>`(avg(${days}) filter (where ${isAnswered}))::float8`,
        medianDaysToClose: sql<number | null>`percentile_cont(0.5) within group (order by ${days}) filter (where ${isAnswered})`,
        p90DaysToClose: sql<number | null>`percentile_cont(0.9) within group (order by ${days}) filter (where ${isAnswered})`,
        overdueNow: sql<number>`count(*) filter (where ${isOpenWork} and ${requests.dueOn} < ${today})::int`,
        extendedRequests: sql<number>`count(*) filter (where ${requests.extensionCount} > 0)::int`,
        extensionsUsed: sql<number>`coalesce(sum(${requests.extensionCount}), 0)::int`,
      })
      .from(requests)
      .where(inRange),
    db
      .select({ basis: sql<RejectionBasis>`${requests.rejectionBasis}`, count: sql<number>`count(*)::int` })
      .from(requests)
      .where(and(inRange, eq(requests.status, 'rejected')))
      .groupBy(requests.rejectionBasis)
      .orderBy(sql`2 desc`, requests.rejectionBasis),
    // isFiledByAgent is in the report index too, so the split stays an index-only pass over the range.
    db
      .select({
        isFiledByAgent: requests.isFiledByAgent,
        received: sql<number>`count(*)::int`,
        open: sql<number>`count(*) filter (where ${isOpenWork})::int`,
        answered: sql<number>`count(*) filter (where ${isAnswered})::int`,
        answeredOnTime: sql<number>`count(*) filter (where ${isAnswered} and ${isClosedOnTime(timeZone)})::int`,
      })
      .from(requests)
      .where(inRange)
      .groupBy(requests.isFiledByAgent),
  ]);

  const answered = summary!.fulfilled + summary!.rejected;
  return {
    range,
    today,
    byMonth,
    summary: {
      ...summary!,
      answered,
      onTimeRate: answered === 0 ? null : summary!.answeredOnTime / answered,
      meanDaysToClose: toNumberOrNull(summary!.meanDaysToClose),
      medianDaysToClose: toNumberOrNull(summary!.medianDaysToClose),
      p90DaysToClose: toNumberOrNull(summary!.p90DaysToClose),
    },
    rejectionsByBasis: rejections.filter((row) => row.basis !== null),
    byFiler: (['agent', 'direct'] as const).map((filer) => {
      const row = filers.find((figures) => figures.isFiledByAgent === (filer === 'agent'));
      const figures = {
        received: row?.received ?? 0,
        open: row?.open ?? 0,
        answered: row?.answered ?? 0,
        answeredOnTime: row?.answeredOnTime ?? 0,
      };
      return { filer, ...figures, onTimeRate: figures.answered === 0 ? null : figures.answeredOnTime / figures.answered };
    }),
  };
}
