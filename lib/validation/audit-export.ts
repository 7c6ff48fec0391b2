import { z } from 'zod';
import { requestStatuses } from '@/lib/requests/request-status';
import { ZRequestType } from './request-type';

/** `incidents`: the register of personal data breaches (GDPR Art. 33(5)), exported and signed like the two logs. */
export const auditLogs = ['requests', 'events', 'incidents'] as const;
export type AuditLog = (typeof auditLogs)[number];

export const auditExportFormats = ['csv', 'ndjson'] as const;
export type AuditExportFormat = (typeof auditExportFormats)[number];

/** Every status (the state machine's pure definition, the one import here besides zod). */
export const auditExportStatuses = requestStatuses;

// A form (or a hand-written URL) sends "" for a field left blank: that means "no filter".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

/**
 * The query of GET /api/audit/export and of the /staff/audit form. Dates are
 * calendar days in the organisation's time zone, both ends included: for the
 * request log they bound the day of receipt, for the event log the event time.
 * Type and status filter the request a row belongs to (events of the workspace
 * itself, with no request, drop out when either is set).
 */
export const ZAuditExport = z
  .object({
    log: z.enum(auditLogs, { error: 'Choose the request log, the event log or the breach register' }),
    format: z.enum(auditExportFormats, { error: 'Choose CSV or NDJSON' }),
    from: optional(z.iso.date({ error: 'Enter the start date as YYYY-MM-DD' })),
    to: optional(z.iso.date({ error: 'Enter the end date as YYYY-MM-DD' })),
    type: optional(ZRequestType),
    status: optional(z.enum(auditExportStatuses, { error: 'Choose a status from the list' })),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    path: ['to'],
    error: 'The end date must be on or after the start date',
  });

export type TAuditExport = z.infer<typeof ZAuditExport>;
