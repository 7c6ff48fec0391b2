import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/date-text';
import { Timeline } from '@/components/timeline';
import { getDb } from '@/lib/database';
import { formatDateTimeIn } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import { localiseJurisdictionLabel, localiseLabel } from '@/lib/i18n/localise-labels';
import { findMinimisedRequest, type MinimisedRequestView } from '@/lib/requests/find-minimised-request';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { timelineLabels } from '@/lib/requests/timeline-labels';
import { AppealForm } from './appeal-form';
import { CancelForm } from './cancel-form';
import { ReplyForm } from './reply-form';

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
        <dt>{t('received')}</dt>
        <dd>
          <DateText date={request.receivedOn} />
        </dd>
        <dt>{t('dueBy')}</dt>
        <dd>{request.dueOn ? <DateText date={request.dueOn} /> : t('dueWhenConfirmed')}</dd>
        {request.jurisdictionLabel ? (
          <>
            <dt>{t('rules')}</dt>
            <dd>{localiseJurisdictionLabel(translate, request.jurisdictionLabel)}</dd>
          </>
        ) : null}
      </dl>

      {request.openQuestion ? (
        <section className="panel" aria-labelledby="question-heading">
          <h2 id="question-heading">{t('questionHeading')}</h2>
          <p className="preserve-lines staff-message">{request.openQuestion.message}</p>
          <ReplyForm token={token} />
        </section>
      ) : null}

      {request.status === 'fulfilled' ? (
        <section className="panel" aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('answerHeading')}</h2>
          {request.responseMessage ? <p className="preserve-lines staff-message">{request.responseMessage}</p> : null}
          {request.attachments.length > 0 ? (
            <>
              <h3>{t('yourFiles')}</h3>
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
                        ? t('downloadsLeft', { count: file.downloadsLeft, until: formatDateTimeIn(locale, file.expiresAt) })
                        : t('noLongerAvailable')}
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
          <h2 id="decline-heading">{t('declineHeading')}</h2>
          {request.rejectionBasisLabel ? <p>{localiseLabel(translate, request.rejectionBasisLabel)}</p> : null}
          {request.responseMessage ? <p className="preserve-lines staff-message">{request.responseMessage}</p> : null}
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
              <AppealForm token={token} />
            </>
          ) : (
            <p>{t.rich('appealEnded', { until: () => <DateText date={request.appeal!.until} /> })}</p>
          )}
        </section>
      ) : null}

      <h2>{t('historyHeading')}</h2>
      <Timeline
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
