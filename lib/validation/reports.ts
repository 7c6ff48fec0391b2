import { z } from 'zod';

const optionalDate = (message: string) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), z.iso.date({ error: message }).optional());

/**
 * The report's date range as it appears in the URL (?from=2025-01-01&to=2025-12-31):
 * the calendar days requests were received on, both ends included. Missing ends
 * take the default (the last 12 months), resolved where "today" is known.
 */
export const ZReportRange = z
  .object({
    from: optionalDate('Enter the start date as a real date'),
    to: optionalDate('Enter the end date as a real date'),
  })
  .refine(({ from, to }) => !from || !to || from <= to, { path: ['to'], error: 'The end date must be on or after the start date' });
export type TReportRange = z.infer<typeof ZReportRange>;

/** The calendar year of an annual disclosure (?year=2025). */
export const ZDisclosureYear = z.object({
  year: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.coerce
      .number({ error: 'Enter a year such as 2025' })
      .int('Enter a year such as 2025')
      .min(1970, 'Enter a year from 1970')
      .max(2100, 'Enter a year before 2100')
      .optional(),
  ),
});
export type TDisclosureYear = z.infer<typeof ZDisclosureYear>;

/** The downloads under /api/reports/[report]: each is one table of the reports page. */
export const reportNames = ['summary', 'by-month', 'rejections', 'annual-disclosure'] as const;
export type ReportName = (typeof reportNames)[number];
export const ZReportName = z.enum(reportNames, { error: 'No such report' });
