import { and, between, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import { requests } from '@/db/schema';
import { activeStatuses, answeredStatuses, neverConfirmedStatuses } from '@/lib/requests/request-status';
import type { ReportRange } from './resolve-report-range';

/**
 * SQL pieces every report shares, so "days to close" and "on time" mean the same
 * thing in each table, chart and CSV.
 */

/** Requests that became staff work: never-confirmed (unverified, expired) ones are no request at all. */
export function confirmedReceivedBetween({ from, to }: ReportRange): SQL {
  return and(notInArray(requests.status, [...neverConfirmedStatuses]), between(requests.receivedOn, from, to))!;
}

/** Closed by staff (fulfilled or declined). Withdrawn (cancelled) requests are listed but left out of compliance figures. */
export const isAnswered = inArray(requests.status, [...answeredStatuses]);

export const isOpenWork = inArray(requests.status, [...activeStatuses]);

/** The calendar day a request was closed on, in the organisation's time zone (the zone deadlines are counted in). */
export function closedOn(timeZone: string): SQL<string> {
  return sql<string>`(${requests.closedAt} at time zone ${timeZone})::date`;
}

/** Calendar days from the day of receipt to the day of closing. */
export function daysToClose(timeZone: string): SQL<number> {
  return sql<number>`(${closedOn(timeZone)} - ${requests.receivedOn})`;
}

/** Closed on or before the due date as it stood at closing (extensions and clock stops included). */
export function isClosedOnTime(timeZone: string): SQL<boolean> {
  return sql<boolean>`(${closedOn(timeZone)} <= ${requests.dueOn})`;
}

/** postgres.js returns bigint and numeric as strings: aggregates are cast in SQL, and null stays null. */
export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
