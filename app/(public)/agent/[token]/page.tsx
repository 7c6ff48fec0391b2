import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DateText } from '@/components/date-text';
import { Timeline } from '@/components/timeline';
import { getAgentStatus } from '@/lib/agents/get-agent-status';
import { getDb } from '@/lib/database';
import { statusLabels } from '@/lib/requests/request-status';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { timelineLabels } from '@/lib/requests/timeline-labels';

export const metadata: Metadata = { title: 'Request you made for someone' };

/** An authorised agent's view of the request they filed: status and messages only, never the person's data. */
export default async function AgentStatusPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const request = await getAgentStatus(getDb(), { token });
  if (!request) notFound();
  return (
    <>
      <h1>Request {request.reference ?? '(not yet confirmed)'}</h1>
      <p className="lead">You made this request for someone else. This page shows its progress and our messages only.</p>
      <dl className="summary">
        <dt>Request</dt>
        <dd>{requestTypeLabel(request.type)}</dd>
        <dt>Status</dt>
        <dd>
          <span className="status-pill">{statusLabels[request.status]}</span>
        </dd>
        <dt>Confirmed by the person</dt>
        <dd>
          {request.isConfirmedByPerson
            ? 'Yes'
            : request.hasPowerOfAttorney
              ? 'Not needed: we checked your power of attorney'
              : 'Not yet. We have emailed them to confirm.'}
        </dd>
        <dt>Answer due by</dt>
        <dd>{request.dueOn ? <DateText date={request.dueOn} /> : 'Set when the person confirms'}</dd>
      </dl>
      {request.messages.length > 0 ? (
        <section className="panel" aria-labelledby="messages-heading">
          <h2 id="messages-heading">Our messages</h2>
          {request.messages.map((message) => (
            <p key={message} className="preserve-lines staff-message">
              {message}
            </p>
          ))}
        </section>
      ) : null}
      {request.fileCount > 0 ? (
        <p className="notice">We sent the files to the person directly, through their own link. We do not show them here.</p>
      ) : null}
      <h2>What has happened</h2>
      <Timeline
        items={request.timeline
          .filter((event) => timelineLabels[event.action])
          .map((event) => ({ id: event.id, label: timelineLabels[event.action]!, at: event.at }))}
      />
    </>
  );
}
