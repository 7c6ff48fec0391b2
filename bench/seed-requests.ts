import type postgres from 'postgres';
import { hashEmail } from '@/lib/security/keyed-hash';

/** The benches' staff: `bench-agent-1@example.test` … `bench-agent-20@example.test`. */
export const BENCH_AGENTS = 20;

/** Request DSR-2025-0000777 carries this address's keyed hash, so a search by email finds exactly one request. */
export const SEARCHED_EMAIL = 'searched.person@example.test';

export type SeedRequestsOptions = {
  rows: number;
  /**
   * Closed requests as a real desk closes them, received over this many days up to
   * yesterday: closing delays from a day to three and a half months (some past the due date),
   * 4 % extended once, declines spread over the six bases, types skewed towards
   * access and deletion. Without it, every closed request was received 45 to 744
   * days ago, closed 20 days after receipt, never extended and has no basis
   * (the data bench/queue.ts has always measured).
   */
  closedOverDays?: number;
};

/**
 * A queue that has been running for years: about 5 % of requests open (received
 * in the last 45 days), 1 % unconfirmed, 1 % expired unconfirmed, the rest closed
 * (fulfilled 80 %, rejected 8 %, cancelled 5 %); five jurisdictions; twenty agents;
 * 40 % of open requests unassigned; one open request in a thousand flagged with a
 * bounce. One `insert … select … from generate_series` statement; the spread is a
 * deterministic hash of the row number, so every run sees the same data.
 */
