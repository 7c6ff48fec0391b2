import Link from 'next/link';
import type { VerificationLinkProblem } from '@/lib/verification/find-verification-link';

const explanations: Record<VerificationLinkProblem, { title: string; body: string }> = {
  expired: {
    title: 'This link has expired',
    body: 'Confirmation links work for a limited time, and only the newest link we sent you works. Ask for a new one below: we will email it to the address you used.',
  },
  used: {
    title: 'This link was already used',
    body: 'This request has already been confirmed. The email headed “We received your request”, sent to the same address, holds the link to follow it. Can’t find it? We can email you the link again.',
  },
  unknown: { title: 'We do not recognise this link', body: 'It may have been copied incompletely. Try opening it from the email again.' },
};

export function LinkProblem({ problem }: { problem: VerificationLinkProblem }) {
  const { title, body } = explanations[problem];
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{body}</p>
      <p>
        <Link className="button" href="/find-request">
          {problem === 'used' ? 'Email me the link to my request' : 'Get a new link'}
        </Link>
      </p>
      <p>
        Or <Link href="/request">make a new request</Link>.
      </p>
    </>
  );
}
