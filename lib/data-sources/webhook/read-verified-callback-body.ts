import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DataSourceRow } from '@/db/schema';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignatureHmac } from './sign-webhook-request';
import { isMatchingSignature, parseSignatureHeaders, type SignatureCheck, signatureProblems } from './verify-webhook-signature';
import { MAX_UNVERIFIED_IN_MEMORY_BYTES, MAX_WEBHOOK_BODY_BYTES } from './webhook-limits';

export type CallbackHeaders = { timestamp: string; signature: string; candidates: string[] };

/**
 * What can be refused before a byte of a callback's body is read: a Content-Type
 * other than JSON (415), missing, malformed or stale signature headers (401) and a
 * declared Content-Length over the cap (413).
 */
export function checkCallbackHeaders(headers: Headers, now = new Date()): CallbackHeaders {
  const mediaType = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json')
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the callback as Content-Type: application/json.');
  const timestamp = headers.get(TIMESTAMP_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  const parsed = parseSignatureHeaders({ timestamp, signature, now });
  if (!parsed.isValid) throw signatureRefusal(parsed.reason);
  if (Number(headers.get('content-length') ?? 0) > MAX_WEBHOOK_BODY_BYTES) throw tooLarge();
  return { timestamp: parsed.timestamp, signature: signature!, candidates: parsed.candidates };
}

/**
 * Reads a callback's body while hashing it, and hands it back only if the
 * signature matches. Until then at most MAX_UNVERIFIED_IN_MEMORY_BYTES are held
 * in memory; the rest of a larger body goes to a private file under
 * STORAGE_DIR/incoming, removed whatever happens. So unsigned or forged uploads
 * cost disk for the moment they last, never the server's memory.
 */
export async function readVerifiedCallbackBody(
  body: ReadableStream<Uint8Array> | null,
  {
    source,
    headers,
    maxInMemoryBytes = MAX_UNVERIFIED_IN_MEMORY_BYTES,
  }: { source: DataSourceRow; headers: CallbackHeaders; maxInMemoryBytes?: number },
): Promise<Buffer> {
  if (!source.secretCiphertext) {
    await body?.cancel().catch(() => undefined);
    throw signatureRefusal('mismatch');
  }
  const hmac = webhookSignatureHmac(readSourceSecret(source), headers.timestamp);
  const inMemory: Uint8Array[] = [];
  let size = 0;
  let spill: { path: string; stream: WriteStream } | null = null;
  try {
    if (body) {
      // Leaving the loop early (a throw) cancels the stream, so the sender stops too.
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > MAX_WEBHOOK_BODY_BYTES) throw tooLarge();
        hmac.update(chunk);
        if (!spill && size <= maxInMemoryBytes) {
          inMemory.push(chunk);
          continue;
        }
        if (!spill) {
          spill = await openSpillFile();
          for (const held of inMemory.splice(0)) await write(spill.stream, held);
        }
        await write(spill.stream, chunk);
      }
    }
    if (!isMatchingSignature(hmac.digest('hex'), headers.candidates)) throw signatureRefusal('mismatch');
    if (!spill) return Buffer.concat(inMemory);
    await close(spill.stream);
    return await readFile(spill.path);
  } finally {
    if (spill) {
      spill.stream.destroy();
      await rm(spill.path, { force: true });
    }
  }
}

async function openSpillFile(): Promise<{ path: string; stream: WriteStream }> {
  const folder = path.resolve(env().STORAGE_DIR, 'incoming');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const filePath = path.join(folder, `callback-${randomUUID()}.part`);
  const stream = createWriteStream(filePath, { mode: 0o600 });
  await once(stream, 'open');
  return { path: filePath, stream };
}

async function write(stream: WriteStream, chunk: Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

function signatureRefusal(reason: Extract<SignatureCheck, { isValid: false }>['reason']): AppError {
  return new AppError('UNAUTHENTICATED', signatureProblems[reason]);
}

function tooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `The body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes.`);
}
