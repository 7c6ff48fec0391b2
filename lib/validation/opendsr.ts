import { z } from 'zod';
import { text } from './text';

/**
 * The OpenDSR contract (https://github.com/opengdpr/OpenDSR/blob/master/specification.md): field
 * names are the spec's snake_case, not ours. The OpenDSR routes parse with these, and the
 * answers are typed by them.
 */

export const openDsrSubjectRequestTypes = ['erasure', 'access', 'portability'] as const;

/** §5.3: an identity of the data subject. Only email in raw form identifies a requester here (see discovery). */
const ZOpenDsrIdentity = z.object({
  identity_type: text().trim().min(1).max(64),
  identity_value: text().trim().min(1).max(500),
  identity_format: text().trim().min(1).max(16),
});

/** §7.1: what a controller POSTs to /requests. Unknown top-level fields are ignored, as the spec expects extensions to be. */
export const ZOpenDsrCreateRequest = z
  .object({
    subject_request_id: z.uuid('subject_request_id must be a UUID').transform((id) => id.toLowerCase()),
    subject_request_type: z.enum(openDsrSubjectRequestTypes, { error: 'subject_request_type must be erasure, access or portability' }),
    submitted_time: z.iso.datetime({ offset: true, error: 'submitted_time must be an RFC 3339 date-time' }),
    subject_identities: z.array(ZOpenDsrIdentity).min(1, 'Send at least one subject identity').max(20),
    /** Required from OpenDSR 2.0; OpenGDPR 1.0 requests have none and are GDPR requests. */
    regulation: z.enum(['gdpr', 'ccpa']).optional(),
    api_version: text().trim().max(16).optional(),
    status_callback_urls: z
      .array(z.url({ protocol: /^https?$/, error: 'Each status_callback_url must be an http(s) URL' }).max(2000))
      .max(5)
      .default([]),
    extensions: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((input, context) => {
    if (!input.subject_identities.some(isRawEmail))
      context.addIssue({
        code: 'custom',
        path: ['subject_identities'],
        message: 'Send the data subject’s email address (identity_type email, identity_format raw): it is how the request is answered',
      });
  })
  .meta({ id: 'OpenDsrCreateRequest' });
export type TOpenDsrCreateRequest = z.infer<typeof ZOpenDsrCreateRequest>;

function isRawEmail(identity: z.infer<typeof ZOpenDsrIdentity>): boolean {
  return identity.identity_type === 'email' && identity.identity_format === 'raw' && z.email().safeParse(identity.identity_value).success;
}

/** The subject's email address from a request that passed ZOpenDsrCreateRequest. */
export function openDsrSubjectEmail(input: TOpenDsrCreateRequest): string {
  return input.subject_identities.find(isRawEmail)!.identity_value;
}

export const ZOpenDsrIdParams = z.strictObject({ id: z.uuid() });

const rfc3339 = z.iso.datetime({ offset: true });

/** §6.3. */
export const ZOpenDsrDiscovery = z
  .object({
    api_version: text(),
    supported_identities: z.array(z.object({ identity_type: text(), identity_format: text() })),
    supported_subject_request_types: z.array(z.enum(openDsrSubjectRequestTypes)),
    processor_certificate: z.url(),
  })
  .meta({ id: 'OpenDsrDiscovery' });

/** §7.3 (processor_signature is the X-OpenDSR-Signature header, over the body as sent). */
export const ZOpenDsrReceipt = z
  .object({
    controller_id: text(),
    expected_completion_time: rfc3339,
    received_time: rfc3339,
    encoded_request: text(),
    subject_request_id: z.uuid(),
    api_version: text(),
  })
  .meta({ id: 'OpenDsrReceipt' });

/** §8.3. */
export const ZOpenDsrStatusResponse = z
  .object({
    controller_id: text(),
    expected_completion_time: rfc3339,
    subject_request_id: z.uuid(),
    request_status: z.enum(['pending', 'in_progress', 'completed', 'cancelled']),
    api_version: text(),
  })
  .meta({ id: 'OpenDsrStatus' });

/** §9.2. */
export const ZOpenDsrCancellation = z
  .object({
    controller_id: text(),
    received_time: rfc3339,
    subject_request_id: z.uuid(),
    api_version: text(),
  })
  .meta({ id: 'OpenDsrCancellation' });
