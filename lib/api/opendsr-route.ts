import { openDsrSignatureHeaders } from '@/lib/opendsr/opendsr-signing-key';
import type { ApiOperation } from './api-operation';
import { apiRoute } from './api-route';

/**
 * An OpenDSR endpoint: apiRoute (key, scopes, parsing, problem details), with every successful
 * answer signed as §7.4, §8.3 and §9.3 ask (X-OpenDSR-Signature over the body as sent).
 */
// biome-ignore lint/suspicious/noExplicitAny: as apiRoute, each operation is typed where it is defined (lib/api/opendsr-operations.ts)
export function openDsrRoute(operation: ApiOperation<any, any, any, any>) {
  const route = apiRoute(operation);
  return async (...args: Parameters<typeof route>): Promise<Response> => {
    const response = await route(...args);
    if (!response.ok) return response;
    const body = await response.text();
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(openDsrSignatureHeaders(body))) headers.set(name, value);
    return new Response(body, { status: response.status, headers });
  };
}
