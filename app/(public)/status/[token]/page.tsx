import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DateText } from '@/components/date-text';
import { Timeline } from '@/components/timeline';
import { getDb } from '@/lib/database';
import { findMinimisedRequest, type MinimisedRequestView } from '@/lib/requests/find-minimised-request';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { statusLabels } from '@/lib/requests/request-status';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { timelineLabels } from '@/lib/requests/timeline-labels';
import { AppealForm } from './appeal-form';
import { CancelForm } from './cancel-form';
import { ReplyForm } from './reply-form';
import { statusPageText as text } from './status-page-text';

export const metadata: Metadata = { title: 'Your request' };

/** A moment as the requester reads a clock: in their time zone (the page says which). */
function formatMoment(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);
}

function dateLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export default async function StatusPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const request = await getRequestStatus(getDb(), { token });
  if (!request) {
    const minimised = await findMinimisedRequest(getDb(), { token });
    if (!minimised) notFound();
    return <MinimisedRequest request={minimised} />;
  }

  return (
    <>
      {query.confirmed ? (
        <div className="notice notice--ok" role="status">
          Thank you: your request is confirmed. We have emailed you this page&apos;s link; keep it private.
        </div>
      ) : null}
      {query.replied ? (
        <div className="notice notice--ok" role="status">
          Thank you: we have your reply and are working on your request again.
        </div>
      ) : null}
      {query.appealed ? (
        <div className="notice notice--ok" role="status">
          Thank you: we have your appeal. Someone who did not make the decision will look at it again.
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
        <dt>{text.received}</dt>
        <dd>
          <DateText date={request.receivedOn} />
        </dd>
        {request.closedAt ? (
          <>
            <dt>{text.closed}</dt>
            <dd>
              <time dateTime={request.closedAt.toISOString()}>{formatMoment(request.closedAt, request.timeZone)}</time>
            </dd>
          </>
        ) : request.status === 'cancelled' || request.status === 'expired' ? null : (
          <>
            <dt>{text.answerDue}</dt>
            <dd>{request.dueOn ? <DateText date={request.dueOn} /> : text.answerDueUnset}</dd>
          </>
        )}
        {request.jurisdictionLabel ? (
          <>
            <dt>Rules</dt>
            <dd>{request.jurisdictionLabel}</dd>
          </>
        ) : null}
      </dl>
      <p className="field__hint">{text.timesShownIn(request.timeZone)}</p>

      {request.clockStoppedAt ? (
        <section className="panel" aria-labelledby="clock-heading">
          <h2 id="clock-heading">{text.clockStoppedHeading}</h2>
          <p>{text.clockStopped(formatMoment(request.clockStoppedAt, request.timeZone))}</p>
        </section>
      ) : null}

      {request.extension && request.dueOn ? (
        <section className="panel" aria-labelledby="extension-heading">
          <h2 id="extension-heading">{text.extensionHeading}</h2>
          <p>{text.extensionLead(dateLabel(request.extension.originalDueOn), request.extension.legalBasis)}</p>
          {request.extension.reason ? (
            <>
              <p>{text.extensionReason}</p>
              <p className="preserve-lines staff-message">{request.extension.reason}</p>
            </>
          ) : null}
        </section>
      ) : null}

      {request.openQuestion ? (
        <section className="panel" aria-labelledby="question-heading">
          <h2 id="question-heading">We need more information from you</h2>
          <p className="preserve-lines staff-message">{request.openQuestion.message}</p>
          <ReplyForm token={token} />
        </section>
      ) : null}

      {request.status === 'fulfilled' ? (
        <section className="panel" aria-labelledby="answer-heading">
          <h2 id="answer-heading">Our answer</h2>
          {request.responseMessage ? <p className="preserve-lines staff-message">{request.responseMessage}</p> : null}
          {request.attachments.length > 0 ? (
            <>
              <h3>Your files</h3>
              <ul className="file-list">
                {request.attachments.map((file) => (
                  <li key={file.id}>
                    {file.isAvailable ? (
                      <a href={`/status/${token}/files/${file.id}`} download>
                        {file.fileName}
                      </a>
                    ) : (
                      <span>{file.fileName}</span>
                    )}{' '}
                    <span className="field__hint">
                      {file.isAvailable
                        ? text.downloadsLeft(file.downloadsLeft, formatMoment(file.expiresAt, request.timeZone))
                        : text.noLongerAvailable}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {request.status === 'rejected' ? (
        <section className="panel" aria-labelledby="decline-heading">
          <h2 id="decline-heading">Why we declined</h2>
          {request.rejectionBasisLabel ? <p>{request.rejectionBasisLabel}</p> : null}
          {request.responseMessage ? <p className="preserve-lines staff-message">{request.responseMessage}</p> : null}
        </section>
      ) : null}

      {request.complaint ? (
        <section className="panel" aria-labelledby="complaint-heading">
          <h2 id="complaint-heading">{text.complaintHeading}</h2>
          <p>{request.complaint.authorityName ? text.complaintNamed(request.complaint.authorityName) : text.complaintGeneral}</p>
          {request.complaint.authorityUrl ? (
            <p>
              <a href={request.complaint.authorityUrl}>
                {text.complaintLink(request.complaint.authorityName ?? request.complaint.authorityUrl)}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {request.appeal ? (
        <section className="panel" aria-labelledby="appeal-heading">
          <h2 id="appeal-heading">Appeal</h2>
          {request.appeal.made ? (
            <p>
              Your appeal {request.appeal.made.reference} is {statusLabels[request.appeal.made.status].toLowerCase()}
              {request.appeal.made.dueOn && request.appeal.made.status !== 'fulfilled' && request.appeal.made.status !== 'rejected' ? (
                <>
                  ; we will decide it by <DateText date={request.appeal.made.dueOn} />
                </>
              ) : null}
              .
            </p>
          ) : request.appeal.isOpenToAppeal ? (
            <>
              <p>
                If you disagree with our decision you can appeal until <DateText date={request.appeal.until} />.
              </p>
              <AppealForm token={token} />
            </>
          ) : (
            <p>
              The time to appeal ended on <DateText date={request.appeal.until} />.
            </p>
          )}
        </section>
      ) : null}

      <h2>What has happened</h2>
      <Timeline
        timeZone={request.timeZone}
        items={request.timeline
          .filter((event) => timelineLabels[event.action])
          .map((event) => ({ id: event.id, label: timelineLabels[event.action]!, at: event.at }))}
      />

      {request.isCancellable ? <CancelForm token={token} /> : null}
    </>
  );
}

/** A closed request whose personal data was removed after the retention period: what is left to say. */
function MinimisedRequest({ request }: { request: MinimisedRequestView }) {
  return (
    <>
      <h1>Request {request.reference ?? ''}</h1>
      <p className="lead">
        {requestTypeLabel(request.type)}: <span className="status-pill">{statusLabels[request.status]}</span>
      </p>
      <p className="notice" role="status">
        Your personal data was removed from this request on <DateText date={request.minimisedOn} /> after the retention period. We keep only
        the reference, the type of request, its dates and what was done, as the law requires us to be able to show.
      </p>
    </>
  );
}
