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
        Every job dsr-desk sends is a JSON POST with the headers <code>X-DSR-Desk-Timestamp</code> (Unix seconds) and{' '}
        <code>X-DSR-Desk-Signature: v1=&lt;hex&gt;</code>, the HMAC-SHA256 of <code>timestamp.body</code> keyed with this source’s signing
        secret. The system checks them (within 5 minutes of its clock) before it acts, and answers at once, or later by POSTing to the
        callback URL signed the same way. dsr-desk refuses a callback with a bad signature, a timestamp more than 5 minutes off, or a job it
        has already accepted. The README’s “Webhook sources” section has the full contract.
      </dd>
    </dl>
  );
}
