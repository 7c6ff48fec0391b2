import { and, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { env } from '@/lib/env';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { RequestType } from '@/lib/validation/request-type';
import { confirmedReceivedBetween, daysToClose, isAnswered, isOpenWork, toNumberOrNull } from './report-sql';

/**
 * The kinds §7102(a)(1) counts separately — to know (export is a portable request to know), to delete, to
 * correct, to opt out of sale/sharing, to limit — and, after them, the other types we handle, so every
 * request received is in exactly one row.
 */
export const disclosureCategories = [
  'know',
  'delete',
  'correct',
  'opt_out',
  'limit',
  'targeted_ads',
  'unsubscribe',
  'restriction',
  'objection',
  'appeal',
] as const;
export type DisclosureCategory = (typeof disclosureCategories)[number];

/** The request types each row counts (appeals excepted: they are counted once, in their own row, whatever their type). */
export const disclosureCategoryTypes: Record<Exclude<DisclosureCategory, 'appeal'>, readonly RequestType[]> = {
  know: ['access', 'export'],
  delete: ['deletion'],
  correct: ['correction'],
  opt_out: ['opt_out_sale'],
  limit: ['limit_sensitive'],
  targeted_ads: ['opt_out_targeted_ads'],
  unsubscribe: ['marketing_unsubscribe'],
  restriction: ['restriction'],
  objection: ['objection'],
};

export const disclosureCategoryLabels: Record<DisclosureCategory, string> = {
  know: 'Requests to know (access and export)',
  delete: 'Requests to delete',
  correct: 'Requests to correct',
  opt_out: 'Requests to opt out of sale or sharing',
  limit: 'Requests to limit use of sensitive personal information',
  targeted_ads: 'Requests to opt out of targeted advertising (other states)',
  unsubscribe: 'Marketing unsubscribes',
  restriction: 'Requests to restrict processing (GDPR)',
  objection: 'Objections to processing (GDPR)',
  appeal: 'Appeals of a refusal (complied with: granted; denied: refusal upheld)',
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
  const receivedInYear = confirmedReceivedBetween({ from: `${year}-01-01`, to: `${year}-12-31` });
  // One query per kind, side by side, rather than one grouped by kind: percentile_cont rules out hash
  // grouping, so Postgres would sort the whole year's requests by kind first (at a million requests about
  // half the disclosure's time, and a sort spilled to disk; see bench/README.md).
  const rows = await Promise.all(
    disclosureCategories.map(async (category): Promise<DisclosureRow> => {
      const [row] = await db
        .select({
          received: sql<number>`count(*)::int`,
          compliedInWholeOrPart: sql<number>`count(*) filter (where ${requests.status} = 'fulfilled')::int`,
          denied: sql<number>`count(*) filter (where ${requests.status} = 'rejected')::int`,
          withdrawn: sql<number>`count(*) filter (where ${requests.status} = 'cancelled')::int`,
          stillOpen: sql<number>`count(*) filter (where ${isOpenWork})::int`,
          medianDaysToRespond: sql<number | null>`percentile_cont(0.5) within group (order by ${days}) filter (where ${isAnswered})`,
          meanDaysToRespond: sql<number | null>`(avg(${days}) filter (where ${isAnswered}))::float8`,
        })
        .from(requests)
        .where(
          and(
            receivedInYear,
            category === 'appeal'
              ? isNotNull(requests.appealOfId)
              : and(isNull(requests.appealOfId), inArray(requests.type, [...disclosureCategoryTypes[category]])),
          ),
        );
      return {
        category,
        ...row!,
        medianDaysToRespond: toNumberOrNull(row!.medianDaysToRespond),
        meanDaysToRespond: toNumberOrNull(row!.meanDaysToRespond),
      };
    }),
  );
  return { year, rows };
}
