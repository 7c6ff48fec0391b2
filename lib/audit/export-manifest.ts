import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import type { AuditExportFormat, AuditLog, TAuditExport } from '@/lib/validation/audit-export';

/**
 * What an audit export says about itself. It travels as the file's last line,
 * in the same response as the data, so it always describes exactly the bytes
 * above it (a second download for the manifest could see different data).
 */
export type ExportManifest = {
  kind: 'dsr-desk-audit-export';
  version: 1;
  log: AuditLog;
  format: AuditExportFormat;
  filters: { from: string | null; to: string | null; type: string | null; status: string | null };
  /** The calendar days covered (the from/to filters; null is open-ended), in `timeZone`. */
  timeRange: { from: string | null; to: string | null; timeZone: string };
  rowCount: number;
  generatedAt: string;
  /** sha256 (hex) of every byte of the file before the manifest line. */
  dataSha256: string;
  /** The newest hashed audit event when the export's snapshot was taken; null while the chain has no hashes. */
  chainHead: { eventId: number; hash: string } | null;
  exportedBy: string;
  signatureAlgorithm: 'HMAC-SHA256';
};

export type SignedManifest = { manifest: ExportManifest; signature: string };

/** A CSV reader configured with `comment: '#'` skips this line; the NDJSON trailer is plain JSON. */
export const csvManifestPrefix = '#manifest ';

// A key of its own, derived from APP_SECRET by label, so a manifest signature can
// never be replayed as any other keyed hash the app makes with the same secret.
function manifestKey(): Buffer {
  return createHmac('sha256', env().APP_SECRET).update('audit-export-manifest', 'utf8').digest();
}

/** JSON with keys sorted at every level: the signature covers meaning, not the writer's key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export function signManifest(manifest: ExportManifest): string {
  return createHmac('sha256', manifestKey()).update(canonicalJson(manifest), 'utf8').digest('hex');
}

export function isManifestSignatureValid(manifest: unknown, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(createHmac('sha256', manifestKey()).update(canonicalJson(manifest), 'utf8').digest('hex'), 'utf8');
  return timingSafeEqual(expected, Buffer.from(signature, 'utf8'));
}

/** The file's last line, newline included. */
export function manifestLine(manifest: ExportManifest): string {
  const json = canonicalJson({ manifest, signature: signManifest(manifest) });
  return manifest.format === 'csv' ? `${csvManifestPrefix}${json}\n` : `${json}\n`;
}

/** Reads a manifest line back (either format); null when it is not one. */
export function parseManifestLine(line: string): SignedManifest | null {
  const json = line.startsWith(csvManifestPrefix) ? line.slice(csvManifestPrefix.length) : line;
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!parsed || typeof parsed !== 'object') return null;
    const { manifest, signature } = parsed as Record<string, unknown>;
    if (!manifest || typeof manifest !== 'object' || typeof signature !== 'string') return null;
    return { manifest: manifest as ExportManifest, signature };
  } catch {
    return null;
  }
}

export function manifestFilters(input: TAuditExport): ExportManifest['filters'] {
  return { from: input.from ?? null, to: input.to ?? null, type: input.type ?? null, status: input.status ?? null };
}
