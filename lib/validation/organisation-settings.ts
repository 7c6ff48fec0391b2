import { z } from 'zod';

export const ZOrganisationSettings = z.strictObject({
  organisationName: z.string().trim().min(1, 'Enter the organisation name').max(120, 'At most 120 characters'),
  senderName: z.string().trim().min(1, 'Enter a sender name').max(120, 'At most 120 characters').regex(/^[^\r\n<>"]*$/, 'Use letters, numbers and spaces only'),
  senderEmail: z.string().trim().max(254).pipe(z.email({ error: 'Enter a valid email address' })),
  /** How many days a fulfilment file can be downloaded, and how many times. */
  downloadDays: z.coerce.number().int().min(1, 'At least 1 day').max(90, 'At most 90 days'),
  maxDownloads: z.coerce.number().int().min(1, 'At least 1').max(100, 'At most 100'),
});

export type TOrganisationSettings = z.infer<typeof ZOrganisationSettings>;
