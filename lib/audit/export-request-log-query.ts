import type { Sql } from 'postgres';
import { activeStatuses, answeredStatuses, closedStatuses } from '@/lib/requests/request-status';
import type { TAuditExport } from '@/lib/validation/audit-export';

/**
 * The request log: one row per request, with what CCPA's record-keeping rule
 * asks the business to keep for 24 months (11 CCR §7101(a)): the date and
 * nature of the request, the manner it was made, the date and nature of the
 * response, and the basis for any denial, plus the deadline figures an
 * auditor checks timeliness with. Never the requester's email, name or account.
 */
export const requestLogColumns = [
  'id',
  'reference',
  'received_at',
  'received_on',
  'type',
  'channel',
  'intake_channel',
  'jurisdiction',
  'verified',
  'verified_at',
  'original_due_on',
  'due_on',
  'extension_count',
  'extended_to',
  'extension_reason',
  'paused_days',
  'status',
  'closed_at',
  'response',
  'rejection_basis',
  'days_taken',
  'timeliness',
  'assignee',
] as const;

export type RequestLogRow = Record<(typeof requestLogColumns)[number], string | number | null>;

const isoTimestamp = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

function conditions(sql: Sql, input: TAuditExport) {
  // received_on is the calendar day of receipt in the organisation's time zone, so the filter days need no conversion.
  return sql`
    where true
    ${input.from ? sql`and r.received_on >= ${input.from}::date` : sql``}
    ${input.to ? sql`and r.received_on <= ${input.to}::date` : sql``}
    ${input.type ? sql`and r.type = ${input.type}` : sql``}
    ${input.status ? sql`and r.status = ${input.status}` : sql``}
  `;
}

export function countRequestLogRows(sql: Sql, input: TAuditExport) {
  return sql<{ count: number }[]>`select count(*)::int as count from requests r ${conditions(sql, input)}`;
}

/**
 * Every value is cast to text (numbers stay integers) in SQL, so the export's
 * bytes depend on the data alone, not on the driver's date parsing.
 * Days taken count calendar days from receipt to closure in `timeZone`; a closed
 * request is on time when it closed on or before its (possibly extended) due day.
 */
export function selectRequestLogRows(sql: Sql, input: TAuditExport, timeZone: string) {
  return sql<RequestLogRow[]>`
    select
      r.id::text as id,
      r.reference,
      to_char(r.received_at at time zone 'UTC', ${isoTimestamp}) as received_at,
      r.received_on::text as received_on,
      r.type::text as type,
      r.channel::text as channel,
      r.intake_channel_detail as intake_channel,
      r.jurisdiction,
      case when r.verified_at is null then 'no' else 'yes' end as verified,
      to_char(r.verified_at at time zone 'UTC', ${isoTimestamp}) as verified_at,
      r.original_due_on::text as original_due_on,
      r.due_on::text as due_on,
      r.extension_count,
      case when r.extension_count > 0 then r.due_on::text end as extended_to,
      r.extension_reason,
      r.paused_days,
      r.status::text as status,
      to_char(r.closed_at at time zone 'UTC', ${isoTimestamp}) as closed_at,
      case when r.status::text in ${sql(closedStatuses)} then r.status::text end as response,
      r.rejection_basis::text as rejection_basis,
      ((r.closed_at at time zone ${timeZone})::date - r.received_on) as days_taken,
      case
        when r.due_on is null then null
        when r.status::text in ${sql(answeredStatuses)} then
          case when (r.closed_at at time zone ${timeZone})::date <= r.due_on then 'on_time' else 'late' end
        when r.status::text in ${sql(activeStatuses)} then
          case when (now() at time zone ${timeZone})::date > r.due_on then 'overdue' else 'open' end
      end as timeliness,
      coalesce(nullif(s.name, ''), s.email) as assignee
    from requests r
    left join staff_members s on s.id = r.assignee_id
    ${conditions(sql, input)}
    order by r.received_at, r.id
  `;
}
