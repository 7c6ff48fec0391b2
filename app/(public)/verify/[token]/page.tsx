import type { Metadata } from 'next';
import { getDb } from '@/lib/database';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { findVerificationLink } from '@/lib/verification/find-verification-link';
import { LinkProblem } from '../link-problem';
import { ConfirmForm } from './confirm-form';

export const metadata: Metadata = { title: 'Confirm your request' };

/** Shows what will be confirmed; only the button's POST confirms, so link prefetchers change nothing. */
export default async function VerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findVerificationLink(getDb(), { token });
  if (!link.isValid) return <LinkProblem problem={link.problem} />;
  const { request } = link;
  return (
    <>
      <h1>Confirm your request</h1>
      <p className="lead">
        Please check the details below. When you confirm, we start working on your request and the legal deadline starts.
      </p>
      <dl className="summary">
        <dt>Request</dt>
        <dd>{requestTypeLabel(request.type)}</dd>
        <dt>Name</dt>
        <dd>{request.fullName}</dd>
        <dt>Email</dt>
        <dd>{request.email}</dd>
        <dt>Region</dt>
        <dd>{request.jurisdictionLabel}</dd>
      </dl>
      <ConfirmForm token={token} />
      <p>If you did not make this request, close this page: nothing happens unless you confirm.</p>
    </>
  );
}
