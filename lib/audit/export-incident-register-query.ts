import type { Sql } from 'postgres';
import type { TAuditExport } from '@/lib/validation/audit-export';

/**
 * The register of personal data breaches (GDPR Art. 33(5)) as one of the auditor's export logs:
 * one row per incident, with the facts, effects and remedial action, the regulator decision, and
 * how many people were found and notified. Never an address: the counts come from the searches and
 * the deliveries, and stay after the list of people is deleted.
 */
export const incidentRegisterColumns = [
  'reference',
  'title',
  'started_at',
  'discovered_at',
  'laws',
  'systems',
  'data_categories',
  'description',
  'likely_consequences',
  'measures_taken',
  'regulator_decision',
  'regulator_notified_at',
  'regulator_method',
  'regulator_reference',
  'not_required_reason',
  'decided_at',
  'people_affected',
  'notice_sent_at',
  'notices_delivered',
  'notices_bounced',
] as const;

const timestamp = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

function conditions(sql: Sql, input: TAuditExport, timeZone: string) {
  // Days bound the time of awareness, in the organisation's time zone. Request type and status filter requests: incidents have neither.
  return sql`
    where true
    ${input.from ? sql`and i.discovered_at >= (${input.from}::date)::timestamp at time zone ${timeZone}` : sql``}
    ${input.to ? sql`and i.discovered_at < (${input.to}::date + 1)::timestamp at time zone ${timeZone}` : sql``}
    ${input.type || input.status ? sql`and false` : sql``}
  `;
}

export function countIncidentRegisterRows(sql: Sql, input: TAuditExport, timeZone: string) {
  return sql<{ count: number }[]>`select count(*)::int as count from incidents i ${conditions(sql, input, timeZone)}`;
}

export function selectIncidentRegisterRows(sql: Sql, input: TAuditExport, timeZone: string) {
  return sql<Record<(typeof incidentRegisterColumns)[number], string | null>[]>`
    select
      i.reference,
      i.title,
      ${sql.unsafe(timestamp('i.started_at'))} as started_at,
      ${sql.unsafe(timestamp('i.discovered_at'))} as discovered_at,
      array_to_string(array(select jsonb_array_elements_text(i.regimes)), '; ') as laws,
      array_to_string(array(
        select coalesce(d.name, s.id) from jsonb_array_elements_text(i.source_ids) with ordinality as s(id, position)
        left join data_sources d on d.id::text = s.id order by s.position
      ), '; ') as systems,
      array_to_string(array(select jsonb_array_elements_text(i.data_categories)), '; ') as data_categories,
      i.description,
      i.likely_consequences,
      i.measures_taken,
      coalesce(i.regulator_decision, 'pending') as regulator_decision,
      ${sql.unsafe(timestamp('i.regulator_notified_at'))} as regulator_notified_at,
      i.regulator_method,
      i.regulator_reference,
      i.not_required_reason,
      ${sql.unsafe(timestamp('i.decided_at'))} as decided_at,
      (select coalesce(sum(l.people_added), 0) from incident_lookups l where l.incident_id = i.id)::text as people_affected,
      ${sql.unsafe(timestamp('i.notice_sent_at'))} as notice_sent_at,
      (select count(*) from incident_affected_people p join outbound_emails o on o.id = p.outbound_email_id
        where p.incident_id = i.id and o.status = 'sent')::text as notices_delivered,
      (select count(*) from incident_affected_people p join outbound_emails o on o.id = p.outbound_email_id
        where p.incident_id = i.id and o.status = 'failed')::text as notices_bounced
    from incidents i
    ${conditions(sql, input, timeZone)}
    order by i.discovered_at, i.id
  `;
}
