import { z } from 'zod';

export const ZOrganisationSettings = z.strictObject({
  organisationName: z.string().trim().min(1, 'Enter the organisation name').max(120, 'At most 120 characters'),
  senderName: z.string().trim().min(1, 'Enter a sender name').max(120, 'At most 120 characters').regex(/^[^\r\n<>"]*$/, 'Use letters, numbers and spaces only'),
  senderEmail: z.string().trim().max(254).pipe(z.email({ error: 'Enter a valid email address' })),
  /** How many days a fulfilment file can be downloaded, and how many times. */
  downloadDays: z.coerce.number().int().min(1, 'At least 1 day').max(90, 'At most 90 days'),
  maxDownloads: z.coerce.number().int().min(1, 'At least 1').max(100, 'At most 100'),
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
});

export type TOrganisationSettings = z.infer<typeof ZOrganisationSettings>;
