import { z } from 'zod';
import { ZDataSourceConfig, ZDataSourceSlug } from './data-source';
import { dataSourceKinds, isDatabaseKind } from './data-source-form';
import { text } from './text';

/**
 * A seed file of data sources (DATA_SOURCES_FILE, db/seed/demo-data-sources.json):
 * created or updated by slug on every start. Secrets are never written in the file:
 * `secret.env` names the environment variable that holds one.
 */
export const ZDataSourcesFileEntry = z
  .strictObject({
    slug: ZDataSourceSlug,
    name: text().trim().min(1, 'Enter a name').max(120, 'At most 120 characters'),
    /** What requesters read (erasure confirmation): left out, the name. */
    publicName: text().trim().min(1).max(120, 'At most 120 characters').optional(),
    kind: z.enum(dataSourceKinds, { error: 'kind is "postgres", "mysql", "webhook" or "manual"' }),
    /** Left out: true for a new source, unchanged for an existing one (so an admin's switch-off survives restarts). */
    isEnabled: z.boolean().optional(),
    usedForAccess: z.boolean().optional(),
    usedForErasure: z.boolean().optional(),
    config: ZDataSourceConfig,
    secret: z
      .strictObject({ env: text().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Name an environment variable, e.g. SHOP_DATABASE_URL') })
      .optional(),
  })
  .superRefine((entry, context) => {
    if (entry.config.kind !== entry.kind)
      context.addIssue({ code: 'custom', path: ['config', 'kind'], message: `config.kind must be "${entry.kind}", as the source's kind` });
    if (entry.kind === 'manual' && entry.secret)
      context.addIssue({ code: 'custom', path: ['secret'], message: 'A manual source has no secret' });
    if (entry.kind !== 'manual' && !entry.secret) {
      context.addIssue({
        code: 'custom',
        path: ['secret'],
        message: `A ${entry.kind} source needs { "env": "VARIABLE" } naming where its ${isDatabaseKind(entry.kind) ? 'connection string' : 'signing secret'} is`,
      });
    }
  });

export const ZDataSourcesFile = z.array(ZDataSourcesFileEntry).superRefine((entries, context) => {
  const slugs = entries.map((entry) => entry.slug);
  slugs.forEach((slug, index) => {
    if (slugs.indexOf(slug) !== index) context.addIssue({ code: 'custom', path: [index, 'slug'], message: `${slug} appears twice` });
  });
});

export type TDataSourcesFileEntry = z.infer<typeof ZDataSourcesFileEntry>;
