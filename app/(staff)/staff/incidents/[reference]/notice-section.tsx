import type { IncidentRow } from '@/db/schema';
import { getDb } from '@/lib/database';
import { getAffectedPeopleSummary } from '@/lib/incidents/get-affected-people-summary';
import { previewIncidentNotice } from '@/lib/incidents/preview-incident-notice';
import { can } from '@/lib/staff/permissions';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { IncidentNoticeForm, SendNoticeForm } from './incident-notice-form';

/** The notice to the people affected: written and previewed, then sent once; afterwards its deliveries and failures. */
export async function NoticeSection({ actor, incident }: { actor: StaffActor; incident: IncidentRow }) {
  const canManage = can(actor.role, 'incidents.manage');
  const [preview, { progress, failures }] = await Promise.all([
    previewIncidentNotice(getDb(), { actor, incident }),
    getAffectedPeopleSummary(getDb(), { actor, incident }),
  ]);
  return (
    <section className="panel" aria-labelledby="notice-heading">
      <h2 id="notice-heading">Notice to the people affected</h2>
      {incident.noticeSentAt ? (
        <>
          <p>Sent on {incident.noticeSentAt.toISOString().slice(0, 16).replace('T', ' ')} UTC to everyone on the list.</p>
          <dl className="summary" data-testid="notice-progress">
            <dt>On the list</dt>
            <dd>{progress.listed.toLocaleString('en')}</dd>
            <dt>Queued</dt>
            <dd>{progress.queued.toLocaleString('en')}</dd>
            <dt>Delivered</dt>
            <dd data-testid="notice-sent">{progress.sent.toLocaleString('en')}</dd>
            <dt>Bounced</dt>
            <dd data-testid="notice-bounced" className={progress.bounced > 0 ? 'flag' : undefined}>
              {progress.bounced.toLocaleString('en')}
            </dd>
            <dt>Retrying</dt>
            <dd>{progress.retrying.toLocaleString('en')}</dd>
          </dl>
          {failures.length > 0 ? (
            <table className="data">
              <caption className="table-caption">Deliveries that failed</caption>
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">State</th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {failures.map((failure) => (
                  <tr key={failure.email}>
                    <th scope="row">{failure.email}</th>
                    <td className="flag">{failure.state === 'bounced' ? 'Bounced (not retried)' : 'Retrying'}</td>
                    <td>{failure.error}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : canManage && !incident.affectedListDeletedAt ? (
        <IncidentNoticeForm reference={incident.reference} version={incident.version} current={incident.notice} />
      ) : (
        <p>No notice has been sent.</p>
      )}
      {preview ? (
        <div className="notice-preview">
          <h3>{incident.noticeSentAt ? 'The notice sent' : 'Preview'}</h3>
          <p>
            <strong>Subject:</strong> {preview.subject}
          </p>
          <pre className="preserve-lines" data-testid="notice-preview">
            {preview.text}
          </pre>
        </div>
      ) : null}
      {canManage && preview && !incident.noticeSentAt && progress.listed > 0 ? (
        <SendNoticeForm reference={incident.reference} version={incident.version} people={progress.listed} />
      ) : null}
    </section>
  );
}
