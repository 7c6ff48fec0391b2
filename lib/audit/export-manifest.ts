import { isSignatureValid, signText } from './tree-head-signing-key';
import type { AuditExportFormat, AuditLog, TAuditExport } from '@/lib/validation/audit-export';

/**
 * What an audit export says about itself. It travels as the file's last line,
 * in the same response as the data, so it always describes exactly the bytes
 * above it (a second download for the manifest could see different data).
 */
export type ExportManifest = {
  kind: 'dsr-desk-audit-export';
  version: 2;
  log: AuditLog;
  format: AuditExportFormat;
  filters: { from: string | null; to: string | null; type: string | null; status: string | null };
  /** The calendar days covered (the from/to filters; null is open-ended), in `timeZone`. */
  timeRange: { from: string | null; to: string | null; timeZone: string };
  rowCount: number;
  generatedAt: string;
  /** sha256 (hex) of every byte of the file before the manifest line. */
  dataSha256: string;
  /**
   * The newest signed tree head of the audit log when the export's snapshot was taken (null before the
   * first seal): its signature checks with `publicKey`, and a later `npm run audit:verify -- --tree-head`
   * proves the log still holds everything it covered.
   */
  treeHead: { treeSize: number; rootHash: string; signedAt: string; signature: string } | null;
  exportedBy: string;
  signatureAlgorithm: 'Ed25519';
  /** The log's Ed25519 public key (raw 32 bytes, base64) and its sha256 fingerprint: compare them with the key your auditor was given. */
  publicKey: string;
  keyFingerprint: string;
};

export type SignedManifest = { manifest: ExportManifest; signature: string };

/** A CSV reader configured with `comment: '#'` skips this line; the NDJSON trailer is plain JSON. */
export const csvManifestPrefix = '#manifest ';

/** JSON with keys sorted at every level: the signature covers meaning, not the writer's key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** Ed25519 (the log's key, lib/audit/tree-head-signing-key.ts) over the manifest's canonical JSON, base64. */
export function signManifest(manifest: ExportManifest): string {
  return signText(canonicalJson(manifest));
}

/** Checks the signature with the public key the manifest names; whether that key is the one you trust is the caller's question. */
export function isManifestSignatureValid(manifest: ExportManifest, signature: string): boolean {
  return typeof manifest.publicKey === 'string' && isSignatureValid(canonicalJson(manifest), signature, manifest.publicKey);
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
