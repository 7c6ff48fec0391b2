import { z } from 'zod';
import { type RequestType, requestTypeRules, requestTypes } from './request-type';
import { text } from './text';
import { dataPointKinds } from './verification-levels';

/**
 * What admins write to describe a data source. The map of a database source
 * (PostgreSQL, MySQL/MariaDB) is declarative: for each table, how its rows belong
 * to the subject, which columns an access package holds, and what erasure does.
 * Names are checked for shape here and against the live schema when the map is
 * saved (lib/data-sources/map, with each kind's dialect).
 */
const identifier = text()
  .trim()
  .min(1, 'Enter a name')
  .max(63, 'Names are at most 63 characters')
  .regex(/^[A-Za-z_][A-Za-z0-9_$]*$/, 'Use a plain name: letters, digits and underscores, not starting with a digit');

export const subjectIdentifiers = ['email', 'account_identifier'] as const;

/**
 * A named identity that links sources (`shop_customer_id`, `phone`): found in one source's
 * rows (the map's `yields`) and searched for in another's (a match on `identity`). The
 * request's own email and account id are not named here: they are what every search starts from.
 */
export const ZIdentityName = text()
  .trim()
  .min(1, 'Name the identity')
  .max(40, 'Identity names are at most 40 characters')
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and underscores (e.g. shop_customer_id)')
  .refine((name) => !(subjectIdentifiers as readonly string[]).includes(name), {
    message: 'email and account_identifier come from the request: match them with "equals"',
  });

/** A row belongs to the subject when a column equals their email (case-insensitive) or account id, or references such a row. */
export const ZSubjectMatch = z.union(
  [
    z.strictObject({ column: identifier, equals: z.enum(subjectIdentifiers, { error: 'equals is "email" or "account_identifier"' }) }),
    z.strictObject({ column: identifier, references: z.strictObject({ table: identifier, column: identifier }) }),
    /** Searched by an identity another source yields (lib/data-sources/identity-chain.ts), e.g. the shop's customer number. */
    z.strictObject({ column: identifier, identity: ZIdentityName }),
  ],
  {
    error:
      'match is { "column": …, "equals": "email" or "account_identifier" }, { "column": …, "identity": "shop_customer_id" } or { "column": …, "references": { "table": …, "column": … } }',
  },
);

/**
 * How one anonymised column is masked: NULL; a random string as long as the column
 * allows; a keyed hash (HMAC-SHA256 under a salt made for the one erasure and then
 * forgotten: equal values stay equal within it, nothing links them back); the date
 * cut to its year; or a fixed text. Each is checked on save against the column's
 * live constraints (NOT NULL, UNIQUE, foreign keys).
 */
export const maskStrategies = ['null', 'random', 'hash', 'year'] as const;
export const ZMaskStrategy = z.union([z.enum(maskStrategies), z.strictObject({ fixed: text().max(500, 'At most 500 characters') })], {
  error: 'A column is masked with "null", "random", "hash", "year" or { "fixed": "text" }',
});

export const ZErasureAction = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('delete') }),
    /**
     * Keep the rows (e.g. orders for accounting) but mask these columns: a list blanks each
     * (NULL, or a unique placeholder where NULL is not allowed); an object names each column's strategy.
     */
    z.strictObject({
      action: z.literal('anonymise'),
      columns: z.union([
        z.array(identifier).min(1, 'Name the columns to anonymise'),
        z.record(identifier, ZMaskStrategy).refine((columns) => Object.keys(columns).length > 0, 'Name the columns to anonymise'),
      ]),
    }),
    /** Retained under a legal obligation; counted in the dry run as kept. */
    z.strictObject({ action: z.literal('keep'), reason: text().trim().min(1, 'Say why these rows are kept').max(300) }),
  ],
  { error: 'erase.action is "delete", "anonymise" or "keep"' },
);

/** The request types that are opt-outs (requestTypeRules): each may have its own action in a table. */
export const optOutTypes = requestTypes.filter((type) => requestTypeRules[type].isOptOut) as Extract<
  RequestType,
  'opt_out_sale' | 'opt_out_targeted_ads' | 'limit_sensitive' | 'marketing_unsubscribe'
>[];
export type OptOutType = (typeof optOutTypes)[number];

export function isOptOutType(type: string): type is OptOutType {
  return (optOutTypes as readonly string[]).includes(type);
}

/**
 * What an opt-out does to the subject's rows of a table: set one column to a value
 * (e.g. `{ "column": "marketing_opt_in", "value": false }`). The value is written as the
 * column's own type (checked on save against the live schema).
 */
