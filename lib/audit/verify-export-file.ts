import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { csvManifestPrefix, type ExportManifest, isManifestSignatureValid, parseManifestLine } from './export-manifest';
import { isSignatureValid, publicKeyFingerprint, treeHeadMessage } from './tree-head-signing-key';

export type ExportFileVerification = { isValid: boolean; rowCount: number; problems: string[]; manifest: ExportManifest | null };

const newline = 0x0a;

/**
 * Checks an audit export against its own last line: the manifest's signature,
 * the sha256 of every byte above it, and its row count. Reads the file as a
 * stream, holding back only the last line, so a file of any size fits in memory.
 * The manifest and the audit tree head it carries are signed with the log's Ed25519 key;
 * the check needs no database and no secret. Give `publicKey` (base64, as /staff/audit
 * shows it) to also require that the file was signed by that key and not by any other.
 */
export async function verifyExportFile(path: string, { publicKey }: { publicKey?: string } = {}): Promise<ExportFileVerification> {
  const dataHash = createHash('sha256');
  const counter = new RecordCounter();
  let heldBack = Buffer.alloc(0);
  let isFirstChunk = true;

  for await (const chunk of createReadStream(path)) {
    const buffer = Buffer.concat([heldBack, chunk as Buffer]);
    if (isFirstChunk) {
      counter.start(buffer);
      isFirstChunk = false;
    }
    // Everything up to the newline before the last line is data; the last line may be the manifest.
    const lastByte = buffer.length - 1;
    const cut = buffer.lastIndexOf(newline, buffer[lastByte] === newline ? lastByte - 1 : lastByte);
    if (cut >= 0) {
      const data = buffer.subarray(0, cut + 1);
      dataHash.update(data);
      counter.write(data);
      heldBack = Buffer.from(buffer.subarray(cut + 1));
    } else {
      heldBack = buffer;
    }
  }

  const { rowCount, problem: csvProblem } = await counter.finish();
  const problems: string[] = csvProblem ? [csvProblem] : [];
  const signed = parseManifestLine(heldBack.toString('utf8').replace(/\n$/, ''));
  if (!signed) {
    return {
      isValid: false,
      rowCount,
      problems: [...problems, 'The last line is not a dsr-desk export manifest (the file is incomplete or not an export).'],
      manifest: null,
    };
  }
  const { manifest, signature } = signed;
  if (!isManifestSignatureValid(manifest, signature))
    problems.push('The manifest signature does not match: the manifest was changed, or it was signed with another key.');
  else if (publicKey !== undefined && manifest.publicKey !== publicKey) {
    problems.push(
      `The file was signed with another key (fingerprint ${publicKeyFingerprint(manifest.publicKey)}), not the one given (${publicKeyFingerprint(publicKey)}).`,
    );
  }
  if (manifest.keyFingerprint !== publicKeyFingerprint(String(manifest.publicKey)))
    problems.push('The manifest’s key fingerprint is not the fingerprint of its public key.');
  if (manifest.treeHead && !isSignatureValid(treeHeadMessage(manifest.treeHead), manifest.treeHead.signature, String(manifest.publicKey))) {
    problems.push('The audit tree head in the manifest does not check with its public key.');
  }
  const expectedPrefix = manifest.format === 'csv' ? csvManifestPrefix : '{';
  if (!heldBack.toString('utf8').startsWith(expectedPrefix))
    problems.push(`The manifest says ${manifest.format}, but its line is not written that way.`);
  if (dataHash.digest('hex') !== manifest.dataSha256)
    problems.push('The data does not match the manifest’s sha256: rows were changed, added or removed.');
  if (rowCount !== manifest.rowCount) problems.push(`The file holds ${rowCount} rows; the manifest says ${manifest.rowCount}.`);
  return { isValid: problems.length === 0, rowCount, problems, manifest };
}

/**
 * Counts data rows as they stream past: NDJSON has one row per line (JSON
 * escapes newlines); CSV rows may hold quoted newlines, so a real CSV parser
 * counts them, less the header.
 */
class RecordCounter {
  private parser: ReturnType<typeof parse> | null = null;
  private records = 0;
  private lines = 0;
  /** Settles to the parser's complaint, or null; handled from the start so a parse error is never an unhandled rejection. */
  private outcome: Promise<string | null> = Promise.resolve(null);

  start(firstBytes: Buffer): void {
    if (firstBytes[0] === '{'.charCodeAt(0)) return;
    const parser = parse({ relax_column_count: false });
    this.parser = parser;
    this.outcome = new Promise<void>((resolve, reject) => {
      parser.on('readable', () => {
        while (parser.read() !== null) this.records += 1;
      });
      parser.on('error', reject);
      parser.on('end', () => resolve());
    }).then(
      () => null,
      (error: unknown) => `The data is not well-formed CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  write(data: Buffer): void {
    if (!this.parser) {
      for (const byte of data) if (byte === newline) this.lines += 1;
    } else if (!this.parser.destroyed) {
      this.parser.write(data);
    }
  }

  /** The row count, or the CSV parser's complaint when the data is not well-formed CSV. */
  async finish(): Promise<{ rowCount: number; problem: string | null }> {
    if (!this.parser) return { rowCount: this.lines, problem: null };
    if (!this.parser.destroyed) this.parser.end();
    const problem = await this.outcome;
    return { rowCount: Math.max(this.records - 1, 0), problem };
  }
}
