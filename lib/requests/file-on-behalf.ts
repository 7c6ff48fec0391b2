import type { Database } from '@/db/client';
import { findOpenRequestForUpdate } from '@/db/queries/requests';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { hashEmail } from '@/lib/security/keyed-hash';
import { can } from '@/lib/staff/permissions';
import { assertCan, eventActorOf, isApiKeyActor, staffIdOf, type UseCaseActor } from '@/lib/staff/staff-actor';
import type { TFileOnBehalf } from '@/lib/validation/staff-actions';
import { eq } from 'drizzle-orm';
import { sendAgentStatusLink } from '@/lib/agents/send-agent-status-link';
import { withStoredUploads } from '@/lib/fulfilment/with-stored-uploads';
import { evidenceUploadStore, type StoredUpload } from '@/lib/verification/evidence-file';
import { recordAgentPermission } from '@/lib/verification/record-agent-permission';
import { sendVerificationLink } from '@/lib/verification/send-verification-link';
import { acceptRequest } from './accept-request';
import { assertRequestTypeOffered } from './assert-request-type-offered';
import { recordCorrectionAttachments } from './record-correction-attachments';

export type FileOnBehalfOptions = { actor: UseCaseActor; input: TFileOnBehalf; now?: Date };

/**
 * Staff enter a request received by phone, letter or email. It skips email
 * verification only because the staff member records how identity was checked;
 * the deadline counts from the day it was actually received. Another system filing
 * through /api/v1 uses it too, vouching for the identity check the same way.
 */
export async function fileOnBehalf(db: Database, options: FileOnBehalfOptions): Promise<{ reference: string }> {
  if (options.input.agentEmail && !options.input.agentHasPowerOfAttorney)
    throw new AppError('VALIDATION', 'A request from an agent without a power of attorney waits for the person to confirm it.', {
      field: 'agentHasPowerOfAttorney',
    });
  const { reference } = await fileAtDesk(db, options);
  return { reference: reference! };
}

/**
 * The staff form: a request for the person themselves (accepted at once, as fileOnBehalf), or from
 * an authorised agent (CCPA §7063). With a power of attorney staff checked, it is accepted at once too;
 * without one the person is emailed to confirm it themselves and it has no reference until they do.
 * Either way the agent is emailed their own status link.
 */
export async function fileAtDesk(
  db: Database,
  { actor, input, now = new Date() }: FileOnBehalfOptions,
): Promise<{ reference: string | null }> {
  assertCan(actor, 'requests.file_on_behalf');
  const today = toCalendarDate(now, env().TIME_ZONE);
  if (input.receivedOn > today) throw new AppError('VALIDATION', 'The date received cannot be in the future.', { field: 'receivedOn' });
  const emailHash = hashEmail(input.email);
  // Stored encrypted before the transaction, and removed again if the filing fails.
  const permissionFiles = input.agentEmail && input.agentPermission ? [input.agentPermission] : [];
  return withStoredUploads(
    permissionFiles,
    ([permission]) =>
      withStoredUploads(
        input.correctionAttachments ?? [],
        (attachments) => fileInTransaction(db, { actor, input, now, emailHash, permission: permission ?? null, attachments }),
        { store: evidenceUploadStore('correctionAttachments') },
      ),
    { store: evidenceUploadStore('agentPermission') },
  );
}

function fileInTransaction(
  db: Database,
  {
    actor,
    input,
    now,
    emailHash,
    permission,
    attachments,
  }: Required<FileOnBehalfOptions> & { emailHash: string; permission: StoredUpload | null; attachments: StoredUpload[] },
): Promise<{ reference: string | null }> {
  return db.transaction(async (tx) => {
    await assertRequestTypeOffered(tx, { jurisdiction: input.jurisdiction, type: input.type });
    const open = await findOpenRequestForUpdate(tx, { emailHash, type: input.type });
    if (open)
      throw new AppError(
        'VALIDATION',
        `This person already has an open ${input.type} request${open.reference ? ` (${open.reference})` : ' waiting for email confirmation'}.`,
        { field: 'email', reference: open.reference },
      );

    const [created] = await tx
      .insert(requests)
      .values({
        type: input.type,
        status: 'unverified',
        // CCPA §7101 keeps the manner of each request: another system's API key is 'api', a person at the desk is 'staff'.
        channel: isApiKeyActor(actor) ? 'api' : 'staff',
        jurisdiction: input.jurisdiction,
        emailHash,
        email: input.email.trim(),
        fullName: input.fullName,
        accountIdentifier: input.accountIdentifier ?? null,
        details: input.details ?? null,
        correctionFields: input.type === 'correction' && input.correctionFields?.length ? input.correctionFields : null,
        receivedAt: new Date(`${input.receivedOn}T12:00:00Z`),
        receivedOn: input.receivedOn,
        intakeChannelDetail: input.intakeChannel,
        identityCheck: input.identityCheck,
        agentName: input.agentName ?? null,
        agentEmail: input.agentEmail?.trim() ?? null,
        agentOrganisation: input.agentOrganisation ?? null,
        agentHasPowerOfAttorney: Boolean(input.agentEmail && input.agentHasPowerOfAttorney),
        isFiledByAgent: Boolean(input.agentEmail),
        copyBeforeErasure: input.type === 'deletion' && Boolean(input.copyBeforeErasure),
        language: input.language ?? 'en',
        // The one filing works it, if their role works requests (filing and working are separate permissions); an API key works nothing itself.
        assigneeId: !isApiKeyActor(actor) && can(actor.role, 'requests.work') ? staffIdOf(actor) : null,
      })
      .returning();
    await recordEvent(tx, {
      requestId: created!.id,
      actor: eventActorOf(actor),
      action: 'filed_on_behalf',
      details: {
        channel: input.intakeChannel,
        type: input.type,
        jurisdiction: input.jurisdiction,
        receivedOn: input.receivedOn,
        viaAgent: Boolean(input.agentEmail),
        powerOfAttorney: Boolean(input.agentEmail && input.agentHasPowerOfAttorney),
        ...(created!.copyBeforeErasure ? { copyBeforeErasure: true } : {}),
      },
      isVisibleToRequester: true,
    });
    if (permission) await recordAgentPermission(tx, { requestId: created!.id, stored: permission, actor: eventActorOf(actor), now });
    await recordCorrectionAttachments(tx, { requestId: created!.id, stored: attachments, actor: eventActorOf(actor), now });
    if (created!.agentEmail) await sendAgentStatusLink(tx, created!);
    // An agent without a power of attorney: the person confirms from their own mailbox before anything is done (CCPA §7063(a)).
    if (created!.agentEmail && !created!.agentHasPowerOfAttorney) {
      await tx
        .update(requests)
        .set({ unverifiedExpiresAt: new Date(now.getTime() + env().UNVERIFIED_REQUEST_TTL_DAYS * 86_400_000) })
        .where(eq(requests.id, created!.id));
      await sendVerificationLink(tx, created!, now, { isNewRequest: true });
      return { reference: null };
    }
    const { reference } = await acceptRequest(tx, {
      request: created!,
      now,
      verificationReached: 'staff_check',
      acceptedEvent: {
        actor: eventActorOf(actor),
        action: 'identity_checked_by_staff',
        details: { method: input.intakeChannel },
        isVisibleToRequester: false,
      },
    });
    return { reference };
  });
}
