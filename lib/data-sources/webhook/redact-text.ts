/**
 * Removes values that must never reach an error message (shown to agents, kept in
 * the audit trail): the signing secret, the subject's email and account id.
 * Values under 4 characters are left alone: redacting "42" everywhere would hide
 * status codes and counts while protecting nothing.
 */
export function redactText(text: string, values: (string | null | undefined)[]): string {
  let redacted = text;
  for (const value of values) {
    if (!value || value.length < 4) continue;
    redacted = redacted.replace(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[redacted]');
  }
  // Control characters would garble the request page and the log.
  return redacted.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}
