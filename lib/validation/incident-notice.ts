import { z } from 'zod';
import { text } from './text';

const NOTICE_PART_MAX = 3000;
const part = (missing: string) =>
  text()
    .trim()
    .min(1, missing)
    .max(NOTICE_PART_MAX, `At most ${NOTICE_PART_MAX.toLocaleString('en')} characters`);

/**
 * The notice to the people a breach affected, in the parts GDPR Art. 34(2) (with Art. 33(3)(b)–(d))
 * asks for, each written in plain language: what happened, what data, what we did, what they
 * can do, and who to contact.
 */
export const ZIncidentNotice = z.strictObject({
  subject: text().trim().min(1, 'Give the email a subject').max(150, 'At most 150 characters'),
  whatHappened: part('Say what happened'),
  dataInvolved: part('Say which of their data was involved'),
  whatWeDid: part('Say what you have done about it'),
  whatYouCanDo: part('Say what they can do to protect themselves'),
  contact: part('Say who they can contact (a name or role, an email address)'),
});
export type TIncidentNotice = z.infer<typeof ZIncidentNotice>;

export const ZIncidentNoticeForm = ZIncidentNotice.extend({
  reference: text().trim().min(1).max(40),
  version: z.coerce.number().int().min(1),
});
export type TIncidentNoticeForm = z.infer<typeof ZIncidentNoticeForm>;

export const noticePartLabels: Record<Exclude<keyof TIncidentNotice, 'subject'>, string> = {
  whatHappened: 'What happened',
  dataInvolved: 'What data of yours was involved',
  whatWeDid: 'What we have done',
  whatYouCanDo: 'What you can do',
  contact: 'Who to contact',
};

export const ZSendIncidentNotice = z.strictObject({
  reference: text().trim().min(1).max(40),
  version: z.coerce.number().int().min(1),
});
