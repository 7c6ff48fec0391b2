import type { Sql } from 'postgres';
import type { TAuditExport } from '@/lib/validation/audit-export';

/** The event log: one row per audit event, in chain order, with the hashes a verifier recomputes. */
export const eventLogColumns = [
  'id',
  'created_at',
  'request_reference',
  'actor_type',
  'actor_name',
  'action',
  'details',
  'ip',
  'hash',
  'previous_hash',
] as const;

export type EventLogRow = Record<(typeof eventLogColumns)[number], string | null>;

function conditions(sql: Sql, input: TAuditExport, timeZone: string) {
  // The filter days are calendar days in the organisation's time zone: midnight there to the next midnight.
  return sql`
    where true
    ${input.from ? sql`and e.created_at >= (${input.from}::date)::timestamp at time zone ${timeZone}` : sql``}
    ${input.to ? sql`and e.created_at < (${input.to}::date + 1)::timestamp at time zone ${timeZone}` : sql``}
    ${input.type ? sql`and r.type = ${input.type}` : sql``}
    ${input.status ? sql`and r.status = ${input.status}` : sql``}
  `;
}

export function countEventLogRows(sql: Sql, input: TAuditExport, timeZone: string) {
  return sql<{ count: number }[]>`
    select count(*)::int as count
    from request_events e
    left join requests r on r.id = e.request_id
    ${conditions(sql, input, timeZone)}
  `;
}

/** Staff and API keys are named (the auditor needs who did it); requesters and the system are only their actor type. */
export function selectEventLogRows(sql: Sql, input: TAuditExport, timeZone: string) {
  return sql<EventLogRow[]>`
    select
      e.id::text as id,
      to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
      r.reference as request_reference,
      e.actor_type::text as actor_type,
      case when e.actor_type = 'staff' then coalesce(nullif(s.name, ''), s.email, e.actor_id) when e.actor_type = 'api_key' then e.details->>'apiKeyName' end as actor_name,
      e.action,
      e.details::text as details,
      host(e.ip) as ip,
      e.hash,
      e.previous_hash
    from request_events e
    left join requests r on r.id = e.request_id
    left join staff_members s on s.id::text = e.actor_id
    ${conditions(sql, input, timeZone)}
    order by e.id
  `;
}
