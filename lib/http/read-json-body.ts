import { AppError } from '@/lib/errors/app-error';

/**
 * Reads a JSON body with a size cap, so a huge upload is refused at the cap
 * instead of buffered whole. Errors are AppError VALIDATION carrying the HTTP
 * status the route passes on (413 too large, 415 wrong type, 400 malformed).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) throw new AppError('VALIDATION', 'Send the body as JSON with Content-Type: application/json.', { httpStatus: 415 });
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new AppError('VALIDATION', `The body is larger than ${maxBytes} bytes.`, { httpStatus: 413 });

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new AppError('VALIDATION', `The body is larger than ${maxBytes} bytes.`, { httpStatus: 413 });
      chunks.push(chunk);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', 'The body is not valid JSON.', { httpStatus: 400 });
  }
}
