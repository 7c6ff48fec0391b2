import { buildOpenApiDocument } from '@/lib/api/openapi-document';

/** The API's description, public like any API reference: it holds no data. */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { 'cache-control': 'no-cache' } });
}
