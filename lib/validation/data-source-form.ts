import { z } from 'zod';
import {
  type TDataSourceConfig,
  type TSourceMap,
  ZDataSourceSlug,
  ZManualSourceConfig,
  ZMysqlMap,
  ZPostgresMap,
  ZProcessorSourceConfig,
  ZWebhookSourceConfig,
} from './data-source';
import { describeIssue } from './issue-path';
import { text } from './text';
import { type DataPointKind, dataPointKinds } from './verification-levels';

/**
 * The data-source forms under Settings → Data sources, flat as HTML sends them,
 * turned into what the use cases take. Field names are the inputs' names, so each
 * problem lands beside its input; a database source's map is typed as JSON in one
 * textarea, and its problems come back on that field with their path in the JSON.
 */
export const dataSourceKinds = ['postgres', 'mysql', 'webhook', 'manual', 'processor'] as const;
export type DataSourceKind = (typeof dataSourceKinds)[number];

/** The kinds read through a connection string and a map of tables. */
export const databaseSourceKinds = ['postgres', 'mysql'] as const;
export type DatabaseSourceKind = (typeof databaseSourceKinds)[number];
export function isDatabaseKind(kind: string): kind is DatabaseSourceKind {
  return (databaseSourceKinds as readonly string[]).includes(kind);
}

/** What every kind of source is saved with. `connectionString` is null when there is none to save (left blank: keep the saved one). */
export type TDataSourceSettings = {
  name: string;
  /** What requesters read (erasure confirmation): "Our online shop". Null: the name. */
  publicName?: string | null;
  usedForAccess: boolean;
  usedForErasure: boolean;
  config: TDataSourceConfig;
  connectionString: string | null;
};
export type TCreateDataSource = TDataSourceSettings & { slug: string; isEnabled: boolean };

const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The checkbox name of a fact a webhook source checks. */
export function verifiesField(kind: DataPointKind): `verifies.${DataPointKind}` {
  return `verifies.${kind}`;
}

function verifiesFields() {
  return Object.fromEntries(dataPointKinds.map((kind) => [verifiesField(kind), checkbox])) as Record<
    `verifies.${DataPointKind}`,
    typeof checkbox
  >;
}

/** The facts ticked; none ticked is left out, as a webhook saved before identity checks existed has it. */
function verifiesOf(form: Record<`verifies.${DataPointKind}`, boolean>): { verifies?: DataPointKind[] } {
  const verifies = dataPointKinds.filter((kind) => form[verifiesField(kind)]);
  return verifies.length > 0 ? { verifies } : {};
}

const sourceFields = {
  kind: z.enum(dataSourceKinds, { error: 'Choose PostgreSQL, MySQL/MariaDB, webhook, manual or processor' }),
  name: text().trim().min(1, 'Enter a name staff will recognise').max(120, 'At most 120 characters'),
  publicName: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    text().trim().max(120, 'At most 120 characters').optional(),
  ),
  usedForAccess: checkbox,
  usedForErasure: checkbox,
  connectionString: text().trim().optional(),
  map: text().optional(),
  url: text().trim().optional(),
  timeoutSeconds: text().optional(),
  maxAttempts: text().optional(),
  callbackTimeoutHours: text().optional(),
  /** A webhook's `verifies`: one checkbox per fact, named `verifies.<kind>`. */
  ...verifiesFields(),
  instructions: text().optional(),
  vendorName: text().optional(),
  contactEmail: text().optional(),
  reminderDays: text().optional(),
  cutoffDays: text().optional(),
  backupRetentionDays: text().optional(),
  /** "Try it before saving": an address to preview the map's rows for. Never saved; the save schemas ignore it. */
  previewEmail: text().trim().max(254).optional(),
  /** Which "try" button was pressed (set by the page's script; saving ignores it). */
  intent: text().optional(),
};

type SourceFields = z.infer<z.ZodObject<typeof sourceFields>>;
type Context = z.core.$RefinementCtx<unknown>;

/** Parses the map's JSON and checks it against the kind's map schema; every problem becomes a message on the `map` field naming its place. */
export function parseMapText<Map extends TSourceMap>(
  text: string,
  context: Context,
  schema: z.ZodType<Map, unknown>,
  field = 'map',
): Map | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    context.addIssue({ code: 'custom', path: [field], message: `The map is not valid JSON: ${(error as Error).message}` });
    return null;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    context.addIssue({ code: 'custom', path: [field], message: describeIssue(issue.path, issue.message) });
  return null;
}

export function isPostgresUrl(text: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** MySQL/MariaDB connection strings as mysql2 reads them. */
export function isMysqlUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'mysql:';
  } catch {
    return false;
  }
}

const connectionStringRules: Record<DatabaseSourceKind, { isValid: (text: string) => boolean; example: string }> = {
  postgres: { isValid: isPostgresUrl, example: 'Enter a postgres:// connection string, e.g. postgres://user:password@host:5432/database' },
  mysql: {
    isValid: isMysqlUrl,
    example: 'Enter a mysql:// connection string, e.g. mysql://user:password@host:3306/database (MariaDB too)',
  },
};

function readConnectionString(form: SourceFields, context: Context, isRequired: boolean): string | null {
  const rules = isDatabaseKind(form.kind) ? connectionStringRules[form.kind] : null;
  if (!rules || !form.connectionString) {
    if (rules && isRequired) context.addIssue({ code: 'custom', path: ['connectionString'], message: 'Enter the connection string' });
    return null;
  }
  if (!rules.isValid(form.connectionString)) {
    // The value is never repeated back: it may hold a password.
    context.addIssue({ code: 'custom', path: ['connectionString'], message: rules.example });
    return null;
  }
  return form.connectionString;
}