export const ZOptOutAction = z.strictObject({
  column: identifier,
  value: z.union([z.boolean(), z.number(), text().max(200, 'At most 200 characters'), z.null()], {
    error: 'value is true, false, a number, a text or null',
  }),
});

/**
 * What a restriction (GDPR Art. 18) or an objection (Art. 21) does to the subject's rows of a table: one
 * column set, or several (an objection to direct marketing and profiling may clear two flags).
 */
export const ZProcessingFlagActions = z.union([ZOptOutAction, z.array(ZOptOutAction).min(1, 'Name at least one column to set')], {
  error: 'Give { "column": …, "value": … } or a list of them',
});

/**
 * The request types answered by setting a flag on the subject's rows (a "processing flag"): every
 * opt-out (the map's `optOut`), a restriction (`restriction`) and an objection (`objection`). They share
 * one fulfilment path (lib/fulfilment/processing-flag-runs.ts).
 */
export const processingFlagTypes = [...optOutTypes, 'restriction', 'objection'] as const;
export type ProcessingFlagType = OptOutType | 'restriction' | 'objection';

export function isProcessingFlagType(type: string): type is ProcessingFlagType {
  return (processingFlagTypes as readonly string[]).includes(type);
}

const labelText = text().trim().min(1, 'Enter a label or leave it out').max(120, 'Labels are at most 120 characters');

/**
 * What a requester reads instead of a table's or column's name: one text for every language, or one per
 * language (`{ "en": "Your orders", "de": "Ihre Bestellungen" }`). English is required in that form, since it
 * is shown in every language the map has no label for (lib/data-sources/map/label-in.ts).
 */
export const ZLocalisedLabel = z.union(
  [
    labelText,
    z.strictObject({
      en: labelText,
      de: labelText.optional(),
      fr: labelText.optional(),
      es: labelText.optional(),
      'pt-BR': labelText.optional(),
    }),
  ],
  {
    error: (issue) =>
      typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input) && !('en' in issue.input)
        ? 'A label per language needs its English one, "en": it is shown in every language without its own'
        : 'A label is a text, or one per language such as { "en": "Your orders", "de": "Ihre Bestellungen" }',
  },
);
export type TLocalisedLabel = z.infer<typeof ZLocalisedLabel>;

/** How the readable page of a package (index.html) shows a column's values; the CSV and JSON files keep them as they are. */
export const columnFormats = ['text', 'money', 'date', 'datetime', 'boolean'] as const;

/**
 * A column as a person reads it in their package: a label instead of the column's
 * name, and a format (money with its currency, whether the value is in minor units
 * such as pence; dates and times in the requester's time zone; yes/no).
 */
export const ZColumnPresentation = z
  .strictObject({
    label: ZLocalisedLabel.optional(),
    format: z.enum(columnFormats, { error: 'format is "text", "money", "date", "datetime" or "boolean"' }).optional(),
    currency: text()
      .regex(/^[A-Z]{3}$/, 'currency is a three-letter ISO 4217 code such as "GBP"')
      .optional(),
    /** The value counts the currency's smallest unit (pence, cents): 1250 is shown as 12.50. */
    minorUnits: z.boolean({ error: 'minorUnits is true or false' }).optional(),
  })
  .superRefine((column, context) => {
    if (column.format === 'money' && !column.currency)
      context.addIssue({ code: 'custom', path: ['currency'], message: 'A money column needs its currency, such as "GBP"' });
    if (column.format !== 'money' && (column.currency !== undefined || column.minorUnits !== undefined))
      context.addIssue({ code: 'custom', path: ['format'], message: 'currency and minorUnits go with "format": "money"' });
  });

const tableMapFields = {
  table: identifier,
  /** What the requester's package calls the table ("Your orders"); the table's name if left out. */
  label: ZLocalisedLabel.optional(),
  match: ZSubjectMatch,
  /** Columns copied into an access or export package. */
  export: z.array(identifier).min(1, 'List at least one column to export'),
  /** Labels and formats of exported columns, by column name: only for the readable page. */
  columns: z.record(identifier, ZColumnPresentation).optional(),
  erase: ZErasureAction,
  /**
   * Columns an agent may correct on a correction request (GDPR Art. 16, CCPA §1798.106),
   * one row and one column at a time, after seeing the old and new value. Never a key or
   * the column that ties the row to the person (checked on save).
   */
  correctable: z.array(identifier).min(1, 'Name at least one column, or leave correctable out').optional(),
  /** Per opt-out type, the column to set on the subject's rows when that opt-out is fulfilled. */
  optOut: z.partialRecord(z.enum(optOutTypes, { error: `optOut is keyed by ${optOutTypes.join(', ')}` }), ZOptOutAction).optional(),
  /** The column(s) to set on the subject's rows when a restriction of processing (GDPR Art. 18) is applied. */
  restriction: ZProcessingFlagActions.optional(),
  /** The column(s) to set on the subject's rows when an objection (GDPR Art. 21, e.g. to direct marketing) is upheld. */
  objection: ZProcessingFlagActions.optional(),
};