export async function seedRequests(client: postgres.Sql, { rows, closedOverDays }: SeedRequestsOptions): Promise<void> {
  const isVaried = closedOverDays !== undefined;
  const isConfirmed = `status not in ('unverified', 'expired')`;
  // Per jurisdiction (eu_gdpr, uk_gdpr, us_ca_ccpa, br_lgpd, other): days to the due date, and what one extension adds.
  const dueAfter = `(array[30, 30, 45, 15, 30])[region]`;
  const extensionAdds = `(array[60, 60, 45, 15, 30])[region]`;

  await client`insert into staff_members (email, name, role) select 'bench-agent-' || n || '@example.test', 'Bench agent ' || n, 'agent' from generate_series(1, ${BENCH_AGENTS}) n`;
  await client.unsafe(`
    with agents as (select array_agg(id order by email) as ids from staff_members where email like 'bench-agent-%'),
    spread as (
      select g, ((g::bigint * 7919) % 1000)::int as bucket, 1 + (g * 31) % 5 as region,
        (g * 37) % 100 as delay_bucket, (g * 43) % 100 < 4 as is_extended
      from generate_series(1, ${rows}) g
    ),
    shaped as (
      select g, region, is_extended,
        case when bucket < 20 then 'new' when bucket < 40 then 'in_progress' when bucket < 50 then 'awaiting_requester'
             when bucket < 60 then 'unverified' when bucket < 860 then 'fulfilled' when bucket < 940 then 'rejected'
             when bucket < 990 then 'cancelled' else 'expired' end as status,
        -- Days from receipt to closing: most well inside the deadline, a tail past it; an extension buys a month.
        case when delay_bucket < 60 then 1 + (g * 11) % 20 when delay_bucket < 85 then 10 + (g * 7) % 20
             when delay_bucket < 95 then 20 + (g * 3) % 30 else 35 + (g * 29) % 45 end
          + case when is_extended then 30 else 0 end as answer_days
      from spread
    ),
    closing as (
      select *, case when status = 'cancelled' then 1 + (g * 11) % 10 else answer_days end as close_days from shaped
    ),
    dated as (
      select *, case when status in ('new', 'in_progress', 'awaiting_requester', 'unverified') then current_date - ((g * 13) % 45)
                     ${
                       isVaried
                         ? `when status = 'expired' then current_date - 10 - ((g * 17) % ${closedOverDays})
                     else current_date - 1 - close_days - ((g * 17) % ${closedOverDays})`
                         : `else current_date - 45 - ((g * 17) % 700)`
                     } end as received_on
      from closing
    )
    insert into requests (reference, type, status, channel, jurisdiction, email_hash, email, full_name, received_at, received_on, verified_at, due_on, original_due_on,
                          extension_count, extension_reason, assignee_id, rejection_basis, last_error, closed_at)
    select
      'DSR-2025-' || lpad(g::text, 7, '0'),
      ${
        isVaried
          ? `(case when (g * 7) % 20 < 9 then 'access' when (g * 7) % 20 < 17 then 'deletion' else 'export' end)::request_type`
          : `(array['access', 'export', 'deletion'])[1 + g % 3]::request_type`
      },
      status::request_status,
      'web',
      (array['eu_gdpr', 'uk_gdpr', 'us_ca_ccpa', 'br_lgpd', 'other'])[region],
      md5('bench-email-' || g),
      -- Clear name and address, for the queue's partial search (pg_trgm): 24 × 40 names, an address per request.
      (array['ada', 'grace', 'mary', 'alan', 'hedy', 'katherine', 'dorothy', 'edsger', 'barbara', 'donald', 'frances', 'john',
             'radia', 'ken', 'margaret', 'tim', 'sophie', 'linus', 'anita', 'vint', 'shafi', 'leslie', 'annie', 'niklaus'])[1 + g % 24]
        || '.' || (array['lovelace', 'hopper', 'somerville', 'turing', 'lamarr', 'johnson', 'vaughan', 'dijkstra', 'liskov', 'knuth',
             'allen', 'backus', 'perlman', 'thompson', 'hamilton', 'berners-lee', 'wilson', 'torvalds', 'borg', 'cerf',
             'goldwasser', 'lamport', 'easley', 'wirth', 'clarke', 'nakamura', 'okafor', 'silva', 'novak', 'haddad',
             'kowalski', 'moreau', 'schmidt', 'rossi', 'jensen', 'tanaka', 'mensah', 'garcia', 'oconnor', 'ivanova'])[1 + (g / 24) % 40]
        || '.' || g || '@example.test',
      initcap((array['ada', 'grace', 'mary', 'alan', 'hedy', 'katherine', 'dorothy', 'edsger', 'barbara', 'donald', 'frances', 'john',
             'radia', 'ken', 'margaret', 'tim', 'sophie', 'linus', 'anita', 'vint', 'shafi', 'leslie', 'annie', 'niklaus'])[1 + g % 24])
        || ' ' || initcap((array['lovelace', 'hopper', 'somerville', 'turing', 'lamarr', 'johnson', 'vaughan', 'dijkstra', 'liskov', 'knuth',
             'allen', 'backus', 'perlman', 'thompson', 'hamilton', 'berners-lee', 'wilson', 'torvalds', 'borg', 'cerf',
             'goldwasser', 'lamport', 'easley', 'wirth', 'clarke', 'nakamura', 'okafor', 'silva', 'novak', 'haddad',
             'kowalski', 'moreau', 'schmidt', 'rossi', 'jensen', 'tanaka', 'mensah', 'garcia', 'oconnor', 'ivanova'])[1 + (g / 24) % 40]),
      received_on::timestamptz,
      received_on,
      case when status in ('unverified', 'expired') then null else received_on::timestamptz end,
      case when status in ('unverified', 'expired') then null
           else received_on + ${dueAfter}${isVaried ? ` + case when is_extended then ${extensionAdds} else 0 end` : ''} end,
      ${isVaried ? `case when ${isConfirmed} then received_on + ${dueAfter} end` : 'null'},
      ${isVaried ? `case when ${isConfirmed} and is_extended then 1 else 0 end` : '0'},
      ${isVaried ? `case when ${isConfirmed} and is_extended then 'Records held in several systems.' end` : 'null'},
      case when status in ('unverified', 'expired') then null
           when status in ('new', 'in_progress', 'awaiting_requester') and g % 5 < 2 then null
           else agents.ids[1 + (g / 5) % ${BENCH_AGENTS}] end,
      ${
        isVaried
          ? `case when status = 'rejected' then (case (g * 41) % 20 when 0 then 'spam' when 1 then 'legal_exemption' when 2 then 'legal_exemption'
               when 3 then 'manifestly_unfounded_or_excessive' when 4 then 'manifestly_unfounded_or_excessive'
               when 5 then 'duplicate' when 6 then 'duplicate' when 7 then 'duplicate'
               when 8 then 'no_data_held' when 9 then 'no_data_held' when 10 then 'no_data_held'
               else 'identity_not_verified' end)::rejection_basis end`
          : 'null'
      },
      case when status in ('new', 'in_progress') and g % 997 = 0 then 'Email to the requester bounced: 550 mailbox unavailable' end,
      case when status in ('fulfilled', 'rejected', 'cancelled') then
        ${isVaried ? `received_on::timestamptz + close_days * interval '1 day' + (8 + (g * 53) % 10) * interval '1 hour'` : `received_on::timestamptz + interval '20 days'`} end
    from dated cross join agents`);
  await client`update requests set email_hash = ${hashEmail(SEARCHED_EMAIL)}, email = ${SEARCHED_EMAIL}, full_name = 'Searched Person' where reference = 'DSR-2025-0000777'`;
  // VACUUM as autovacuum would have by now: it sets the visibility map that index-only scans rely on.
  await client`vacuum analyze requests`;
}

/** One line: how many requests of each status the seed made. */
export async function describeRequests(client: postgres.Sql): Promise<string> {
  const rows = await client<
    { status: string; total: number }[]
  >`select status, count(*)::int as total from requests group by status order by status`;
  return rows.map((row) => `${row.status} ${row.total.toLocaleString('en')}`).join(', ');
}
