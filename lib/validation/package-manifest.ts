import { z } from 'zod';
import { ZRequestType } from './request-type';
import { text } from './text';

/**
 * `manifest.json` at the root of a data package: what was gathered, from where,
 * when, and a checksum per file. Parsed again when staff preview a package, so a
 * file damaged in storage is reported instead of half-read.
 */
export const ZPackageFile = z.strictObject({
  path: text().min(1),
  sizeBytes: z.number().int().nonnegative(),
  sha256: text().regex(/^[0-9a-f]{64}$/),
});

export const ZPackageSource = z.strictObject({
  name: text(),
  slug: text(),
  kind: z.enum(['postgres', 'mysql', 'webhook', 'manual', 'processor']),
  status: z.literal('succeeded'),
  /** Rows per table; empty for a manual source. */
  rowCounts: z.record(z.string(), z.number().int().nonnegative()),
  /** A manual source: what the agent who checked it wrote. */
  note: text().optional(),
  /**
   * How the person was found in this source (lib/data-sources/identity-chain.ts): per table, the identity
   * that led to its rows (email, account_identifier, or one found in another source such as shop_customer_id);
   * the named identities it was searched with and which source found them; those its rows yielded for later sources.
   */
  identities: z
    .strictObject({
      tables: z.record(text(), text()),
      searchedWith: z.record(text(), z.strictObject({ values: z.array(text()), foundIn: z.array(text()) })),
      yielded: z.record(text(), z.array(text())),
    })
    .optional(),
});

export const ZPackageManifest = z.strictObject({
  reference: text(),
  requestType: ZRequestType,
  generatedAt: z.iso.datetime(),
  /** How the CSV files differ from the JSON (formula escaping); packages built before it was recorded lack it. */
  csv: z.strictObject({ formulasEscaped: z.literal(true), note: text() }).optional(),
  sources: z.array(ZPackageSource),
  files: z.array(ZPackageFile),
});

export type TPackageFile = z.infer<typeof ZPackageFile>;
export type TPackageSource = z.infer<typeof ZPackageSource>;
export type TPackageManifest = z.infer<typeof ZPackageManifest>;
