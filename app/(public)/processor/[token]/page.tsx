import type { Metadata } from 'next';
import { getDb } from '@/lib/database';
import { findProcessorNotice } from '@/lib/processors/find-processor-notice';
import { AnswerForm } from './answer-form';

export const metadata: Metadata = { title: 'Confirm an erasure or a correction', robots: { index: false } };

/**
 * A processor's page (GDPR Art. 19), reached from the email's link: whom to erase or correct, and the two
 * answers. The link is the only credential; an unknown, answered or expired link says so.
 */
export default async function ProcessorNoticePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ answered?: string }>;
}) {
  const { token } = await params;
  const { answered } = await searchParams;
  const notice = await findProcessorNotice(getDb(), { token });
  if (!notice) {
    return (
      <>
        <h1>This link is not valid</h1>
        <p className="lead">Use the link in the latest email we sent you, or reply to that email.</p>
      </>
    );
  }
  if (answered || notice.state === 'answered') {
    return (
      <>
        <h1>Thank you</h1>
        <p className="lead" role="status">
          Your answer about {notice.reference} is recorded. {notice.organisationName} has nothing more to ask of you for this request.
        </p>
      </>
    );
  }
  if (notice.state === 'expired') {
    return (
      <>
        <h1>This link has expired</h1>
        <p className="lead">
          Reply to our email about {notice.reference} and {notice.organisationName} will send you a new link.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{notice.topic === 'correction' ? 'Confirm a correction' : 'Confirm an erasure'}</h1>
      {notice.topic === 'correction' ? (
        <p className="lead">
          {notice.organisationName} asks {notice.vendorName} to correct the personal data of the person below as they asked us to correct
          theirs (GDPR Article 19), and to tell us when it is done.
        </p>
      ) : (
        <p className="lead">
          {notice.organisationName} asks {notice.vendorName} to erase the personal data of the person below, who asked us to erase theirs
          (GDPR Article 19), and to tell us when it is done.
        </p>
      )}
      <dl className="summary">
        <dt>Reference</dt>
        <dd>{notice.reference}</dd>
        <dt>The person’s email</dt>
        <dd>{notice.subjectEmail}</dd>
        {notice.correction ? (
          <>
            <dt>The correction asked for</dt>
            <dd className="preserve-lines">{notice.correction}</dd>
          </>
        ) : null}
        <dt>Answer by</dt>
        <dd>{notice.expiresAt.toISOString().slice(0, 10)}</dd>
      </dl>
      <AnswerForm token={token} topic={notice.topic} />
    </>
  );
}
