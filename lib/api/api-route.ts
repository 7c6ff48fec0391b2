import { z } from 'zod';
import { getDb } from '@/db/client';
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import { AppError } from '@/lib/errors/app-error';
import { problemResponse, validationProblem } from '@/lib/http/problem-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { clientIpFrom } from '@/lib/security/client-ip';
import { API_MAX_BODY_BYTES, type ApiOperation } from './api-operation';
import { answerIdempotently } from './answer-idempotently';

const ZIdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, 'An Idempotency-Key is 1 to 255 visible ASCII characters');
const noFields = z.strictObject({});

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

/**
 * Turns an operation into a Next route handler: the key is authenticated (and its use
 * audited), the path, query and body parsed with the operation's schemas, the use case
 * run, and every failure answered as problem details by the one mapping.
 */
// biome-ignore lint/suspicious/noExplicitAny: operations differ in their schemas; each one is typed where it is defined (lib/api/v1-operations.ts)
export function apiRoute(operation: ApiOperation<any, any, any, any>): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const now = new Date();
    try {
      const db = getDb();
      const url = new URL(request.url);
      const actor = await authenticateApiKey(db, {
        authorization: request.headers.get('authorization'),
        method: request.method,
        path: url.pathname,
        ip: clientIpFrom(request.headers),
        now,
      });

      // A path that does not name a request (a malformed reference) is as unknown as a missing one.
      // A route without dynamic segments gets no params object from Next.
      const params = (operation.params ?? noFields).safeParse((await context?.params) ?? {});
      if (!params.success) throw new AppError('NOT_FOUND', 'No such request.');
      const query = (operation.query ?? noFields).safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) return validationProblem(query.error, 'Some query parameters are invalid.');
      let body: unknown;
      if (operation.body) {
        const raw = await readJsonBody(request, API_MAX_BODY_BYTES);
        const parsed = operation.body.safeParse(raw);
        if (!parsed.success) return validationProblem(parsed.error);
        body = parsed.data;
      }

      const run = async (database: Parameters<typeof operation.handle>[0]['db']) => ({
        status: operation.successStatus,
        body: await operation.handle({ db: database, actor, params: params.data, query: query.data, body, now }),
      });
      const idempotencyKey = request.headers.get('idempotency-key');
      if (operation.isIdempotent && idempotencyKey !== null) {
        const key = ZIdempotencyKey.safeParse(idempotencyKey);
        if (!key.success) throw new AppError('VALIDATION', key.error.issues[0]!.message, { field: 'Idempotency-Key' });
        const answer = await answerIdempotently(
          db,
          { apiKeyId: actor.apiKeyId, key: key.data, method: request.method, path: url.pathname, body },
          run,
        );
        return Response.json(answer.body, { status: answer.status, headers: answer.isReplay ? { 'idempotent-replayed': 'true' } : {} });
      }
      const answer = await run(db);
      return Response.json(answer.body, { status: answer.status });
    } catch (error) {
      return problemResponse(error);
    }
  };
}
