import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { SENT_TO_COOKIE } from '../sent-to-cookie';

export const metadata: Metadata = { title: 'Check your email' };

/**
 * The same page for every submission, new or repeated, so it reveals nothing about who has filed before.
 * It repeats the address this browser typed (a short-lived cookie), so a typo is caught here.
 */
export default async function RequestSentPage() {
  const sentTo = (await cookies()).get(SENT_TO_COOKIE)?.value;
  return (
    <>
      <h1>Check your email</h1>
      {sentTo ? (
        <p className="lead">
          We have sent an email to <strong>{sentTo}</strong>. Open the link in it and press <strong>Confirm my request</strong> to start the
          process.
        </p>
      ) : (
        <p className="lead">
          If the address you gave is valid, we have sent it an email. Open the link in it and press <strong>Confirm my request</strong> to
          start the process.
        </p>
      )}
      {sentTo ? (
        <p>
          Not your address? <Link href="/request">Make the request again with the right one</Link>. A request that is never confirmed is not
          started, and is deleted after a few days.
        </p>
      ) : null}
      <p>
        The link works once and expires after a day. If you already have an open request of the same kind, the email gives you its status
        link instead of starting a second request.
      </p>
      <p>
        Nothing arrived after a few minutes? Check your spam folder, or <Link href="/find-request">ask for your links again</Link>.
      </p>
    </>
  );
}
