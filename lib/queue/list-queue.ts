import type { RequestType } from '@/lib/validation/request-type';
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { requestSearch, requests, staffMembers } from '@/db/schema';
import { addDays, toCalendarDate } from '@/lib/deadlines/calendar-date';
import { DUE_SOON_DAYS } from '@/lib/deadlines/describe-sla';
import { env } from '@/lib/env';
import { activeStatuses, type RequestStatus } from '@/lib/requests/request-status';
import { hashEmail } from '@/lib/security/keyed-hash';
import { assertCan, type UseCaseActor, staffIdOf } from '@/lib/staff/staff-actor';
import type { QueueSort, TQueueFilters } from '@/lib/validation/queue-filters';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';
import { countRequestsByStatus } from './count-requests-by-status';
import { identityBadge, type IdentityBadge } from '@/lib/verification/identity-badge';

export const QUEUE_PAGE_SIZE = 50;
/** The queue's open work: confirmed and not closed (the state machine's active statuses). */
export const openVerified = activeStatuses;

export type QueueRow = {
  id: string;
  reference: string;
  type: RequestType;
  jurisdiction: string;
  status: RequestStatus;
  receivedOn: string;
  dueOn: string;
  assigneeName: string | null;
  lastError: string | null;
  /** An appeal of a refused request: shown with an "Appeal" badge. */
  isAppeal: boolean;
  /** The identity level reached, as the queue's badge says it (lib/verification). */
  identity: IdentityBadge;
  /** Filed by an authorised agent. */
  isViaAgent: boolean;
  /** Null once the personal data was minimised. */
  requesterName: string | null;
  requesterEmail: string | null;
  /** The requester wrote last (replied to a question) and no staff note followed: "Replied". */
  hasUnreadReply: boolean;
};

export type QueuePage = {
  rows: QueueRow[];
  nextCursor: string | null;
  /** Open statuses only: see the comment on the count query. */
  statusCounts: Partial<Record<(typeof openVerified)[number], number>>;
  /** False on a fresh install (no confirmed request ever), so the page can say so instead of "no match". */
  hasAnyRequests: boolean;
  today: string;
  /** A search looks through closed requests too unless asked for open ones only; the page says which. */
  searchScope: 'open_and_closed' | 'as_filtered' | null;
};

/**
 * The staff queue: confirmed requests, most urgent first, filtered as the URL
 * says, one page at a time by keyset (due date, id) so page 1,000 costs what page
 * 1 does. Indexes: requests_open_by_due, requests_open_by_assignee_due (see db/schema/requests.ts).
 */