/**
 * Database maps (PostgreSQL and MySQL/MariaDB) may name verification columns: facts about the subject (a phone number, a postcode, an
 * order number, a date of birth) the requester is asked for and that are matched against this table's
 * rows for them (lib/verification). The values are only compared, never copied out.
 */
export const ZVerificationColumns = z.partialRecord(z.enum(dataPointKinds), identifier, {
  error: `verification names columns by kind: ${dataPointKinds.join(', ')}`,
});

export const ZTableMap = z.strictObject({
  schema: identifier.default('public'),
  ...tableMapFields,
  verification: ZVerificationColumns.optional(),
});

/** A MySQL/MariaDB table: `schema` is the database, left out for the connection string's own. */
export const ZMysqlTableMap = z.strictObject({
  schema: identifier.optional(),
  ...tableMapFields,
  verification: ZVerificationColumns.optional(),
});

/**
 * An identity the source's rows yield for the sources searched after it: the values of `column`
 * in the subject's rows of `table` (e.g. the shop's customers.id as shop_customer_id).
 */
export const ZIdentityYield = z.strictObject({ identity: ZIdentityName, table: identifier, column: identifier });

/** Rules every map obeys whatever its database: each table once, references to mapped tables, no loops. */
function refineMap(
  map: {
    tables: { schema?: string; table: string; match: z.infer<typeof ZSubjectMatch>; export: string[]; columns?: Record<string, unknown> }[];
    yields?: z.infer<typeof ZIdentityYield>[];
  },
  context: z.core.$RefinementCtx<unknown>,
): void {
  (map.yields ?? []).forEach((entry, index) => {
    if (!map.tables.some((table) => table.table === entry.table))
      context.addIssue({
        code: 'custom',
        path: ['yields', index, 'table'],
        message: `${entry.table} is not in the map: an identity is read from the subject's rows of a mapped table`,
      });
  });
  const keys = map.tables.map((table) => (table.schema ? `${table.schema}.${table.table}` : table.table));
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index)
      context.addIssue({ code: 'custom', path: ['tables', index, 'table'], message: `${key} is mapped twice` });
  });
  map.tables.forEach((table, index) => {
    for (const column of Object.keys(table.columns ?? {})) {
      if (!table.export.includes(column))
        context.addIssue({
          code: 'custom',
          path: ['tables', index, 'columns', column],
          message: `${column} is not exported: add it to "export" or remove its label`,
        });
    }
  });
  map.tables.forEach((table, index) => {
    if (!('references' in table.match)) return;
    const parent = table.match.references.table;
    if (!map.tables.some((other) => other.table === parent)) {
      context.addIssue({
        code: 'custom',
        path: ['tables', index, 'match', 'references', 'table'],
        message: `${parent} is not in the map: map the table it references too`,
      });
    }
  });
  const cycle = findReferenceCycle(map.tables);
  if (cycle) context.addIssue({ code: 'custom', path: ['tables'], message: `Tables reference each other in a loop: ${cycle.join(' → ')}` });
}

/** `yields`: identities found in this source that later sources are searched by (lib/data-sources/identity-chain.ts). */
const ZYields = z.array(ZIdentityYield).max(20, 'At most 20 identities').optional();

export const ZPostgresMap = z
  .strictObject({ tables: z.array(ZTableMap).min(1, 'Map at least one table'), yields: ZYields })
  .superRefine(refineMap);

export const ZMysqlMap = z
  .strictObject({ tables: z.array(ZMysqlTableMap).min(1, 'Map at least one table'), yields: ZYields })
  .superRefine(refineMap);

function findReferenceCycle(tables: { table: string; match: z.infer<typeof ZSubjectMatch> }[]): string[] | null {
  for (const start of tables) {
    const seen = [start.table];
    let current = start;
    while ('references' in current.match) {
      const parentName = current.match.references.table;
      const parent = tables.find((table) => table.table === parentName);
      if (!parent) break;
      if (seen.includes(parent.table)) return [...seen, parent.table];
      seen.push(parent.table);
      current = parent;
    }
  }
  return null;
}

export const ZPostgresSourceConfig = z.strictObject({ kind: z.literal('postgres'), map: ZPostgresMap });

export const ZMysqlSourceConfig = z.strictObject({ kind: z.literal('mysql'), map: ZMysqlMap });

