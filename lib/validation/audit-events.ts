import { z } from 'zod';
import { text } from './text';

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const day = z.preprocess(
  blank,
  text()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD')
    .optional(),
);

/** The audit event viewer's filters, read from the URL; `before` is the keyset cursor (the last event id of the page shown). */
export const ZAuditEventFilters = z.strictObject({
  reference: z.preprocess(blank, text().trim().max(40, 'At most 40 characters').optional()),
  actor: z.preprocess(blank, text().trim().max(100, 'At most 100 characters').optional()),
  action: z.preprocess(
    blank,
    text()
      .trim()
      .max(60, 'At most 60 characters')
      .regex(/^[a-z_]+$/, 'Actions are lower-case words joined by underscores, e.g. data_package_built')
      .optional(),
  ),
  from: day,
  to: day,
  before: z.preprocess(blank, z.coerce.number().int().positive().optional()),
});

export type TAuditEventFilters = z.infer<typeof ZAuditEventFilters>;
