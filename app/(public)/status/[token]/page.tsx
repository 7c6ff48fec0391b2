import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/date-text';
import { Timeline } from '@/components/timeline';
import { getDb } from '@/lib/database';
import { formatCalendarDateIn, formatDateTimeIn } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import { localiseJurisdictionLabel, localiseLabel } from '@/lib/i18n/localise-labels';
import { findMinimisedRequest, type MinimisedRequestView } from '@/lib/requests/find-minimised-request';
import { getRequestStatus, type RequestStatusView } from '@/lib/requests/get-request-status';
import { timelineLabels } from '@/lib/requests/timeline-labels';
import { noticePartLabels } from '@/lib/validation/incident-notice';
import { CancelForm } from './cancel-form';
import { AskedToCorrect } from './asked-to-correct';
import { IdentityStep } from './identity-step';
import { MessageForm } from './message-form';
import { addContestStatementAction, answerInformationRequestAction, appealRequestAction } from './actions';
import { ZAnswerInformationRequest, ZAppealRequest } from '@/lib/validation/staff-actions';
import { CONTEST_STATEMENT_MAX_LENGTH, CONTEST_STATEMENT_MAX_WORDS } from '@/lib/validation/contest-statement';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import { statusPageText } from './status-page-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('statusPage');
  return { title: t('title') };
}