export const ZWebhookSourceConfig = z.strictObject({
  kind: z.literal('webhook'),
  url: text().pipe(z.url({ protocol: /^https?$/, error: 'Enter an http:// or https:// URL' })),
  /** How long to wait for one answer before trying again. */
  timeoutSeconds: z.coerce.number().int().min(1, 'At least 1 second').max(120, 'At most 120 seconds').default(15),
  /** Tries per job (the first call included), with backoff between them. */
  maxAttempts: z.coerce.number().int().min(1, 'At least 1').max(10, 'At most 10').default(3),
  /** A job the system accepted (202) but never answered fails after this long, so an agent can retry it. */
  callbackTimeoutHours: z.coerce.number().int().min(1, 'At least 1 hour').max(720, 'At most 720 hours (30 days)').default(72),
  /**
   * The facts this system can check for identity verification: it answers a signed `verify` job
   * with match or no match per fact (README, "Webhook sources"). Absent or empty: it is never asked.
   */
  verifies: z.array(z.enum(dataPointKinds, { error: `verifies lists facts: ${dataPointKinds.join(', ')}` })).optional(),
});

export const ZManualSourceConfig = z.strictObject({
  kind: z.literal('manual'),
  /** What the agent checks or does, shown beside the checklist item. */
  instructions: text().trim().min(1, 'Say what the agent checks or does').max(2000, 'At most 2,000 characters'),
  /**
   * A backup: how long a copy taken today is kept. The erasure confirmation says when the last backup
   * holding the data expires, and until then the request page offers to replay the erasure after a restore.
   */
  backupRetentionDays: z.coerce.number().int().min(1, 'At least 1 day').max(3650, 'At most 3,650 days').optional(),
});

/**
 * A processor or other recipient the data was disclosed to (GDPR Art. 19): told of an erasure by
 * email with a single-use, expiring link where they confirm it or say they hold nothing;
 * reminded every `reminderDays`; failed for staff to chase after `cutoffDays` without an answer.
 */
export const ZProcessorSourceConfig = z.strictObject({
  kind: z.literal('processor'),
  vendorName: text().trim().min(1, 'Name the vendor').max(200, 'At most 200 characters'),
  contactEmail: text()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Enter the email address the vendor reads for privacy requests' })),
  reminderDays: z.coerce.number().int().min(1, 'At least 1 day').max(30, 'At most 30 days').default(3),
  cutoffDays: z.coerce.number().int().min(1, 'At least 1 day').max(90, 'At most 90 days').default(14),
});

export const ZDataSourceConfig = z.discriminatedUnion('kind', [
  ZPostgresSourceConfig,
  ZMysqlSourceConfig,
  ZWebhookSourceConfig,
  ZManualSourceConfig,
  ZProcessorSourceConfig,
]);

export const ZDataSourceSlug = text()
  .trim()
  .min(2, 'At least 2 characters')
  .max(40, 'At most 40 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens (e.g. shop-database)');

export type TPostgresMap = z.infer<typeof ZPostgresMap>;
export type TTableMap = z.infer<typeof ZTableMap>;
export type TErasureAction = z.infer<typeof ZErasureAction>;
export type TOptOutAction = z.infer<typeof ZOptOutAction>;
export type TMaskStrategy = z.infer<typeof ZMaskStrategy>;
export type TMysqlMap = z.infer<typeof ZMysqlMap>;
/** A mapped table of any database kind: PostgreSQL's always has a schema, MySQL's may not. */
export type TMapTable = Omit<TTableMap, 'schema'> & { schema?: string };
/** The map of any database source, as the shared map logic (lib/data-sources/map) reads it. */
export type TSourceMap = { tables: TMapTable[]; yields?: TIdentityYield[] };
export type TIdentityYield = z.infer<typeof ZIdentityYield>;
/** The database source kinds: those read through a map and a connection string. */
export type TDatabaseSourceConfig = z.infer<typeof ZPostgresSourceConfig> | z.infer<typeof ZMysqlSourceConfig>;
export type TColumnPresentation = z.infer<typeof ZColumnPresentation>;
export type TColumnFormat = (typeof columnFormats)[number];
export type TSubjectMatch = z.infer<typeof ZSubjectMatch>;
export type TDataSourceConfig = z.infer<typeof ZDataSourceConfig>;
export type TPostgresSourceConfig = z.infer<typeof ZPostgresSourceConfig>;
export type TMysqlSourceConfig = z.infer<typeof ZMysqlSourceConfig>;
export type TWebhookSourceConfig = z.infer<typeof ZWebhookSourceConfig>;
export type TManualSourceConfig = z.infer<typeof ZManualSourceConfig>;
export type TProcessorSourceConfig = z.infer<typeof ZProcessorSourceConfig>;
