import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Check your email' };

/** The same page for every submission, new or repeated, so it reveals nothing about who has filed before. */
export default function RequestSentPage() {
  return (
    <>
      <h1>Check your email</h1>
      <p className="lead">
        If the address you gave is valid, we have sent it an email. Open the link in it and press <strong>Confirm my request</strong> to start the process.
      </p>
      <p>
        The link works once and expires after a day. If you already have an open request of the same kind, the email gives you its status link instead of
        starting a second request.
      </p>
      <p>Nothing arrived after a few minutes? Check your spam folder, or make the request again.</p>
    </>
  );
}
