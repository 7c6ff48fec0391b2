import type { DataSourceView } from '@/lib/data-sources/data-source-view';
import type { TSourceMap } from '@/lib/validation/data-source';
import { type DataSourceKind, verifiesField } from '@/lib/validation/data-source-form';
import { dataPointKinds, dataPointLabels } from '@/lib/validation/verification-levels';

/** The labels the error summary links to, by input name. */
export const sourceFieldLabels: Record<string, string> = {
  name: 'Name',
  publicName: 'Name requesters read',
  slug: 'Slug',
  isEnabled: 'Switched on',
  usedForAccess: 'Used for',
  connectionString: 'Connection string',
  map: 'Map (JSON)',
  url: 'Job URL',
  timeoutSeconds: 'Timeout (seconds)',
  maxAttempts: 'Tries per job',
  callbackTimeoutHours: 'Wait for a late answer (hours)',
  ...Object.fromEntries(dataPointKinds.map((kind) => [verifiesField(kind), `Checks: ${dataPointLabels[kind].label}`])),
  instructions: 'Instructions for the agent',
  vendorName: 'Vendor name',
  contactEmail: 'Vendor’s privacy contact email',
  reminderDays: 'Remind every (days)',
  cutoffDays: 'Fail after (days)',
  backupRetentionDays: 'Backups kept for (days)',
  previewEmail: 'Email address',
};

/** A starting point for a new map: one table matched by email. The page explains the rest. */
const mapTemplate = JSON.stringify(
  { tables: [{ table: 'customers', match: { column: 'email', equals: 'email' }, export: ['id', 'email'], erase: { action: 'delete' } }] },
  null,
  2,
);

/** The form's fields for a new source of this kind. */
export function newSourceValues(kind: DataSourceKind): Record<string, string> {
  return {
    kind,
    name: '',
    publicName: '',
    slug: '',
    isEnabled: 'on',
    usedForAccess: 'on',
    usedForErasure: 'on',
    connectionString: '',
    map: mapTemplate,
    url: '',
    timeoutSeconds: '15',
    maxAttempts: '3',
    callbackTimeoutHours: '72',
    ...Object.fromEntries(dataPointKinds.map((kind) => [verifiesField(kind), ''])),
    instructions: '',
    vendorName: '',
    contactEmail: '',
    reminderDays: '3',
    cutoffDays: '14',
    backupRetentionDays: '',
  };
}

/** The form's fields from a saved source. Never the secret: the connection string field starts blank ("keep"). */
export function savedSourceValues(source: DataSourceView): Record<string, string> {
  const config = source.config;
  return {
    kind: source.kind,
    name: source.name,
    publicName: source.publicName ?? '',
    usedForAccess: source.usedForAccess ? 'on' : '',
    usedForErasure: source.usedForErasure ? 'on' : '',
    connectionString: '',
    map: 'map' in config ? mapText(config.map) : '',
    url: config.kind === 'webhook' ? config.url : '',
    timeoutSeconds: config.kind === 'webhook' ? String(config.timeoutSeconds) : '',
    maxAttempts: config.kind === 'webhook' ? String(config.maxAttempts) : '',
    // Sources saved before this setting existed read as the default.
    callbackTimeoutHours: config.kind === 'webhook' ? String(config.callbackTimeoutHours ?? 72) : '',
    ...Object.fromEntries(
      dataPointKinds.map((kind) => [verifiesField(kind), config.kind === 'webhook' && config.verifies?.includes(kind) ? 'on' : '']),
    ),
    instructions: config.kind === 'manual' ? config.instructions : '',
    vendorName: config.kind === 'processor' ? config.vendorName : '',
    contactEmail: config.kind === 'processor' ? config.contactEmail : '',
    reminderDays: config.kind === 'processor' ? String(config.reminderDays) : '',
    cutoffDays: config.kind === 'processor' ? String(config.cutoffDays) : '',
    backupRetentionDays: config.kind === 'manual' && config.backupRetentionDays ? String(config.backupRetentionDays) : '',
  };
}

/**
 * The map as people write it: keys in the documented order (the database keeps JSON
 * keys in its own order), and `schema` only where it is not the default.
 */
function mapText(map: TSourceMap): string {
  // The documented keys first, then every other key the saved map has (correctable, optOut, restriction,
  // objection, verification…): one left out here would be silently dropped the next time the form is saved.
  const tables = map.tables.map(({ schema, table, label, match, export: exported, columns, erase, ...rest }) => ({
    ...(!schema || schema === 'public' ? {} : { schema }),
    table,
    label,
    match,
    export: exported,
    columns,
    erase,
    ...rest,
  }));
  return JSON.stringify({ tables, ...(map.yields?.length ? { yields: map.yields } : {}) }, null, 2);
}
