import { z } from 'zod';
import { text } from './text';

/**
 * How staff describe the rows a breach touched in one database source: a mapped table
 * and conditions on its columns, all of which must hold. Names are checked here for shape
 * and against the source's map and live schema before any SQL is written
 * (lib/incidents/affected-people-sql.ts); values are always bound as parameters.
 */
const identifier = text()
  .trim()
  .min(1, 'Choose a column')
  .max(63, 'Names are at most 63 characters')
  .regex(/^[A-Za-z_][A-Za-z0-9_$]*$/, 'Use a plain name: letters, digits and underscores');

/** Comparisons a condition can make; the value is bound and the database compares it in the column's own type (a date, a number). */
export const comparisonOperators = ['=', '<>', '<', '<=', '>', '>='] as const;
export const comparisonLabels: Record<(typeof comparisonOperators)[number], string> = {
  '=': 'is',
  '<>': 'is not',
  '<': 'is before / less than',
  '<=': 'is on or before / at most',
  '>': 'is after / more than',
  '>=': 'is on or after / at least',
};

/** At most this many values in one uploaded list (a CSV of ids); a larger breach is described by a condition instead. */
export const AFFECTED_LIST_MAX = 100_000;

const conditionValue = text().trim().min(1, 'Enter a value').max(200, 'At most 200 characters');

export const ZAffectedCondition = z.discriminatedUnion(
  'operator',
  [
    z.strictObject({ column: identifier, operator: z.enum(comparisonOperators), value: conditionValue }),
    /** The column's value (compared as text) is one of an uploaded list, e.g. customer ids from a CSV. */
    z.strictObject({
      column: identifier,
      operator: z.literal('in'),
      values: z
        .array(conditionValue)
        .min(1, 'The list is empty')
        .max(AFFECTED_LIST_MAX, `At most ${AFFECTED_LIST_MAX.toLocaleString('en')} values`),
    }),
    z.strictObject({ column: identifier, operator: z.enum(['is_empty', 'is_not_empty']) }),
  ],
  { error: 'A condition compares a column with a value, a list, or checks it is empty' },
);

export const ZAffectedFilter = z.strictObject({
  /** A mapped table, as the map names it (its schema too when not the default). */
  table: identifier,
  schema: identifier.optional(),
  conditions: z.array(ZAffectedCondition).min(1, 'Add at least one condition').max(5, 'At most 5 conditions'),
});

export type TAffectedCondition = z.infer<typeof ZAffectedCondition>;
export type TAffectedFilter = z.infer<typeof ZAffectedFilter>;

/** The affected-people form: one source, one table, one comparison and/or an uploaded list of values for a column. */
export const ZAffectedLookupForm = z
  .strictObject({
    reference: text().trim().min(1).max(40),
    sourceId: z.uuid({ error: 'Choose a system' }),
    table: identifier,
    column: z.preprocess((value) => (value === '' ? undefined : value), identifier.optional()),
    operator: z.preprocess((value) => (value === '' ? undefined : value), z.enum(comparisonOperators).optional()),
    value: z.preprocess((value) => (value === '' ? undefined : value), conditionValue.optional()),
    listColumn: z.preprocess((value) => (value === '' ? undefined : value), identifier.optional()),
    /** The uploaded CSV's text: one value per line (the first cell of each), a header line is skipped when it is the column's name. */
    listCsv: text().max(5_000_000, 'The list is too large').default(''),
    intent: z.enum(['dry_run', 'run']).default('dry_run'),
  })
  .superRefine((form, context) => {
    if (form.column && (!form.operator || !form.value))
      context.addIssue({ code: 'custom', path: ['value'], message: 'Choose a comparison and enter a value' });
    if (!form.column && !form.listColumn)
      context.addIssue({ code: 'custom', path: ['column'], message: 'Describe the rows: a condition, a list of values, or both' });
    if (form.listColumn && !form.listCsv.trim())
      context.addIssue({ code: 'custom', path: ['listCsv'], message: 'Upload the list of values' });
  });
export type TAffectedLookupForm = z.infer<typeof ZAffectedLookupForm>;

/** "Run again" on a failed search: a new search of the same source with the same filter. */
export const ZRetryAffectedLookup = z.strictObject({
  reference: text().trim().min(1).max(40),
  lookupId: z.uuid(),
});
export type TRetryAffectedLookup = z.infer<typeof ZRetryAffectedLookup>;
