import { z } from 'zod';
import { supportedLocales } from '@/lib/i18n/locales';
import { ZPauseKind } from './deadline-policy';
import { AGENT_PERMISSION_OR_ATTORNEY_REQUIRED, requireAgentPermission, ZEvidenceFile } from './evidence-file';
import { ZJurisdiction } from './jurisdiction';
import { ZRequestType } from './request-type';
import { agentFields, requireCompleteAgent, requireDeletionForCopy, ZEmailAddress } from './submit-request';
import { gatherCorrectionFields, requireWhatToCorrect, ZCorrectionAttachments, ZCorrectionFields } from './correction-request';
import { text } from './text';

export const ZVersion = z.coerce.number({ error: 'Reload the page and try again' }).int().min(1);
export const ZReference = text().regex(/^DSR-\d{4}-\d{6,}$/, 'Not a request reference');

/** The longest message a form takes (a reply, a note, a question to the requester). */
export const MESSAGE_MAX_LENGTH = 5000;

export const messageText = (label: string, max = MESSAGE_MAX_LENGTH) =>
  text({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Keep ${label} under ${max.toLocaleString('en')} characters`);

export const ZStartWork = z.strictObject({ reference: ZReference, version: ZVersion });

export const ZRequestInformation = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  message: messageText('the question for the requester'),
  pauseKind: ZPauseKind,
});

export const ZAnswerInformationRequest = z.strictObject({ message: messageText('your reply') });

export const ZAppealRequest = z.strictObject({ reason: messageText('why you disagree with our decision') });

export const ZDecideAppeal = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  outcome: z.enum(['granted', 'denied'], { error: 'Choose grant or deny' }),
  message: messageText('a message to the requester'),
  overrideReason: z.preprocess(
    (value) => (value === '' ? undefined : value),
    messageText('why you decide your own refusal’s appeal', 1000).optional(),
  ),
});

export const ZExtendDeadline = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  reason: messageText('the reason', 2000),
  /** The new due date (at most the legal maximum, which extendDeadline checks); left out: the maximum. */
  dueOn: z.preprocess((value) => (value === '' ? undefined : value), z.iso.date({ error: 'Enter a date' }).optional()),
});

export const ZFulfilRequest = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  message: messageText('a message to the requester'),
});

export const rejectionBases = [
  'identity_not_verified',
  'manifestly_unfounded_or_excessive',
  'legal_exemption',
  'no_data_held',
  'duplicate',
  'spam',
] as const;
export type RejectionBasis = (typeof rejectionBases)[number];

export const rejectionBasisLabels: Record<RejectionBasis, string> = {
  identity_not_verified: 'We could not verify your identity',
  manifestly_unfounded_or_excessive: 'The request is manifestly unfounded or excessive',
  legal_exemption: 'A legal exemption applies',
  no_data_held: 'We hold no personal data about you',
  duplicate: 'This duplicates another request',
  spam: 'This was not a genuine request',
};

export const ZRejectionBasis = z.enum(rejectionBases, { error: 'Choose a reason' });

export const ZRejectRequest = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  basis: ZRejectionBasis,
  message: z.preprocess((value) => (value === '' ? undefined : value), messageText('the explanation').optional()),
});

/**
 * The request page's reject form: rejecting closes the request and emails the requester, so the form
 * needs a second, explicit confirmation, checked here on the server (not only by the browser).
 */
export const ZRejectRequestForm = ZRejectRequest.extend({
  isConfirmed: z.literal('yes', { error: 'Tick the box to confirm: the request closes and the requester is emailed' }),
});

export const ZAssignRequest = z.strictObject({
  reference: ZReference,
  version: ZVersion.nullable(),
  assigneeId: z.preprocess((value) => (value === '' ? null : value), z.uuid({ error: 'Choose a staff member' }).nullable()),
});

export const ZAddNote = z.strictObject({ reference: ZReference, body: messageText('the note') });

export const ZRetryRequestEmails = z.strictObject({ reference: ZReference });

export const intakeChannels = ['phone', 'letter', 'email', 'in_person', 'other'] as const;
export const intakeChannelLabels: Record<(typeof intakeChannels)[number], string> = {
  phone: 'Phone call',
  letter: 'Letter',
  email: 'Email to us',
  in_person: 'In person',
  other: 'Other',
};

/** The filing form's fields, before the cross-field rule (the API extends these). */
export const ZFileOnBehalfFields = z.strictObject({
  type: ZRequestType,
  email: ZEmailAddress,
  fullName: text().trim().min(1, 'Enter the full name').max(200),
  accountIdentifier: z.preprocess((value) => (value === '' ? undefined : value), text().trim().max(200).optional()),
  details: z.preprocess(
    (value) => (value === '' ? undefined : value),
    text().trim().max(2000, 'Keep the details under 2,000 characters').optional(),
  ),
  /** A correction only: structured "field, what it says now, what it should be" lines. */
  correctionFields: ZCorrectionFields.optional(),
  jurisdiction: ZJurisdiction,
  intakeChannel: z.enum(intakeChannels, { error: 'Choose how the request reached us' }),
  identityCheck: text().trim().min(10, 'Describe how you checked the person’s identity (at least 10 characters)').max(1000),
  receivedOn: z.iso.date({ error: 'Enter the date the request was received' }),
  /** The requester's language for every email and page about the request; English when left out. */
  language: z.enum(supportedLocales, { error: `Language must be one of ${supportedLocales.join(', ')}` }).optional(),
});
/** The staff form adds "filed by an authorised agent" (CCPA §7063); the API files for people directly. */
export const ZFileOnBehalf = ZFileOnBehalfFields.extend({
  ...agentFields,
  /** Staff saw and checked a power of attorney: the person need not confirm themselves (CCPA §7063(b)). */
  agentHasPowerOfAttorney: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()).optional(),
  /** The person's signed permission for the agent, uploaded from the form (stored encrypted like identity documents). */
  agentPermission: ZEvidenceFile.optional(),
  /** A deletion only: the person asked for a copy of their data before it is erased. */
  copyBeforeErasure: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()).optional(),
  /** A correction only: proof documents, stored encrypted like identity documents. */
  correctionAttachments: ZCorrectionAttachments.optional(),
})
  .superRefine(requireWhatToCorrect)
  .superRefine(requireCompleteAgent)
  .superRefine(requireDeletionForCopy)
  .superRefine((input, context) => requireAgentPermission(input, context, AGENT_PERMISSION_OR_ATTORNEY_REQUIRED));
export type TFileOnBehalf = z.infer<typeof ZFileOnBehalf>;
/** The staff filing form posts a correction's lines one input at a time (gatherCorrectionFields). */
export const ZFileOnBehalfForm = z.preprocess(
  (value) => (value && typeof value === 'object' ? gatherCorrectionFields(value as Record<string, unknown>) : value),
  ZFileOnBehalf,
);

export const ZBulkAction = z.strictObject({
  references: z.array(ZReference).min(1, 'Select at least one request').max(200, 'At most 200 requests at a time'),
  action: z.enum(['assign', 'reject_duplicate', 'reject_spam']),
  assigneeId: z.preprocess((value) => (value === '' ? null : value), z.uuid().nullable().optional()),
  message: z.preprocess((value) => (value === '' ? undefined : value), text().trim().max(5000).optional()),
  /** Bulk rejection closes every selected request and emails each requester: the second, explicit confirmation. */
  isConfirmed: z.literal('yes').optional(),
  /** Requests staff filed with a recorded identity check are skipped by a bulk rejection unless this is ticked as well. */
  includeIdentityChecked: z.literal('yes').optional(),
});
