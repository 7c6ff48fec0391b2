import type { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import type { ApiScope } from '@/lib/staff/permissions';
import type { ApiKeyActor } from '@/lib/staff/staff-actor';

type AnyObject = z.ZodType<Record<string, unknown>>;

/** The largest JSON body an endpoint reads; a larger one is refused with 413 before it is buffered. */
export const API_MAX_BODY_BYTES = 64 * 1024;

/**
 * One /api/v1 endpoint: its contract (the zod schemas that parse its input and describe its
 * answer) and the use case it runs. The route file only hands it to apiRoute(), and the
 * OpenAPI document is built from the same objects, so the two cannot drift apart.
 */
export type ApiOperation<
  Params extends AnyObject = AnyObject,
  Query extends AnyObject = AnyObject,
  Body extends z.ZodType = z.ZodType,
  Result extends z.ZodType = z.ZodType,
> = {
  method: 'GET' | 'POST' | 'DELETE';
  /** OpenAPI form, under the API's base (/api/v1, /api/opendsr): `/requests/{reference}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** The scope the use case checks; documentation only, the use case decides. */
  scope: ApiScope;
  params?: Params;
  query?: Query;
  body?: Body;
  /** A POST that honours `Idempotency-Key`: a retry gets the first answer. */
  isIdempotent?: boolean;
  successStatus: 200 | 201 | 202;
  result: Result;
  /** Problems this endpoint may answer besides 400, 401, 403 and 429. */
  problems: ReadonlyArray<404 | 409 | 422>;
  handle: (context: {
    /** The database, or for an idempotent POST the transaction that also stores its answer. */
    db: Database | Transaction;
    actor: ApiKeyActor;
    params: z.infer<Params>;
    query: z.infer<Query>;
    body: z.infer<Body>;
    now: Date;
  }) => Promise<z.infer<Result>>;
};

export function defineApiOperation<Params extends AnyObject, Query extends AnyObject, Body extends z.ZodType, Result extends z.ZodType>(
  operation: ApiOperation<Params, Query, Body, Result>,
): ApiOperation<Params, Query, Body, Result> {
  return operation;
}
