import type { Database } from '@/db/client';
import * as addNoteRoute from '@/app/api/v1/requests/[reference]/notes/route';
import * as extendDeadlineRoute from '@/app/api/v1/requests/[reference]/extend-deadline/route';
import * as fulfilRoute from '@/app/api/v1/requests/[reference]/fulfil/route';
import * as rejectRoute from '@/app/api/v1/requests/[reference]/reject/route';
import * as releasePackageRoute from '@/app/api/v1/requests/[reference]/release-package/route';
import * as requestInformationRoute from '@/app/api/v1/requests/[reference]/request-information/route';
import * as requestRoute from '@/app/api/v1/requests/[reference]/route';
import * as startRoute from '@/app/api/v1/requests/[reference]/start/route';
import * as requestsRoute from '@/app/api/v1/requests/route';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import type { ApiScope } from '@/lib/staff/permissions';
import { createStaffMember } from './staff';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<'GET' | 'POST' | 'DELETE', Handler>>;

/** The /api/v1 route modules by their OpenAPI path, so tests call the real handlers as Next would. */
export const v1RouteModules: Record<string, RouteModule> = {
  '/requests': requestsRoute,
  '/requests/{reference}': requestRoute,
  '/requests/{reference}/notes': addNoteRoute,
  '/requests/{reference}/start': startRoute,
  '/requests/{reference}/request-information': requestInformationRoute,
  '/requests/{reference}/extend-deadline': extendDeadlineRoute,
  '/requests/{reference}/fulfil': fulfilRoute,
  '/requests/{reference}/release-package': releasePackageRoute,
  '/requests/{reference}/reject': rejectRoute,
};

export type ApiCall = {
  method: 'GET' | 'POST';
  path: string;
  key?: string | null;
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
};

/** Which documented path a concrete one is (`/requests/DSR-2026-000001` → `/requests/{reference}`), with its parameters. */
export function matchV1Path(path: string): { template: string; params: Record<string, string> } {
  for (const template of Object.keys(v1RouteModules)) {
    const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
    const match = pattern.exec(path);
    if (match) return { template, params: { ...match.groups } };
  }
  throw new Error(`no /api/v1 route for ${path}`);
}

/** Calls a v1 route handler with a real Request, as Next would. */
export async function callApi({
  method,
  path,
  key,
  body,
  query,
  headers = {},
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body, validated against the served OpenAPI document before it is returned
}: ApiCall): Promise<{ response: Response; template: string; json: any }> {
  const { template, params } = matchV1Path(path);
  const handler = v1RouteModules[template]![method];
  if (!handler) throw new Error(`${method} ${template} is not a route`);
  const url = new URL(`http://localhost:3999/api/v1${path}`);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  const request = new Request(url, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.clone().text();
  return { response, template, json: text ? JSON.parse(text) : null };
}

/** An API key made by an admin through the use case, as the settings page does. */
export async function anApiKey(
  db: Database,
  scopes: ApiScope[],
  { name = `Test key ${scopes.join(' ')}`, expiresInDays = 30 as number | null, now = new Date() } = {},
) {
  const admin = await createStaffMember(db, { role: 'admin' });
  const { id, secret } = await createApiKey(db, { actor: admin, input: { name, scopes, expiresInDays }, now });
  return { id, secret, name, admin };
}

/** A valid body for POST /requests: a deletion request, so no data source starts gathering. */
export function aFileRequestBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'deletion',
    email: `api-${crypto.randomUUID()}@example.test`,
    fullName: 'Grace Hopper',
    jurisdiction: 'eu_gdpr',
    identityCheck: 'Signed in to the customer portal with two-factor authentication',
    ...overrides,
  };
}
