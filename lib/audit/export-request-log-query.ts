import type { Sql } from 'postgres';
import { activeStatuses, answeredStatuses, closedStatuses } from '@/lib/requests/request-status';
import type { TAuditExport } from '@/lib/validation/audit-export';

/**
 * The request log: one row per request, with what CCPA's record-keeping rule
 * asks the business to keep for 24 months (11 CCR §7101(a)): the date and
 * nature of the request, the manner it was made, the date and nature of the
 * response, and the basis for any denial, plus the deadline figures an
 * auditor checks timeliness with. Never the requester's email, name or account.
 * `via_agent` says whether an authorised agent filed it (11 CCR §7063), and keeps saying so after
 * the agent's name and email are minimised away.
 */
export const requestLogColumns = [
  'id',
  'reference',
  'received_at',
  'received_on',
  'type',
  'channel',
  'intake_channel',
  'gpc_signal',
  'via_agent',
  'identity_level',
  'appeal_of',
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

const isoTimestamp = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** A SQL string literal. COPY takes no bind parameters; every value here has passed the zod schema, and quoting makes any text inert. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function conditions(input: TAuditExport): string {
  // received_on is the calendar day of receipt in the organisation's time zone, so the filter days need no conversion.
  return [
    'where true',
    input.from ? `and r.received_on >= ${quoteLiteral(input.from)}::date` : '',
    input.to ? `and r.received_on <= ${quoteLiteral(input.to)}::date` : '',
    input.type ? `and r.type = ${quoteLiteral(input.type)}` : '',
    input.status ? `and r.status = ${quoteLiteral(input.status)}` : '',
  ].join(' ');
}

export function countRequestLogRows(sql: Sql, input: TAuditExport) {
  return sql.unsafe<{ count: number }[]>(`select count(*)::int as count from requests r ${conditions(input)}`);
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, a tab or a carriage return first, or their
 * full-width forms) gets a leading apostrophe, as csv-stringify's escape_formulas did: staff type some
 * of these fields (extension reasons, names).
 */
/** A status set of the state machine as SQL literals (the names are the code's own constants, never input). */
function statusList(statuses: readonly string[]): string {
  return statuses.map((status) => `'${status}'`).join(', ');
}

function neutralised(expression: string): string {
  return `case when left(${expression}, 1) in ('=', '+', '-', '@', chr(9), chr(13), '＝', '＋', '－', '＠') then '''' || ${expression} else ${expression} end`;
}

/**
 * The request log's query as text, for a cursor (NDJSON) or for `COPY … TO STDOUT` (CSV, where PostgreSQL
 * writes every byte and text cells are neutralised). Every value is cast to text (numbers stay integers)
 * in SQL, so the export's bytes depend on the data alone, not on the driver's date parsing.
 * Days taken count calendar days from receipt to closure in `timeZone`; a closed
 * request is on time when it closed on or before its (possibly extended) due day.
 */
export function requestLogQuery(input: TAuditExport, timeZone: string, { forSpreadsheet }: { forSpreadsheet: boolean }): string {
  const text = forSpreadsheet ? neutralised : (expression: string) => expression;
  const zone = quoteLiteral(timeZone);
  return `
    select
      r.id::text as id,
      ${text('r.reference')} as reference,
      to_char(r.received_at at time zone 'UTC', ${isoTimestamp}) as received_at,
      r.received_on::text as received_on,
      r.type::text as type,
      r.channel::text as channel,
      ${text('r.intake_channel_detail')} as intake_channel,
      case when r.gpc_signal then 'yes' else 'no' end as gpc_signal,
      case when r.is_filed_by_agent then 'yes' else 'no' end as via_agent,
      coalesce(r.verification_reached, '') || case when r.verification_overridden_at is not null then ' (overridden)' else '' end as identity_level,
      (select appealed.reference from requests appealed where appealed.id = r.appeal_of_id) as appeal_of,
      ${text('r.jurisdiction')} as jurisdiction,
      case when r.verified_at is null then 'no' else 'yes' end as verified,
      to_char(r.verified_at at time zone 'UTC', ${isoTimestamp}) as verified_at,
      r.original_due_on::text as original_due_on,
      r.due_on::text as due_on,
      r.extension_count,
      case when r.extension_count > 0 then r.due_on::text end as extended_to,
      ${text('r.extension_reason')} as extension_reason,
      r.paused_days,
      r.status::text as status,
      to_char(r.closed_at at time zone 'UTC', ${isoTimestamp}) as closed_at,
      case when r.status in (${statusList(closedStatuses)}) then r.status::text end as response,
      r.rejection_basis::text as rejection_basis,
      ((r.closed_at at time zone ${zone})::date - r.received_on) as days_taken,
      case
        when r.due_on is null then null
        when r.status in (${statusList(answeredStatuses)}) then
          case when (r.closed_at at time zone ${zone})::date <= r.due_on then 'on_time' else 'late' end
        when r.status in (${statusList(activeStatuses)}) then
          case when (now() at time zone ${zone})::date > r.due_on then 'overdue' else 'open' end
      end as timeliness,
      ${text("coalesce(nullif(s.name, ''), s.email)")} as assignee
    from requests r
    left join staff_members s on s.id = r.assignee_id
    ${conditions(input)}
    order by r.received_at, r.id
  `;
}

export function selectRequestLogRows(sql: Sql, input: TAuditExport, timeZone: string) {
  return sql.unsafe<RequestLogRow[]>(requestLogQuery(input, timeZone, { forSpreadsheet: false }));
}

/** The CSV (header first) exactly as PostgreSQL writes it; the caller only hashes and forwards the bytes. */
export async function copyRequestLogCsv(sql: Sql, input: TAuditExport, timeZone: string): Promise<AsyncIterable<Buffer>> {
  return sql
    .unsafe(`copy (${requestLogQuery(input, timeZone, { forSpreadsheet: true })}) to stdout with (format csv, header true)`)
    .readable();
}
