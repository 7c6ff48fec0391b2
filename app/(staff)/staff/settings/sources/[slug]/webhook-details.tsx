/**
 * What the other system needs to talk to dsr-desk: where to send late answers and
 * how messages are signed both ways (HMAC-SHA256 over a timestamp and the body,
 * keyed with this source's signing secret).
 */
export function WebhookDetails({ callbackUrl }: { callbackUrl: string }) {
  return (
    <dl className="summary">
      <dt>Callback URL</dt>
      <dd>
        <code>{callbackUrl}</code>
      </dd>
      <dt>Signatures</dt>
      <dd>
        Every job dsr-desk sends is a JSON POST signed with HMAC-SHA256, keyed with this source’s signing secret, over the
        request’s timestamp and its exact body; the timestamp and signature travel in headers. The system checks them before it
        acts, and answers at once, or later by POSTing to the callback URL signed the same way. dsr-desk refuses a callback
        with a bad signature, a stale timestamp, or one it has already accepted.
      </dd>
    </dl>
  );
}