export default async function StatusPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const [{ token }, query, t, translate, locale] = await Promise.all([
    params,
    searchParams,
    getTranslations('statusPage'),
    getTranslations(),
    getLocale() as Promise<Locale>,
  ]);
  const typeLabel = (type: string) => `${translate(`requestTypes.${type}.title`)} — ${translate(`requestTypes.${type}.description`)}`;
  const statusLabel = (status: string) => translate(`statuses.${status}`);
  const request = await getRequestStatus(getDb(), { token });
  if (!request) {
    const minimised = await findMinimisedRequest(getDb(), { token });
    if (!minimised) notFound();
    return <MinimisedRequest request={minimised} typeLabel={typeLabel(minimised.type)} statusLabel={statusLabel(minimised.status)} />;
  }
  /** A moment as the requester reads a clock: in their time zone (the page says which) and their language. */
  const formatMoment = (date: Date, timeZone: string) => formatDateTimeIn(locale, date, timeZone);
  const dateLabel = (date: string) => formatCalendarDateIn(locale, date);
  const text = statusPageText(t);

  return (
    <>
      {query.confirmed ? (
        <div className="notice notice--ok" role="status">
          {t('confirmed')}
        </div>
      ) : null}
      {query.replied ? (
        <div className="notice notice--ok" role="status">
          {t('replied')}
        </div>
      ) : null}
      {query.appealed ? (
        <div className="notice notice--ok" role="status">
          {t('appealed')}
        </div>
      ) : null}
      {query.cancelled ? (
        <div className="notice notice--ok" role="status">
          {t('cancelled')}
        </div>
      ) : null}
      <h1>{t('heading', { reference: request.reference ?? t('notYetConfirmed') })}</h1>
      <dl className="summary">
        <dt>{t('reference')}</dt>
        <dd>{request.reference ?? '—'}</dd>
        <dt>{t('request')}</dt>
        <dd>{typeLabel(request.type)}</dd>
        <dt>{t('status')}</dt>
        <dd>
          <span className="status-pill">{statusLabel(request.status)}</span>
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
            <dt>{t('rules')}</dt>
            <dd>{localiseJurisdictionLabel(translate, request.jurisdictionLabel)}</dd>
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

      {query.identity ? (
        <div className="notice notice--ok" role="status">
          {t('identity.matched')}
        </div>
      ) : null}
      <IdentityStep token={token} step={request.identity} />

      {request.correction ? <AskedToCorrect correction={request.correction} /> : null}

      {request.openQuestion ? (
        <section className="panel" aria-labelledby="question-heading">
          <h2 id="question-heading">{t('questionHeading')}</h2>
          <p className="preserve-lines staff-message">{request.openQuestion.message}</p>
          <MessageForm
            token={token}
            action={answerInformationRequestAction}
            messages="statusPage.reply"
            name="message"
            maxLength={maxLengthOf(ZAnswerInformationRequest, 'message')}
          />
        </section>
      ) : null}

      {request.status === 'fulfilled' ? (
        <section className="panel" aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('answerHeading')}</h2>
          {request.responseMessage ? <p className="preserve-lines staff-message">{request.responseMessage}</p> : null}
          {request.attachments.length > 0 ? (
            <>
              <h3>{t('yourFiles')}</h3>
              <FileList token={token} request={request} text={text} formatMoment={formatMoment} />
            </>
          ) : null}
        </section>
      ) : null}

      {request.copyBeforeErasure && request.status !== 'fulfilled' ? (
        <section className="panel" aria-labelledby="copy-heading" id="copy-before-erasure">
          <h2 id="copy-heading">{t('copyHeading')}</h2>
          <p>
            {request.copyBeforeErasure.isDownloaded
              ? t('copyDownloaded')
              : t('copyErasureFrom', { date: formatMoment(request.copyBeforeErasure.erasureFrom, request.timeZone) })}
          </p>
          {request.copyBeforeErasure.isFromUploadsOnly ? <p>{t('copyFromUploads')}</p> : null}
          <FileList token={token} request={request} text={text} formatMoment={formatMoment} />
        </section>
      ) : null}

      {request.recipientsTold.length > 0 ? (
        <section className="panel" aria-labelledby="recipients-heading">
          <h2 id="recipients-heading">{t('recipients.heading', { topic: request.recipientsTold[0]!.topic })}</h2>
          <p>{t('recipients.lead', { topic: request.recipientsTold[0]!.topic })}</p>
          <ul data-testid="recipients-told">
            {request.recipientsTold.map((told) => (
              <li key={told.vendorName}>
                {t('recipients.told', {
                  vendor: told.vendorName,
                  date: formatMoment(told.toldAt, request.timeZone),
                  state: told.hasConfirmed ? 'confirmed' : 'waiting',
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {request.status === 'rejected' ? (
        <section className="panel" aria-labelledby="decline-heading">
          <h2 id="decline-heading">{t('declineHeading')}</h2>
          {request.rejectionBasisLabel ? <p>{localiseLabel(translate, request.rejectionBasisLabel)}</p> : null}
          {request.responseMessage ? <p className="preserve-lines staff-message">{request.responseMessage}</p> : null}
        </section>
      ) : null}

      {request.contestStatement && (request.contestStatement.statement || request.contestStatement.canAdd) ? (
        <section className="panel" aria-labelledby="contest-statement-heading">
          <h2 id="contest-statement-heading">{t('contestStatement.heading')}</h2>
          {query.statement ? (
            <div className="notice notice--ok" role="status">
              {t('contestStatement.sent')}
            </div>
          ) : null}
          {request.contestStatement.statement ? (
            <>
              <p>{t('contestStatement.yours', { date: formatMoment(request.contestStatement.statement.createdAt, request.timeZone) })}</p>
              <p className="preserve-lines">{request.contestStatement.statement.body}</p>
            </>
          ) : (
            <>
              <p>{t('contestStatement.lead', { max: CONTEST_STATEMENT_MAX_WORDS })}</p>
              <MessageForm
                token={token}
                action={addContestStatementAction}
                messages="statusPage.contestStatement"
                name="statement"
                maxLength={CONTEST_STATEMENT_MAX_LENGTH}
                hintValues={{ max: CONTEST_STATEMENT_MAX_WORDS }}
              />
            </>
          )}
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
          <h2 id="appeal-heading">{t('appealHeading')}</h2>
          {request.appeal.made ? (
            <p>
              {t('appealStatus', {
                reference: request.appeal.made.reference ?? '',
                status: statusLabel(request.appeal.made.status).toLocaleLowerCase(locale),
              })}
              {request.appeal.made.dueOn && request.appeal.made.status !== 'fulfilled' && request.appeal.made.status !== 'rejected'
                ? t.rich('appealDecideBy', { dueOn: () => <DateText date={request.appeal!.made!.dueOn!} /> })
                : null}
              .
            </p>
          ) : request.appeal.isOpenToAppeal ? (
            <>
              <p>{t.rich('appealOpen', { until: () => <DateText date={request.appeal!.until} /> })}</p>
              <MessageForm
                token={token}
                action={appealRequestAction}
                messages="statusPage.appeal"
                name="reason"
                maxLength={maxLengthOf(ZAppealRequest, 'reason')}
              />
            </>
          ) : (
            <p>{t.rich('appealEnded', { until: () => <DateText date={request.appeal!.until} /> })}</p>
          )}
        </section>
      ) : null}

      {request.breachNotices.map((breach) => (
        <section className="panel" aria-labelledby={`breach-${breach.reference}`} key={breach.reference} data-testid="breach-notice">
          <h2 id={`breach-${breach.reference}`}>{breach.notice.subject}</h2>
          <p>We sent you this notice about a personal data breach on {formatMoment(breach.sentAt, request.timeZone)}.</p>
          {(Object.keys(noticePartLabels) as (keyof typeof noticePartLabels)[]).map((part) => (
            <div key={part}>
              <h3>{noticePartLabels[part]}</h3>
              <p className="preserve-lines">{breach.notice[part]}</p>
            </div>
          ))}
        </section>
      ))}

      <h2>{t('historyHeading')}</h2>
      <Timeline
        timeZone={request.timeZone}
        items={request.timeline
          .filter((event) => timelineLabels[event.action])
          .map((event) => ({ id: event.id, label: translate(`timeline.${event.action}`), at: event.at }))}
      />

      {request.isCancellable ? <CancelForm token={token} /> : null}
    </>
  );
}

/** A closed request whose personal data was removed after the retention period: what is left to say. */
function MinimisedRequest({ request, typeLabel, statusLabel }: { request: MinimisedRequestView; typeLabel: string; statusLabel: string }) {
  const t = useTranslations('statusPage');
  return (
    <>
      <h1>{t('heading', { reference: request.reference ?? '' })}</h1>
      <p className="lead">
        {typeLabel}: <span className="status-pill">{statusLabel}</span>
      </p>
      <p className="notice" role="status">
        {t.rich('minimised', { date: () => <DateText date={request.minimisedOn} /> })}
      </p>
    </>
  );
}

/** The request's files with their download links, what is left of each and until when. */
function FileList({
  token,
  request,
  text,
  formatMoment,
}: {
  token: string;
  request: Pick<RequestStatusView, 'attachments' | 'timeZone'>;
  text: ReturnType<typeof statusPageText>;
  formatMoment: (date: Date, timeZone: string) => string;
}) {
  return (
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
  );
}
