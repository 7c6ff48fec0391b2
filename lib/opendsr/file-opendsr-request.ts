import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { findOpenDsrRequest } from '@/db/queries/opendsr-requests';
import { eventSubscriptions, opendsrRequests, requests } from '@/db/schema';
import { generateSigningSecret } from '@/lib/data-sources/generate-signing-secret';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { fileOnBehalf } from '@/lib/requests/file-on-behalf';
import { encryptSecret } from '@/lib/security/secret-box';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { assertCan, type ApiKeyActor } from '@/lib/staff/staff-actor';
import type { JurisdictionCode } from '@/lib/validation/jurisdiction';
import { ZFileOnBehalfFields } from '@/lib/validation/staff-actions';
import { openDsrSubjectEmail, type TOpenDsrCreateRequest, type ZOpenDsrReceipt } from '@/lib/validation/opendsr';
import { assertPublicUrl } from '@/lib/webhooks/assert-public-url';
import { SUBSCRIPTION_SECRET_PURPOSE } from '@/lib/webhooks/subscription-secret';
import { expectedCompletionTime } from './expected-completion-time';
import { OPENDSR_API_VERSION, openDsrRequestTypes, toOpenDsrStatus } from './opendsr-status';
import { openDsrProcessorDomain } from './opendsr-signing-key';

export type FileOpenDsrRequestOptions = { actor: ApiKeyActor; input: TOpenDsrCreateRequest; now?: Date };

const jurisdictionOfRegulation: Record<NonNullable<TOpenDsrCreateRequest['regulation']>, JurisdictionCode> = {
  gdpr: 'eu_gdpr',
  ccpa: 'us_ca_ccpa',
};

/**
 * A controller's system files a request over OpenDSR (§7). It is filed exactly as an /api/v1
 * filing is (fileOnBehalf: the key vouches for the identity check, the request is accepted at
 * once and the requester emailed the acknowledgement); this only translates the spec's fields
 * and remembers the subject_request_id and the callback URLs. The same subject_request_id from
 * the same key answers with the first filing, never a second request.
 */
export async function fileOpenDsrRequest(
  db: Database,
  { actor, input, now = new Date() }: FileOpenDsrRequestOptions,
): Promise<z.infer<typeof ZOpenDsrReceipt>> {
  assertCan(actor, 'requests.file_on_behalf');
  const network = await getNetworkSettings(db);
  for (const url of input.status_callback_urls) await assertPublicUrl(url, network);
  const fingerprint = createHash('sha256').update(JSON.stringify(input), 'utf8').digest('hex');

  return db.transaction(async (tx) => {
    // Two identical POSTs at once: the second waits here until the first commits, then finds its row.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`opendsr:${actor.apiKeyId}:${input.subject_request_id}`}))`);
    const existing = await findOpenDsrRequest(tx, { apiKeyId: actor.apiKeyId, subjectRequestId: input.subject_request_id });
    if (existing) {
      if (existing.opendsr.fingerprint !== fingerprint)
        throw new AppError('UNPROCESSABLE', 'This subject_request_id was already filed with a different body.', {
          field: 'subject_request_id',
        });
      return receipt(actor, input, existing.request.dueOn ?? existing.request.receivedOn, existing.opendsr.receivedAt);
    }

    const today = toCalendarDate(now, env().TIME_ZONE);
    const submittedOn = toCalendarDate(new Date(input.submitted_time), env().TIME_ZONE);
    const email = openDsrSubjectEmail(input);
    const { reference } = await fileOnBehalf(tx, {
      actor,
      now,
      input: {
        type: openDsrRequestTypes[input.subject_request_type],
        email,
        fullName: fullNameFromExtension(input) ?? email,
        jurisdiction: jurisdictionOfRegulation[input.regulation ?? 'gdpr'],
        intakeChannel: 'other',
        identityCheck: `Checked by the controller system “${actor.name}”, which filed it over OpenDSR (subject_request_id ${input.subject_request_id}, submitted ${input.submitted_time}).`,
        // The deadline counts from when the person asked the controller, never from a future date.
        // biome-ignore lint/complexity/useMathMinMax: calendar dates are YYYY-MM-DD strings, ordered as text; Math.min would make them NaN
        receivedOn: submittedOn < today ? submittedOn : today,
      },
    });
    const [request] = await tx
      .select({ id: requests.id, status: requests.status, dueOn: requests.dueOn, receivedOn: requests.receivedOn })
      .from(requests)
      .where(eq(requests.reference, reference));
    const [created] = await tx
      .insert(opendsrRequests)
      .values({
        apiKeyId: actor.apiKeyId,
        subjectRequestId: input.subject_request_id,
        requestId: request!.id,
        fingerprint,
        lastNotifiedStatus: toOpenDsrStatus(request!.status),
        receivedAt: now,
      })
      .returning({ id: opendsrRequests.id });
    // Each callback URL is an event subscription of this one request, so the event-webhook worker delivers it with its retries and log.
    if (input.status_callback_urls.length > 0)
      await tx.insert(eventSubscriptions).values(
        input.status_callback_urls.map((url) => ({
          name: `OpenDSR ${input.subject_request_id}`,
          url,
          events: ['request.status_changed' as const],
          secretCiphertext: encryptSecret(generateSigningSecret(), SUBSCRIPTION_SECRET_PURPOSE),
          opendsrRequestId: created!.id,
        })),
      );
    return receipt(actor, input, request!.dueOn ?? request!.receivedOn, now);
  });
}

/** §7.1.2: the requester's name, if the controller sends it in an extension keyed by our domain. */
function fullNameFromExtension(input: TOpenDsrCreateRequest): string | null {
  const ours = input.extensions?.[openDsrProcessorDomain()] as Record<string, unknown> | undefined;
  const name = ZFileOnBehalfFields.shape.fullName.safeParse(ours?.full_name);
  return name.success ? name.data : null;
}

function receipt(actor: ApiKeyActor, input: TOpenDsrCreateRequest, dueOn: string, receivedAt: Date): z.infer<typeof ZOpenDsrReceipt> {
  return {
    controller_id: actor.apiKeyId,
    expected_completion_time: expectedCompletionTime(dueOn, env().TIME_ZONE),
    received_time: receivedAt.toISOString(),
    // The validated request, re-serialised: the raw bytes are not kept (they hold the person's email).
    encoded_request: Buffer.from(JSON.stringify(input), 'utf8').toString('base64'),
    subject_request_id: input.subject_request_id,
    api_version: OPENDSR_API_VERSION,
  };
}
