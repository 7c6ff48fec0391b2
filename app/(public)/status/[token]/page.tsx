import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DateText } from '@/components/date-text';
import { getDb } from '@/lib/database';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { statusLabels } from '@/lib/requests/request-status';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { timelineLabels } from '@/lib/requests/timeline-labels';
import { CancelForm } from './cancel-form';

export const metadata: Metadata = { title: 'Your request' };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

export default async function StatusPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const request = await getRequestStatus(getDb(), { token });
  if (!request) notFound();

  return (
    <>
      {query.confirmed ? (
        <div className="notice notice--ok" role="status">
          Thank you: your request is confirmed. We have emailed you this page&apos;s link; keep it private.
        </div>
      ) : null}
      {query.cancelled ? (
        <div className="notice notice--ok" role="status">
          Your request is cancelled.
        </div>
      ) : null}
      <h1>Request {request.reference ?? '(not yet confirmed)'}</h1>
      <dl className="summary">
        <dt>Reference</dt>
        <dd>{request.reference ?? '—'}</dd>
        <dt>Request</dt>
        <dd>{requestTypeLabel(request.type)}</dd>
        <dt>Status</dt>
        <dd>
          <span className="status-pill">{statusLabels[request.status]}</span>
        </dd>
        <dt>Received</dt>
        <dd>
          <DateText date={request.receivedOn} />
        </dd>
        <dt>Answer due by</dt>
        <dd>{request.dueOn ? <DateText date={request.dueOn} /> : 'Set when you confirm your email'}</dd>
        {request.jurisdictionLabel ? (
          <>
            <dt>Rules</dt>
            <dd>{request.jurisdictionLabel}</dd>
          </>
        ) : null}
      </dl>

      <h2>What has happened</h2>
      <ol className="timeline">
        {request.timeline
          .filter((event) => timelineLabels[event.action])
          .map((event) => (
            <li key={event.id}>
              {timelineLabels[event.action]}
              <time dateTime={event.at.toISOString()}>{dateTime.format(event.at)} UTC</time>
            </li>
          ))}
      </ol>

      {request.isCancellable ? <CancelForm token={token} /> : null}
    </>
  );
}
