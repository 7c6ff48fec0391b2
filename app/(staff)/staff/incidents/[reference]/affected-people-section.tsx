import { DateTimeText } from '@/components/date-time-text';
import type { IncidentRow } from '@/db/schema';
import { getDb } from '@/lib/database';
import { getAffectedPeopleSummary } from '@/lib/incidents/get-affected-people-summary';
import { listLookupSources } from '@/lib/incidents/list-lookup-sources';
import { can } from '@/lib/staff/permissions';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { comparisonLabels } from '@/lib/validation/incident-affected';
import type { TAffectedFilter } from '@/lib/validation/incident-affected';
import { AffectedLookupForm } from './affected-lookup-form';
import { RetryLookupForm } from './retry-lookup-form';

const statusLabels = {
  queued: 'Waiting',
  running: 'Running',
  awaiting_callback: "Waiting for the system's answer",
  done: 'Done',
  failed: 'Failed',
} as const;

function describeFilter(filter: TAffectedFilter): string {
  const conditions = filter.conditions.map((condition) => {
    if (condition.operator === 'in') return `${condition.column} in a list of ${condition.values.length.toLocaleString('en')}`;
    if (!('value' in condition)) return `${condition.column} ${condition.operator === 'is_empty' ? 'is empty' : 'is not empty'}`;
    return `${condition.column} ${comparisonLabels[condition.operator]} ${condition.value}`;
  });
  return `${filter.table}: ${conditions.join(' and ')}`;
}

/** Who is affected: each search by system, the list's size, and (for staff who manage incidents) the form to search. */
export async function AffectedPeopleSection({ actor, incident }: { actor: StaffActor; incident: IncidentRow }) {
  const { lookups, progress } = await getAffectedPeopleSummary(getDb(), { actor, incident });
  const canManage = can(actor.role, 'incidents.manage');
  const sources = canManage && !incident.affectedListDeletedAt ? await listLookupSources(getDb(), { actor, incident }) : [];
  return (
    <section className="panel" aria-labelledby="affected-heading">
      <h2 id="affected-heading">Who is affected</h2>
      {incident.affectedListDeletedAt ? (
        <p>
          The list of affected people was deleted at the end of its retention period (<DateTimeText date={incident.affectedListDeletedAt} />
          ); the counts below remain.
        </p>
      ) : (
        <p>
          <strong data-testid="affected-count">{progress.listed.toLocaleString('en')}</strong>{' '}
          {progress.listed === 1 ? 'person is' : 'people are'} on the list (each address once, stored encrypted).
        </p>
      )}
      {lookups.length > 0 ? (
        <table className="data">
          <caption className="table-caption">Searches, newest first</caption>
          <thead>
            <tr>
              <th scope="col">System</th>
              <th scope="col">Rows</th>
              <th scope="col">Status</th>
              <th scope="col">People found</th>
              <th scope="col">New to the list</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {lookups.map((lookup) => (
              <tr key={lookup.id}>
                <th scope="row">{lookup.sourceName}</th>
                <td>{describeFilter(lookup.filter)}</td>
                <td className={lookup.status === 'failed' ? 'flag' : undefined}>
                  {statusLabels[lookup.status]}
                  {lookup.error ? `: ${lookup.error}` : ''}
                  {lookup.status === 'failed' && canManage && !incident.affectedListDeletedAt ? (
                    <RetryLookupForm reference={incident.reference} lookupId={lookup.id} sourceName={lookup.sourceName} />
                  ) : null}
                </td>
                <td>
                  {lookup.peopleFound.toLocaleString('en')}
                  {lookup.peopleRejected > 0
                    ? ` (${lookup.peopleRejected.toLocaleString('en')} ${lookup.peopleRejected === 1 ? 'entry was not an email address' : 'entries were not email addresses'}, left out)`
                    : ''}
                </td>
                <td>{lookup.peopleAdded.toLocaleString('en')}</td>
                <td>
                  <DateTimeText date={lookup.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canManage && !incident.affectedListDeletedAt ? (
        sources.length > 0 ? (
          <details className="request-action">
            <summary>Find affected people in a system</summary>
            {sources.some((source) => source.kind === 'webhook') ? (
              <p>
                A webhook system is sent the filter in a signed <code>breach_lookup</code> job and answers with the addresses: it has no dry
                run, and its count appears here when its answer is in.
              </p>
            ) : null}
            <AffectedLookupForm
              reference={incident.reference}
              sources={sources.map((source) => ({
                id: source.id,
                name: source.name,
                tables: source.tables.map((table) => ({ table: table.table, columns: table.columns })),
              }))}
            />
          </details>
        ) : (
          <p>
            Name a PostgreSQL, MySQL/MariaDB or (enabled) webhook system among those involved (Edit the incident) to search it for the
            people affected.
          </p>
        )
      ) : null}
    </section>
  );
}
