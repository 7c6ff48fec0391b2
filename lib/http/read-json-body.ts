import { AppError } from '@/lib/errors/app-error';
import { readRawBody } from './read-raw-body';

/**
 * Reads a JSON body with a size cap, so a huge upload is refused at the cap
 * instead of buffered whole. Errors are AppErrors whose code carries the HTTP
 * status (PAYLOAD_TOO_LARGE 413, UNSUPPORTED_MEDIA_TYPE 415, VALIDATION 400 for malformed JSON).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json.');
  return parseJsonBody(await readRawBody(request, maxBytes));
}

/**
 * An integer JavaScript cannot hold exactly (a 20-digit account number) kept as its
 * digits, so data a source sends reaches the package as it was sent. JSON.parse gives
 * a reviver the source text of each number (Node 21+).
 */
function keepBigIntegersAsText(_key: string, value: unknown, context?: { source?: string }): unknown {
  return typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined && /^-?\d+$/.test(context.source)
    ? context.source
    : value;
}

/** Parses bytes already read (and, for signed bodies, already verified) as JSON; `isSourceData` keeps big integers exact, as strings. */
export function parseJsonBody(rawBody: Uint8Array, { isSourceData = false }: { isSourceData?: boolean } = {}): unknown {
  try {
    return JSON.parse(
      new TextDecoder().decode(rawBody),
      isSourceData ? (keepBigIntegersAsText as Parameters<typeof JSON.parse>[1]) : undefined,
    );
  } catch {
    throw new AppError('VALIDATION', 'The body is not valid JSON.');
  }
}
