import { z } from 'zod';
import { text } from './text';

/** An optional field of the settings form: an empty box means "not set". */
const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const ZOrganisationSettings = z.strictObject({
  organisationName: text().trim().min(1, 'Enter the organisation name').max(120, 'At most 120 characters'),
  senderName: text()
    .trim()
    .min(1, 'Enter a sender name')
    .max(120, 'At most 120 characters')
    .regex(/^[^\r\n<>"]*$/, 'Use letters, numbers and spaces only'),
  senderEmail: text()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'Enter a valid email address' })),
  /**
   * How a requester reaches the privacy team, named on every public page and in every email
   * (GDPR Art. 12(1), 13(1)(b): the controller's and the DPO's contact details).
   */
  contactEmail: z.preprocess(
    emptyAsUndefined,
    text()
      .trim()
      .max(254)
      .pipe(z.email({ error: 'Enter a valid email address' }))
      .optional(),
  ),
  /** The organisation's privacy notice, linked from every public page and email. */
  privacyNoticeUrl: z.preprocess(
    emptyAsUndefined,
    text()
      .trim()
      .max(2000, 'At most 2,000 characters')
      .pipe(z.url({ protocol: /^https?$/, error: 'Enter a web address starting with https://' }))
      .optional(),
  ),
  /** How many days a fulfilment file can be downloaded, and how many times. */
  downloadDays: z.coerce.number().int().min(1, 'At least 1 day').max(90, 'At most 90 days'),
  maxDownloads: z.coerce.number().int().min(1, 'At least 1').max(100, 'At most 100'),
  /**
   * A deletion with a copy first: how many days after the copy is released the erasure may go ahead even if the
   * requester never downloaded it. The default keeps settings saved before this field existed readable.
   */
  copyWaitDays: z.coerce
    .number({ error: 'Enter a number of days' })
    .int('Enter a whole number of days')
    .min(1, 'At least 1 day')
    .max(90, 'At most 90 days')
    .default(7),
  /**
   * How long audit records (requests' dates and the event log) are kept. CCPA's
   * record-keeping rule asks for at least 24 months (11 CCR §7101(a)), hence the
   * floor. Nothing deletes audit records yet; the default keeps settings saved
   * before this field existed readable.
   */
  auditRetentionMonths: z.coerce
    .number({ error: 'Enter a number of months' })
    .int('Enter a whole number of months')
    .min(24, 'At least 24 months (CCPA keeps request records for 24 months)')
    .max(240, 'At most 240 months')
    .default(24),
  /**
   * How long a closed request keeps the requester's personal data (email, name,
   * details, notes, files) before the daily minimisation job removes it, keeping
   * only what accountability needs (GDPR Art. 5(1)(c) and (e): data minimisation,
   * storage limitation). The floor leaves time for a complaint or a follow-up.
   */
  personalDataRetentionDays: z.coerce
    .number({ error: 'Enter a number of days' })
    .int('Enter a whole number of days')
    .min(30, 'At least 30 days')
    .max(3650, 'At most 3,650 days (10 years)')
    .default(365),
});

export type TOrganisationSettings = z.infer<typeof ZOrganisationSettings>;
