import { AppError } from '@/lib/errors/app-error';

/**
 * Reads a request's or response's body as bytes with a size cap: a declared
 * Content-Length over the cap is refused before reading, and a body that turns out
 * larger is cut off at the cap (the stream is cancelled), never buffered whole.
 * Over the cap throws AppError PAYLOAD_TOO_LARGE.
 */
export async function readRawBody(
  message: { headers: Headers; body: ReadableStream<Uint8Array> | null },
  maxBytes: number,
): Promise<Buffer> {
  const declared = Number(message.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await message.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (message.body) {
    // Leaving the loop early (the throw) cancels the stream, so the sender stops too.
    for await (const chunk of message.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
}
