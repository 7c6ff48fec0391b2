import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { env } from '@/lib/env';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { confirmedReceivedBetween, daysToClose, isAnswered, isOpenWork, toNumberOrNull } from './report-sql';

/** CCPA's two request kinds we handle: export is a portable "request to know", so it counts with access. */
export const disclosureCategories = ['know', 'delete'] as const;
export type DisclosureCategory = (typeof disclosureCategories)[number];

export const disclosureCategoryLabels: Record<DisclosureCategory, string> = {
  know: 'Requests to know (access and export)',
  delete: 'Requests to delete',
};

export type DisclosureRow = {
  category: DisclosureCategory;
  received: number;
  /** Fulfilled: complied with in whole or in part. */
  compliedInWholeOrPart: number;
  /** Declined, on any basis. */
  denied: number;
  /** Withdrawn by the requester: received, but in neither of the two figures above. */
  withdrawn: number;
  stillOpen: number;
  medianDaysToRespond: number | null;
  meanDaysToRespond: number | null;
};

export type AnnualDisclosure = { year: number; rows: DisclosureRow[] };

export type GetAnnualDisclosureOptions = { actor: StaffActor; year: number };

/**
 * The yearly figures a business that handles many Californians' data must publish
 * (CCPA Regulations §7102(a), https://cppa.ca.gov/regulations/): per kind of
 * request received in the calendar year, how many were received, complied with in
 * whole or in part, and denied, and the median and mean days to respond.
 */
export async function getAnnualDisclosure(db: Database, { actor, year }: GetAnnualDisclosureOptions): Promise<AnnualDisclosure> {
  assertCan(actor, 'reports.read');
  const days = daysToClose(env().TIME_ZONE);
  const category = sql<DisclosureCategory>`case when ${requests.type} = 'deletion' then 'delete' else 'know' end`;
  const rows = await db
    .select({
      category,
      received: sql<number>`count(*)::int`,
      compliedInWholeOrPart: sql<number>`count(*) filter (where ${requests.status} = 'fulfilled')::int`,
      denied: sql<number>`count(*) filter (where ${requests.status} = 'rejected')::int`,
      withdrawn: sql<number>`count(*) filter (where ${requests.status} = 'cancelled')::int`,
      stillOpen: sql<number>`count(*) filter (where ${isOpenWork})::int`,
      medianDaysToRespond: sql<number | null>`percentile_cont(0.5) within group (order by ${days}) filter (where ${isAnswered})`,
      meanDaysToRespond: sql<number | null>`(avg(${days}) filter (where ${isAnswered}))::float8`,
    })
    .from(requests)
    .where(confirmedReceivedBetween({ from: `${year}-01-01`, to: `${year}-12-31` }))
    .groupBy(sql`1`);

  return {
    year,
    rows: disclosureCategories.map((name) => {
      const row = rows.find((candidate) => candidate.category === name);
      return row
        ? { ...row, category: name, medianDaysToRespond: toNumberOrNull(row.medianDaysToRespond), meanDaysToRespond: toNumberOrNull(row.meanDaysToRespond) }
        : { category: name, received: 0, compliedInWholeOrPart: 0, denied: 0, withdrawn: 0, stillOpen: 0, medianDaysToRespond: null, meanDaysToRespond: null };
    }),
  };
}
