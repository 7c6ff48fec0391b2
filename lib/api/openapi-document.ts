import { z } from 'zod';
import { env } from '@/lib/env';
import { problemKinds, ZProblemDetails } from '@/lib/http/problem-response';
import { apiScopeLabels } from '@/lib/staff/permissions';
import { ZOpenDsrDiscovery } from '@/lib/validation/opendsr';
import { API_MAX_BODY_BYTES, type ApiOperation } from './api-operation';
import { openDsrOperations } from './opendsr-operations';
import { v1Operations } from './v1-operations';

type JsonSchema = Record<string, unknown>;
type Components = Record<string, JsonSchema>;

const problemDescriptions: Record<number, string> = {
  400: 'The body, path or query is invalid (fieldErrors names each field)',
  401: 'No API key, or it is unknown, expired or revoked',
  403: 'The key’s scopes do not allow this',
  404: 'No such request',
  409: 'The request changed since it was read (stale version), or its state does not allow this',
  413: `The body is larger than ${API_MAX_BODY_BYTES / 1024} kB`,
  415: 'The body is not sent as application/json',
  422: 'The Idempotency-Key was used before for a different body',
  429: 'Too many requests',
};

/**
 * Converts a zod schema, moving every named schema (.meta({ id })) into components so each
 * appears once and is referenced. Bodies are described as the client sends them (input),
 * results as the server answers (output).
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Components): JsonSchema {
  const converted = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  const text = JSON.stringify(converted).replaceAll('"#/$defs/', '"#/components/schemas/');
  const { $schema: _dialect, $defs, ...root } = JSON.parse(text) as JsonSchema & { $defs?: Components };
  Object.assign(components, $defs ?? {});
  return root;
}

function parametersOf(operation: ApiOperation, components: Components): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  for (const [location, schema] of [
    ['path', operation.params],
    ['query', operation.query],
  ] as const) {
    if (!schema) continue;
    const converted = toSchema(schema, 'input', components);
    const object = (converted.$ref ? components[String(converted.$ref).split('/').pop()!] : converted) as {
      properties: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(object.properties)) {
      const { description, ...propertySchema } = property;
      parameters.push({
        name,
        in: location,
        required: location === 'path' || (object.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: propertySchema,
      });
    }
  }
  if (operation.isIdempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Any unique string up to 255 characters. A retry with the same key and body gets the first answer (with Idempotent-Replayed: true), never a second request.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  return parameters;
}

/** The signature every successful OpenDSR answer carries (lib/api/opendsr-route.ts). */
const openDsrSignatureHeaders = {
  'X-OpenDSR-Processor-Domain': { description: 'The host of the app’s URL, which the signature speaks for', schema: { type: 'string' } },
  'X-OpenDSR-Signature': {
    description: 'Ed25519 over the exact body bytes, base64; the public key is GET /opendsr/processor-key.pem',
    schema: { type: 'string' },
  },
};

function operationObject(operation: ApiOperation, components: Components, { isOpenDsr = false } = {}): JsonSchema {
  const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } };
  const problemStatuses = [400, 401, 403, ...operation.problems, ...(operation.body ? [413, 415] : []), 429].sort();
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    'x-scope': operation.scope,
    security: [{ apiKey: [] }],
    parameters: parametersOf(operation, components),
    ...(operation.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(operation.body, 'input', components) } } } }
      : {}),
    responses: {
      [operation.successStatus]: {
        description: operation.summary,
        ...(isOpenDsr ? { headers: openDsrSignatureHeaders } : {}),
        content: { 'application/json': { schema: toSchema(operation.result, 'output', components) } },
      },
      ...Object.fromEntries(problemStatuses.map((status) => [status, { description: problemDescriptions[status], ...problem }])),
    },
  };
}

/**
 * The OpenDSR endpoints (/api/opendsr): under `/opendsr` with their own server, since the document's
 * base is /api/v1. The two public ones (discovery and the signing key) hold no data.
 */
function openDsrPaths(operations: readonly ApiOperation[], components: Components): Record<string, Record<string, unknown>> {
  const servers = [{ url: `${env().APP_URL}/api`, description: 'OpenDSR is served beside /api/v1, under /api/opendsr' }];
  const paths: Record<string, Record<string, unknown>> = {
    '/opendsr/discovery': {
      servers,
      get: {
        operationId: 'getOpenDsrDiscovery',
        summary: 'What this service supports (OpenDSR §6)',
        security: [],
        responses: {
          200: {
            description: 'The API version, request types, identities and where the signing key is',
            content: { 'application/json': { schema: toSchema(ZOpenDsrDiscovery, 'output', components) } },
          },
        },
      },
    },
    '/opendsr/processor-key.pem': {
      servers,
      get: {
        operationId: 'getOpenDsrProcessorKey',
        summary: 'The public key OpenDSR answers and callbacks are signed with',
        security: [],
        responses: {
          200: { description: 'An Ed25519 public key (SPKI, PEM)', content: { 'application/x-pem-file': { schema: { type: 'string' } } } },
        },
      },
    },
  };
  for (const operation of operations) {
    const path = `/opendsr${operation.path}`;
    paths[path] ??= { servers };
    paths[path]![operation.method.toLowerCase()] = operationObject(operation, components, { isOpenDsr: true });
  }
  return paths;
}

/** The OpenAPI 3.1 document of /api/v1 and /api/opendsr, built from the operations the routes run. */
export function buildOpenApiDocument(
  operations: readonly ApiOperation[] = v1Operations,
  openDsr: readonly ApiOperation[] = openDsrOperations,
) {
  const components: Components = {};
  toSchema(ZProblemDetails, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = operationObject(operation, components);
  }
  Object.assign(paths, openDsrPaths(openDsr, components));
  // The two routes that describe the API are part of it, open to anyone (they hold no data).
  paths['/openapi.json'] = {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      security: [],
      responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  paths['/docs'] = {
    get: {
      operationId: 'getApiReference',
      summary: 'The readable reference',
      security: [],
      responses: { 200: { description: 'This reference as an HTML page', content: { 'text/html': { schema: { type: 'string' } } } } },
    },
  };
  return {
    openapi: '3.1.1',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'dsr-desk API',
      version: '1.0.0',
      description: `File, read and work data-subject requests from other systems (and, under /api/opendsr, through the OpenDSR specification's endpoints). Authenticate with an API key an admin makes under Settings → API keys, sent as \`Authorization: Bearer <key>\`. Scopes: ${Object.values(apiScopeLabels).join('; ')}. Errors are RFC 9457 problem details; their kinds: ${Object.values(
        problemKinds,
      )
        .map((kind) => kind.slug)
        .join(', ')}.`,
    },
    servers: [{ url: `${env().APP_URL}/api/v1` }],
    paths,
    components: { schemas: components, securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (dsr_…)' } } },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
