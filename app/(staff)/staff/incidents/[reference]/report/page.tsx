import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { getIncidentReport } from '@/lib/incidents/get-incident-report';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { dataCategoryLabels, type DataCategory } from '@/lib/validation/incident';
import { clockSummary } from '../../regulator-clock-summary';

type Params = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Incident report ${(await params).reference}` };
}

/** The printable incident report: the browser's Print (or Save as PDF) gives the document the privacy policies promise. */
export default async function IncidentReportPage({ params }: Params) {
  const actor = await requireStaffPage('incidents.read');
  const { reference } = await params;
  let report: Awaited<ReturnType<typeof getIncidentReport>>;
  try {
    report = await getIncidentReport(getDb(), { actor, reference });
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) notFound();
    throw error;
  }
  const { incident, sources, clocks } = report;
  const { TIME_ZONE } = env();
  const inZone = (date: Date) =>
    `${new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(date)} (${TIME_ZONE})`;
  return (
    <article className="incident-report">
      <p className="lead">Personal data breach report · {incident.reference}</p>
      <h1>{incident.title}</h1>
      <p className="field__hint">Generated {inZone(new Date())}. Use your browser’s Print to keep it as a PDF.</p>

      <h2>What happened</h2>
      <dl className="summary">
        <dt>Started</dt>
        <dd>{incident.startedAt ? inZone(incident.startedAt) : 'Not known'}</dd>
        <dt>Became aware</dt>
        <dd>{inZone(incident.discoveredAt)}</dd>
        <dt>Description</dt>
        <dd className="preserve-lines">{incident.description}</dd>
        <dt>Systems involved</dt>
        <dd>{sources.length ? sources.map((source) => source.name).join(', ') : 'None named'}</dd>
        <dt>Likely consequences</dt>
        <dd className="preserve-lines">{incident.likelyConsequences || 'Not described'}</dd>
        <dt>Measures taken</dt>
        <dd className="preserve-lines">{incident.measuresTaken || 'Not described'}</dd>
      </dl>

      <h2>Regulator notification</h2>
      {incident.regulatorDecision === 'notified' ? (
        <p data-testid="report-regulator">
          Notified on {inZone(incident.regulatorNotifiedAt!)} by {incident.regulatorMethod}
          {incident.regulatorReference ? ` (their reference ${incident.regulatorReference})` : ''}.
        </p>
      ) : incident.regulatorDecision === 'not_required' ? (
        <p data-testid="report-regulator" className="preserve-lines">
          Not notified: judged unlikely to result in a risk to people (GDPR Art. 33(1)). {incident.notRequiredReason}
        </p>
      ) : (
        <p data-testid="report-regulator">No decision recorded yet.</p>
      )}
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Law</th>
            <th scope="col">Deadline</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {clocks.map((clock) => (
            <tr key={clock.rule.regime}>
              <th scope="row">
                {clock.rule.label} <small>({clock.rule.citation})</small>
              </th>
              <td>{clock.deadline ? inZone(clock.deadline) : 'Without undue delay'}</td>
              <td>{clockSummary(clock)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>People affected</h2>
      <p>
        <strong data-testid="report-people">{report.peopleAffected.toLocaleString('en')}</strong> people, each counted once across systems.
      </p>
      <table className="data">
        <caption className="table-caption">By system</caption>
        <thead>
          <tr>
            <th scope="col">System</th>
            <th scope="col">Searches</th>
            <th scope="col">People found</th>
            <th scope="col">Counted here (not found before)</th>
          </tr>
        </thead>
        <tbody>
          {report.countsBySource.map((source) => (
            <tr key={source.sourceName}>
              <th scope="row">{source.sourceName}</th>
              <td>{source.searches}</td>
              <td>{source.peopleFound.toLocaleString('en')}</td>
              <td>{source.peopleAdded.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data">
        <caption className="table-caption">By kind of data</caption>
        <thead>
          <tr>
            <th scope="col">Kind of data</th>
            <th scope="col">People it may concern</th>
          </tr>
        </thead>
        <tbody>
          {report.countsByCategory.map((entry) => (
            <tr key={entry.category}>
              <th scope="row">{dataCategoryLabels[entry.category as DataCategory] ?? entry.category}</th>
              <td>{entry.people.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Notice to the people affected</h2>
      {report.notice ? (
        <>
          <p>
            Sent {inZone(report.notice.sentAt)}: {report.deliveries.sent.toLocaleString('en')} delivered,{' '}
            {report.deliveries.bounced.toLocaleString('en')} bounced, {report.deliveries.retrying.toLocaleString('en')} still retrying.
          </p>
          <p>
            <strong>Subject:</strong> {report.notice.subject}
          </p>
          <pre className="preserve-lines" data-testid="report-notice">
            {report.notice.text}
          </pre>
        </>
      ) : (
        <p>No notice has been sent.</p>
      )}

      <h2>Timeline</h2>
      <ol className="timeline">
        {report.timeline.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is positional, rendered once
          <li key={index}>
            {inZone(entry.at)} — {entry.label}
            {entry.by ? ` by ${entry.by}` : ''}
          </li>
        ))}
      </ol>
    </article>
  );
}
