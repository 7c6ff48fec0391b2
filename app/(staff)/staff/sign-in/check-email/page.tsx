import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Check your email' };

export default function CheckEmailPage() {
  return (
    <>
      <h1>Check your email</h1>
      <p className="lead">
        If that address belongs to an active member of staff, a sign-in link is on its way. It works once, for 15 minutes.
      </p>
    </>
  );
}