export async function listQueue(db: Database, { actor, filters }: { actor: UseCaseActor; filters: TQueueFilters }): Promise<QueuePage> {
  assertCan(actor, 'requests.read');
  const today = toCalendarDate(new Date(), env().TIME_ZONE);
  // Unconfirmed and expired-unconfirmed requests have no due date and are not staff work.
  const conditions: SQL[] = [ne(requests.status, 'unverified'), isNotNull(requests.dueOn)];

  // A search finds the person whatever became of their requests: with the default status (open) it
  // looks through closed requests too, unless the agent asked for open ones only.
  // The filter form always sends its Status select, so the default 'open' counts as no choice here.
  const isSearchWidened = Boolean(filters.q) && (filters.status === undefined || filters.status === 'open') && !filters.openOnly;
  const status = isSearchWidened ? 'all' : (filters.status ?? 'open');
  if (status === 'open') conditions.push(inArray(requests.status, [...openVerified]));
  else if (status !== 'all') conditions.push(eq(requests.status, status));
  if (filters.type) conditions.push(eq(requests.type, filters.type));
  if (filters.jurisdiction) conditions.push(eq(requests.jurisdiction, filters.jurisdiction));
  const me = staffIdOf(actor);
  // An API key is nobody's colleague: "mine" is an empty list for it.
  if (filters.assignee === 'me') conditions.push(me ? eq(requests.assigneeId, me) : sql`false`);
  else if (filters.assignee === 'unassigned') conditions.push(isNull(requests.assigneeId));
  else if (filters.assignee && filters.assignee !== 'anyone') conditions.push(eq(requests.assigneeId, filters.assignee));
  if (filters.overdue) conditions.push(lt(requests.dueOn, today), inArray(requests.status, [...openVerified]));
  if (filters.dueSoon)
    conditions.push(
      gte(requests.dueOn, today),
      lte(requests.dueOn, addDays(today, DUE_SOON_DAYS)),
      inArray(requests.status, [...openVerified]),
    );
  if (filters.receivedFrom) conditions.push(gte(requests.receivedOn, filters.receivedFrom));
  if (filters.receivedTo) conditions.push(lte(requests.receivedOn, filters.receivedTo));
  if (filters.q) conditions.push(await searchCondition(db, filters.q.trim()));
  const filtered = and(...conditions);

  const sort: QueueSort = filters.sort ?? 'due';
  const { column, cast, isDescending } = sortColumns[sort.replace('-', '') as SortKey](sort.startsWith('-'));
  const cursor = decodeQueueCursor(filters.after, sort);
  const page = await db
    .select({
      id: requests.id,
      reference: requests.reference,
      type: requests.type,
      jurisdiction: requests.jurisdiction,
      status: requests.status,
      receivedOn: requests.receivedOn,
      dueOn: requests.dueOn,
      assigneeName: sql<string | null>`coalesce(nullif(${staffMembers.name}, ''), ${staffMembers.email})`,
      lastError: requests.lastError,
      isAppeal: sql<boolean>`${requests.appealOfId} is not null`,
      isViaAgent: requests.isFiledByAgent,
      verificationRequired: requests.verificationRequired,
      verificationReached: requests.verificationReached,
      verificationDataPointsMatched: requests.verificationDataPointsMatched,
      verificationOverriddenAt: requests.verificationOverriddenAt,
      verificationLockedAt: requests.verificationLockedAt,
      requesterName: requests.fullName,
      requesterEmail: requests.email,
      // The newest note per row, from request_notes_by_request (request_id, created_at): fifty probes a page.
      hasUnreadReply: sql<boolean>`coalesce((select n.is_from_requester from request_notes n where n.request_id = ${requests.id} order by n.created_at desc limit 1), false)`,
      sortValue: sql<string>`${column}::text`,
    })
    .from(requests)
    .leftJoin(staffMembers, eq(staffMembers.id, requests.assigneeId))
    // A row comparison, not "a > x or (a = x and b > y)": Postgres turns it into one index range start.
    .where(
      and(
        filtered,
        cursor
          ? isDescending
            ? sql`(${column}, ${requests.id}) < (${cursor.value}::${sql.raw(cast)}, ${cursor.id}::uuid)`
            : sql`(${column}, ${requests.id}) > (${cursor.value}::${sql.raw(cast)}, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(...(isDescending ? [desc(column), desc(requests.id)] : [asc(column), asc(requests.id)]))
    .limit(QUEUE_PAGE_SIZE + 1);

  const rows = page
    .slice(0, QUEUE_PAGE_SIZE)
    .map(
      ({
        sortValue: _sortValue,
        verificationRequired,
        verificationReached,
        verificationDataPointsMatched,
        verificationOverriddenAt,
        verificationLockedAt,
        ...row
      }) => ({
        ...row,
        identity: identityBadge({
          verificationRequired,
          verificationReached,
          verificationDataPointsMatched,
          verificationOverriddenAt,
          verificationLockedAt,
        }),
      }),
    ) as QueueRow[];
  const last = page.at(QUEUE_PAGE_SIZE - 1);
  const nextCursor = page.length > QUEUE_PAGE_SIZE && last ? encodeQueueCursor({ sort, value: last.sortValue, id: last.id }) : null;

  // Counts for the tabs, open statuses only and ignoring the other filters, from the status counters the
  // triggers on `requests` keep (db/schema/request-status-counts.ts): two small tables, never `requests`, so
  // a churn of claims cannot slow the page down before VACUUM runs (see bench/README.md).
  const statusCounts = await countRequestsByStatus(db, openVerified);
  const hasAnyRequests =
    rows.length > 0 ||
    Object.keys(statusCounts).length > 0 ||
    (await db.select({ id: requests.id }).from(requests).where(ne(requests.status, 'unverified')).limit(1)).length > 0;
  return {
    rows,
    nextCursor,
    statusCounts,
    hasAnyRequests,
    today,
    searchScope: filters.q ? (isSearchWidened ? 'open_and_closed' : 'as_filtered') : null,
  };
}

type SortKey = 'due' | 'received' | 'reference';

/**
 * Each sortable column, with the cast its cursor value takes. Every one is NOT NULL on a confirmed
 * request, so the (column, id) row comparison pages without gaps: due and received walk the
 * requests_*_by_due / requests_report_by_received_on indexes; reference its unique index.
 */
const sortColumns: Record<SortKey, (isDescending: boolean) => { column: AnyPgColumn; cast: 'date' | 'text'; isDescending: boolean }> = {
  due: (isDescending) => ({ column: requests.dueOn, cast: 'date', isDescending }),
  received: (isDescending) => ({ column: requests.receivedOn, cast: 'date', isDescending }),
  reference: (isDescending) => ({ column: requests.reference, cast: 'text', isDescending }),
};

/** A whole reference as the app writes it (lib/requests/format-reference.ts), in any letter case. */
const wholeReference = /^DSR-\d{4}-\d{6,}$/i;
/** A whole email address: something@domain.tld, nothing around it. */
const wholeEmailAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What the search box matches. A whole reference, or a whole address someone filed with, is found exactly:
 * the reference by its unique index, the address by its keyed hash (which outlives minimisation), each
 * checked first with one index probe. Neither is sent through the trigram indexes, where the trigrams every
 * reference and many addresses share ("dsr", "-20", "com") make one match read thousands of index pages at a
 * million requests. Anything else, and a whole term that finds nothing exactly, is part of a reference, an
 * address or a name: ILIKE '%…%' answered by the pg_trgm GIN indexes of request_search
 * (db/schema/request-search.ts), as one IN over the matches, so the planner joins the few found to requests
 * instead of testing every row.
 */
async function searchCondition(db: Database, q: string): Promise<SQL> {
  const exact = wholeReference.test(q)
    ? eq(requests.reference, q.toUpperCase())
    : wholeEmailAddress.test(q)
      ? eq(requests.emailHash, hashEmail(q))
      : null;
  if (exact && (await db.select({ found: sql`1` }).from(requests).where(exact).limit(1)).length > 0) return exact;
  const pattern = `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const matching = sql`select ${requestSearch.requestId} from ${requestSearch} where ${or(
    ilike(requestSearch.reference, pattern),
    ilike(requestSearch.email, pattern),
    ilike(requestSearch.fullName, pattern),
  )}`;
  return sql`${requests.id} in (${matching})`;
}
