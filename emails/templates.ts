import { z } from 'zod';
import { supportedLocales } from '@/lib/i18n/locales';
import * as acknowledgement from './acknowledgement';
import * as appealDecided from './appeal-decided';
import * as cancellation from './cancellation';
import * as correctionApplied from './correction-applied';
import * as correctionDeclined from './correction-declined';
import * as restrictionApplied from './restriction-applied';
import * as objectionUpheld from './objection-upheld';
import * as deadlineExtended from './deadline-extended';
import * as deadlineReminder from './deadline-reminder';
import * as deliveryFailureAlert from './delivery-failure-alert';
import * as erasureConfirmed from './erasure-confirmed';
import * as incidentClock from './incident-clock';
import * as incidentNotice from './incident-notice';
import * as informationRequested from './information-requested';
import * as optOutConfirmed from './opt-out-confirmed';
import * as processorCorrectionRequest from './processor-correction-request';
import * as processorErasureRequest from './processor-erasure-request';
import * as requestFulfilled from './request-fulfilled';
import * as copyReady from './copy-ready';
import * as requestOverdue from './request-overdue';
import * as requestRejected from './request-rejected';
import * as requesterReplied from './requester-replied';
import * as staffInvitation from './staff-invitation';
import * as staffSignIn from './staff-sign-in';
import * as statusLink from './status-link';
import * as statusLinks from './status-links';
import * as verification from './verification';

export const emailTemplates = {
  verification: {
    schema: verification.ZVerificationEmailProps,
    subject: verification.subject,
    Component: verification.VerificationEmail,
  },
  'appeal-decided': {
    schema: appealDecided.ZAppealDecidedEmailProps,
    subject: appealDecided.subject,
    Component: appealDecided.AppealDecidedEmail,
  },
  acknowledgement: {
    schema: acknowledgement.ZAcknowledgementEmailProps,
    subject: acknowledgement.subject,
    Component: acknowledgement.AcknowledgementEmail,
  },
  'status-link': {
    schema: statusLink.ZStatusLinkEmailProps,
    subject: statusLink.subject,
    Component: statusLink.StatusLinkEmail,
  },
  'status-links': {
    schema: statusLinks.ZStatusLinksEmailProps,
    subject: statusLinks.subject,
    Component: statusLinks.StatusLinksEmail,
  },
  cancellation: {
    schema: cancellation.ZCancellationEmailProps,
    subject: cancellation.subject,
    Component: cancellation.CancellationEmail,
  },
  'staff-sign-in': {
    schema: staffSignIn.ZStaffSignInEmailProps,
    subject: staffSignIn.subject,
    Component: staffSignIn.StaffSignInEmail,
  },
  'staff-invitation': {
    schema: staffInvitation.ZStaffInvitationEmailProps,
    subject: staffInvitation.subject,
    Component: staffInvitation.StaffInvitationEmail,
  },
  'information-requested': {
    schema: informationRequested.ZInformationRequestedEmailProps,
    subject: informationRequested.subject,
    Component: informationRequested.InformationRequestedEmail,
  },
  'deadline-extended': {
    schema: deadlineExtended.ZDeadlineExtendedEmailProps,
    subject: deadlineExtended.subject,
    Component: deadlineExtended.DeadlineExtendedEmail,
  },
  'request-fulfilled': {
    schema: requestFulfilled.ZRequestFulfilledEmailProps,
    subject: requestFulfilled.subject,
    Component: requestFulfilled.RequestFulfilledEmail,
  },
  'copy-ready': {
    schema: copyReady.ZCopyReadyEmailProps,
    subject: copyReady.subject,
    Component: copyReady.CopyReadyEmail,
  },
  'request-rejected': {
    schema: requestRejected.ZRequestRejectedEmailProps,
    subject: requestRejected.subject,
    Component: requestRejected.RequestRejectedEmail,
  },
  'requester-replied': {
    schema: requesterReplied.ZRequesterRepliedEmailProps,
    subject: requesterReplied.subject,
    Component: requesterReplied.RequesterRepliedEmail,
  },
  'erasure-confirmed': {
    schema: erasureConfirmed.ZErasureConfirmedEmailProps,
    subject: erasureConfirmed.subject,
    Component: erasureConfirmed.ErasureConfirmedEmail,
  },
  'deadline-reminder': {
    schema: deadlineReminder.ZDeadlineReminderEmailProps,
    subject: deadlineReminder.subject,
    Component: deadlineReminder.DeadlineReminderEmail,
  },
  'request-overdue': {
    schema: requestOverdue.ZRequestOverdueEmailProps,
    subject: requestOverdue.subject,
    Component: requestOverdue.RequestOverdueEmail,
  },
  'delivery-failure-alert': {
    schema: deliveryFailureAlert.ZDeliveryFailureAlertEmailProps,
    subject: deliveryFailureAlert.subject,
    Component: deliveryFailureAlert.DeliveryFailureAlertEmail,
  },
  'correction-applied': {
    schema: correctionApplied.ZCorrectionAppliedEmailProps,
    subject: correctionApplied.subject,
    Component: correctionApplied.CorrectionAppliedEmail,
  },
  'correction-declined': {
    schema: correctionDeclined.ZCorrectionDeclinedEmailProps,
    subject: correctionDeclined.subject,
    Component: correctionDeclined.CorrectionDeclinedEmail,
  },
  'restriction-applied': {
    schema: restrictionApplied.ZRestrictionAppliedEmailProps,
    subject: restrictionApplied.subject,
    Component: restrictionApplied.RestrictionAppliedEmail,
  },
  'objection-upheld': {
    schema: objectionUpheld.ZObjectionUpheldEmailProps,
    subject: objectionUpheld.subject,
    Component: objectionUpheld.ObjectionUpheldEmail,
  },
  'opt-out-confirmed': {
    schema: optOutConfirmed.ZOptOutConfirmedEmailProps,
    subject: optOutConfirmed.subject,
    Component: optOutConfirmed.OptOutConfirmedEmail,
  },
  'incident-clock': {
    schema: incidentClock.ZIncidentClockEmailProps,
    subject: incidentClock.subject,
    Component: incidentClock.IncidentClockEmail,
  },
  'processor-erasure-request': {
    schema: processorErasureRequest.ZProcessorErasureRequestEmailProps,
    subject: processorErasureRequest.subject,
    Component: processorErasureRequest.ProcessorErasureRequestEmail,
  },
  'processor-correction-request': {
    schema: processorCorrectionRequest.ZProcessorCorrectionRequestEmailProps,
    subject: processorCorrectionRequest.subject,
    Component: processorCorrectionRequest.ProcessorCorrectionRequestEmail,
  },
  'incident-notice': {
    schema: incidentNotice.ZIncidentNoticeEmailProps,
    subject: incidentNotice.subject,
    Component: incidentNotice.IncidentNoticeEmail,
  },
} as const;

