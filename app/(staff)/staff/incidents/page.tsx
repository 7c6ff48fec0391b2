import type { Metadata } from 'next';
import Link from 'next/link';
import { DateTimeText } from '@/components/date-time-text';
import { getDb } from '@/lib/database';
import { listIncidents } from '@/lib/incidents/list-incidents';
import { can } from '@/lib/staff/permissions';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { clockSummary, mostUrgent } from './regulator-clock-summary';

export const metadata: Metadata = { title: 'Incidents' };

export default async function IncidentsPage() {
  const actor = await requireStaffPage('incidents.read');
  const rows = await listIncidents(getDb(), { actor });
  return (
    <>
      <h1>Personal data breaches</h1>
      <p className="lead">
        Each breach, when you became aware of it, and the regulator clocks that run from then (72 hours under GDPR and UK GDPR). The
        register below is the record GDPR Art. 33(5) asks you to keep, including breaches you did not have to report.
      </p>
      <p>
        {can(actor.role, 'incidents.manage') ? (
          <>
            <Link className="button" href="/staff/incidents/new">
              Record a breach
            </Link>{' '}
          </>
        ) : null}
        <a href="/api/incidents/register">Download the breach register (CSV)</a>
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">
          No breaches recorded. When one happens, record it here at once: the regulator clock starts when you become aware of it.
        </p>
      ) : (
        <table className="data">
          <caption className="table-caption">Breaches, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Title</th>
              <th scope="col">Aware since</th>
              <th scope="col">Regulator</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ incident, clocks }) => {
              const urgent = mostUrgent(clocks);
              return (
                <tr key={incident.id}>
                  <td>
                    <Link href={`/staff/incidents/${incident.reference}`}>{incident.reference}</Link>
                  </td>
                  <td>{incident.title}</td>
                  <td>
                    <DateTimeText date={incident.discoveredAt} />
                  </td>
                  <td>
                    {incident.regulatorDecision === 'notified'
                      ? 'Notified'
                      : incident.regulatorDecision === 'not_required'
                        ? 'Not required'
                        : urgent
                          ? `${clockSummary(urgent)} (${urgent.rule.label})`
                          : 'Pending'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
