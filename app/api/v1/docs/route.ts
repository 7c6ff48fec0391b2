import { buildOpenApiDocument } from '@/lib/api/openapi-document';
import { renderApiReference } from '@/lib/api/render-api-reference';

/** The API reference for people: rendered on the server from the OpenAPI document. */
export function GET(): Response {
  return new Response(renderApiReference(buildOpenApiDocument()), {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
  });
}