export type EmailTemplateName = keyof typeof emailTemplates;

export type EmailProps<N extends EmailTemplateName> = z.infer<(typeof emailTemplates)[N]['schema']>;

// The outbox stores payloads and renders them later, possibly after a deploy. When a template's props change
// incompatibly, add a `version: 2` entry beside the old one instead of editing it, so rows already queued still parse.
function payloadSchema<N extends EmailTemplateName>(template: N) {
  return z.strictObject({
    template: z.literal(template),
    version: z.literal(1),
    /** The requester's language (enqueueEmail stamps it from the request); left out, English. */
    locale: z.enum(supportedLocales).optional(),
    props: emailTemplates[template].schema,
  });
}

export const ZEmailPayload = z.discriminatedUnion('template', [
  payloadSchema('verification'),
  payloadSchema('acknowledgement'),
  payloadSchema('appeal-decided'),
  payloadSchema('status-link'),
  payloadSchema('status-links'),
  payloadSchema('cancellation'),
  payloadSchema('staff-sign-in'),
  payloadSchema('staff-invitation'),
  payloadSchema('information-requested'),
  payloadSchema('deadline-extended'),
  payloadSchema('request-fulfilled'),
  payloadSchema('copy-ready'),
  payloadSchema('request-rejected'),
  payloadSchema('requester-replied'),
  payloadSchema('erasure-confirmed'),
  payloadSchema('deadline-reminder'),
  payloadSchema('request-overdue'),
  payloadSchema('delivery-failure-alert'),
  payloadSchema('incident-clock'),
  payloadSchema('opt-out-confirmed'),
  payloadSchema('correction-applied'),
  payloadSchema('correction-declined'),
  payloadSchema('restriction-applied'),
  payloadSchema('objection-upheld'),
  payloadSchema('processor-erasure-request'),
  payloadSchema('processor-correction-request'),
  payloadSchema('incident-notice'),
]);

export type TEmailPayload = z.infer<typeof ZEmailPayload>;
