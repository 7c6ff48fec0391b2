import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DateTimeText } from '@/components/date-time-text';
import { getDb } from '@/lib/database';
import { listDataSources } from '@/lib/data-sources/list-data-sources';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { getIncident } from '@/lib/incidents/get-incident';
import { formatBytes } from '@/lib/format/format-bytes';
import { incidentEventLabels } from '@/lib/incidents/incident-event-labels';
import { toWallClockTime } from '@/lib/incidents/zoned-date-time';
import { can } from '@/lib/staff/permissions';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { dataCategoryLabels, type DataCategory } from '@/lib/validation/incident';
import { updateIncidentAction } from '../actions';
import { IncidentForm } from '../incident-form';
import { clockSummary } from '../regulator-clock-summary';
import { RegulatorDecisionForms } from './regulator-decision-form';
import { AffectedPeopleSection } from './affected-people-section';
import { NoticeSection } from './notice-section';

type Params = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Incident ${(await params).reference}` };
}

async function loadIncident(reference: string) {
  const actor = await requireStaffPage('incidents.read');
  try {
    return { actor, detail: await getIncident(getDb(), { actor, reference }) };
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) notFound();
    throw error;
  }
}

export default async function IncidentPage({ params }: Params) {
  const { actor, detail } = await loadIncident((await params).reference);
  const { incident, sources, events, documents, clocks } = detail;
  const { TIME_ZONE } = env();
  const canManage = can(actor.role, 'incidents.manage');
  const editableSources = canManage
    ? (await listDataSources(getDb(), { actor })).map((source) => ({ id: source.id, name: source.name }))
    : [];
  const inZone = (date: Date) =>
    `${new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(date)} (${TIME_ZONE})`;

  return (
    <>
      <p className="lead">Incident {incident.reference}</p>
      <h1>{incident.title}</h1>

      <section className="panel" aria-labelledby="clock-heading">
        <h2 id="clock-heading">Regulator clock</h2>
        <table className="data">
          <caption className="table-caption">
            Deadlines to notify the regulator, counted from awareness ({inZone(incident.discoveredAt)})
          </caption>
          <thead>
            <tr>
              <th scope="col">Law</th>
              <th scope="col">Who is told</th>
              <th scope="col">Deadline</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {clocks.map((clock) => (
              <tr key={clock.rule.regime}>
                <th scope="row">
                  {clock.rule.label}
                  <br />
                  <small>{clock.rule.citation}</small>
                </th>
                <td>{clock.rule.authority}</td>
                <td>{clock.deadline ? inZone(clock.deadline) : 'Without undue delay'}</td>
                <td className={clock.state === 'overdue' ? 'flag' : undefined}>{clockSummary(clock)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {incident.regulatorDecision === 'notified' ? (
          <p className="notice notice--ok">
            The regulator was notified on {inZone(incident.regulatorNotifiedAt!)} by {incident.regulatorMethod}
            {incident.regulatorReference ? ` (their reference ${incident.regulatorReference})` : ''}.
          </p>
        ) : incident.regulatorDecision === 'not_required' ? (
          <div className="notice notice--ok">
            <p>Recorded as not requiring notification (GDPR Art. 33(1)):</p>
            <p className="preserve-lines">{incident.notRequiredReason}</p>
          </div>
        ) : canManage ? (
          <RegulatorDecisionForms
            reference={incident.reference}
            version={incident.version}
            now={toWallClockTime(new Date(), TIME_ZONE)}
            timeZone={TIME_ZONE}
          />
        ) : (
          <p>No regulator decision is recorded yet.</p>
        )}
        {documents.length > 0 ? (
          <>
            <h3>Copy of what the regulator was sent</h3>
            <ul className="file-list">
              {documents.map((document) => (
                <li key={document.id}>
                  <a href={`/api/incidents/documents/${document.id}`}>{document.fileName}</a>{' '}
                  <span className="field__hint">
                    {formatBytes(document.sizeBytes)}, SHA-256 <code>{document.sha256.slice(0, 16)}…</code>
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="facts-heading">
        <h2 id="facts-heading">What happened</h2>
        <dl className="summary">
          <dt>Aware since</dt>
          <dd>{inZone(incident.discoveredAt)}</dd>
          <dt>Started</dt>
          <dd>{incident.startedAt ? inZone(incident.startedAt) : 'Not known'}</dd>
          <dt>Description</dt>
          <dd className="preserve-lines">{incident.description}</dd>
          <dt>Systems involved</dt>
          <dd>{sources.length ? sources.map((source) => source.name).join(', ') : 'None named'}</dd>
          <dt>Kinds of data</dt>
          <dd>
            {incident.dataCategories.length
              ? incident.dataCategories.map((category) => dataCategoryLabels[category as DataCategory] ?? category).join('; ')
              : 'None named'}
          </dd>
          <dt>Likely consequences</dt>
          <dd className="preserve-lines">{incident.likelyConsequences || 'Not described yet'}</dd>
          <dt>Measures taken</dt>
          <dd className="preserve-lines">{incident.measuresTaken || 'Not described yet'}</dd>
        </dl>
        {canManage ? (
          <details className="request-action">
            <summary>Edit the incident</summary>
            <IncidentForm
              action={updateIncidentAction}
              sources={editableSources}
              timeZone={TIME_ZONE}
              submitLabel="Save changes"
              current={{
                reference: incident.reference,
                version: String(incident.version),
                title: incident.title,
                description: incident.description,
                startedAt: incident.startedAt ? toWallClockTime(incident.startedAt, TIME_ZONE) : '',
                discoveredAt: toWallClockTime(incident.discoveredAt, TIME_ZONE),
                regimes: incident.regimes.join(','),
                sourceIds: incident.sourceIds.join(','),
                dataCategories: incident.dataCategories.join(','),
                likelyConsequences: incident.likelyConsequences,
                measuresTaken: incident.measuresTaken,
              }}
            />
          </details>
        ) : null}
      </section>

      <AffectedPeopleSection actor={actor} incident={incident} />
      <NoticeSection actor={actor} incident={incident} />

      <p>
        <a href={`/staff/incidents/${incident.reference}/report`}>Open the printable incident report</a>
      </p>

      <section className="panel" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className="timeline">
          {events.map((event) => (
            <li key={event.id}>
              <DateTimeText date={event.createdAt} /> — {incidentEventLabels[event.action] ?? event.action}
              {event.actorName || event.actorEmail ? ` by ${event.actorName || event.actorEmail}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