function readConfig(form: SourceFields, context: Context): TDataSourceConfig | null {
  if (isDatabaseKind(form.kind)) {
    if (!form.map?.trim()) {
      context.addIssue({ code: 'custom', path: ['map'], message: 'Enter the map: which tables hold the person’s data' });
      return null;
    }
    if (form.kind === 'mysql') {
      const map = parseMapText(form.map, context, ZMysqlMap);
      return map ? { kind: 'mysql', map } : null;
    }
    const map = parseMapText(form.map, context, ZPostgresMap);
    return map ? { kind: 'postgres', map } : null;
  }
  const parsed =
    form.kind === 'webhook'
      ? ZWebhookSourceConfig.safeParse({
          kind: 'webhook',
          url: form.url ?? '',
          timeoutSeconds: blankToUndefined(form.timeoutSeconds),
          maxAttempts: blankToUndefined(form.maxAttempts),
          callbackTimeoutHours: blankToUndefined(form.callbackTimeoutHours),
          ...verifiesOf(form),
        })
      : form.kind === 'processor'
        ? ZProcessorSourceConfig.safeParse({
            kind: 'processor',
            vendorName: form.vendorName ?? '',
            contactEmail: form.contactEmail ?? '',
            reminderDays: blankToUndefined(form.reminderDays),
            cutoffDays: blankToUndefined(form.cutoffDays),
          })
        : ZManualSourceConfig.safeParse({
            kind: 'manual',
            instructions: form.instructions ?? '',
            backupRetentionDays: blankToUndefined(form.backupRetentionDays),
          });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return null;
}

function readSettings(
  form: SourceFields,
  context: Context,
  { isConnectionStringRequired }: { isConnectionStringRequired: boolean },
): TDataSourceSettings | null {
  if (!form.usedForAccess && !form.usedForErasure) {
    context.addIssue({ code: 'custom', path: ['usedForAccess'], message: 'Use the source for access requests, erasure or both' });
  }
  const connectionString = readConnectionString(form, context, isConnectionStringRequired);
  const config = readConfig(form, context);
  if (!config || context.issues.length > 0) return null;
  return {
    name: form.name,
    publicName: form.publicName ?? null,
    usedForAccess: form.usedForAccess,
    usedForErasure: form.usedForErasure,
    config,
    connectionString,
  };
}

/** A readable slug from a name: "Shop database" → "shop-database". */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export const ZCreateDataSourceForm = z
  .strictObject({ ...sourceFields, slug: text().trim().optional(), isEnabled: checkbox })
  .transform((form, context): TCreateDataSource => {
    const slug = ZDataSourceSlug.safeParse(form.slug || slugFromName(form.name));
    if (!slug.success) context.addIssue({ code: 'custom', path: ['slug'], message: slug.error.issues[0]!.message });
    const settings = readSettings(form, context, { isConnectionStringRequired: true });
    if (!settings || !slug.success) return z.NEVER;
    return { ...settings, slug: slug.data, isEnabled: form.isEnabled };
  });

export const ZUpdateDataSourceForm = z
  .strictObject({ ...sourceFields, slug: ZDataSourceSlug, version: z.coerce.number().int().min(1) })
  .transform((form, context): { slug: string; version: number; settings: TDataSourceSettings } => {
    const settings = readSettings(form, context, { isConnectionStringRequired: false });
    if (!settings) return z.NEVER;
    return { slug: form.slug, version: form.version, settings };
  });

export const ZSetDataSourceEnabledForm = z.strictObject({
  slug: ZDataSourceSlug,
  version: z.coerce.number().int().min(1),
  isEnabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

export const ZRotateSigningSecretForm = z.strictObject({ slug: ZDataSourceSlug, version: z.coerce.number().int().min(1) });

const ZPreviewEmail = text()
  .trim()
  .min(1, 'Enter the email address to preview')
  .max(254, 'At most 254 characters')
  .pipe(z.email({ error: 'Enter an email address like name@example.com' }));

/**
 * "Test connection" and "Preview for this address" on the add/edit form of a database source:
 * the same fields as saving (a blank connection string on a saved source means the saved one),
 * checked the same way, plus what to do.
 */
export const ZTrySourceMapForm = z
  .strictObject({
    ...sourceFields,
    slug: text().trim().optional(),
    version: text().optional(),
    isEnabled: text().optional(),
    // React names a button with its own action itself, so the page sets this hidden field on click;
    // without it (no script), an address typed means a preview.
    intent: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['test', 'preview']).optional()),
  })
  .transform((form, context) => {
    const savedSlug = form.version ? ZDataSourceSlug.safeParse(form.slug) : null;
    if (form.kind !== 'postgres' && form.kind !== 'mysql') {
      context.addIssue({ code: 'custom', path: ['kind'], message: 'Only database sources can be tried before saving' });
    }
    const intent = form.intent ?? (form.previewEmail ? 'preview' : 'test');
    const email = intent === 'preview' ? ZPreviewEmail.safeParse(form.previewEmail ?? '') : null;
    if (email && !email.success) context.addIssue({ code: 'custom', path: ['previewEmail'], message: email.error.issues[0]!.message });
    const settings = readSettings(form, context, { isConnectionStringRequired: !savedSlug?.success });
    if (!settings || context.issues.length > 0) return z.NEVER;
    return {
      intent,
      savedSlug: savedSlug?.success ? savedSlug.data : null,
      settings,
      email: email?.success ? email.data : null,
    };
  });
export type TTrySourceMapForm = z.infer<typeof ZTrySourceMapForm>;
