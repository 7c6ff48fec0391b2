import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { GET as getDocsRoute } from '@/app/api/v1/docs/route';
import { GET as getOpenApiRoute } from '@/app/api/v1/openapi.json/route';
import { buildOpenApiDocument } from '@/lib/api/openapi-document';
import { openDsrOperations } from '@/lib/api/opendsr-operations';
import { v1Operations } from '@/lib/api/v1-operations';
import { v1RouteModules } from '@/test/support/api-v1';

const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** The API's folders and where the document puts their paths: /api/v1 is its base, /api/opendsr is under /opendsr. */
const apiFolders = [
  { folder: path.join(process.cwd(), 'app/api/v1'), documentedUnder: '' },
  { folder: path.join(process.cwd(), 'app/api/opendsr'), documentedUnder: '/opendsr' },
];

/** Every route.ts under the API's folders as its OpenAPI path (`[reference]` → `{reference}`). */
function routeFiles(): { filePath: string; openApiPath: string }[] {
  return apiFolders.flatMap(({ folder, documentedUnder }) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => path.basename(file) === 'route.ts')
      .map((file) => ({
        filePath: path.join(folder, file),
        openApiPath: `${documentedUnder}/${path.dirname(file)}`.replace(/\[(\w+)\]/g, '{$1}').replace(/\/\.$/, '') || '/',
      })),
  );
}

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('describes every method of every route under app/api/v1 and app/api/opendsr, and nothing that is not a route', async () => {
    const routed: string[] = [];
    for (const { filePath, openApiPath } of routeFiles()) {
      const module = (await import(filePath)) as Record<string, unknown>;
      for (const method of httpMethods) if (typeof module[method] === 'function') routed.push(`${method} ${openApiPath}`);
    }
    const documented = Object.entries(document.paths).flatMap(([documentedPath, item]) =>
      Object.keys(item)
        .filter((key) => key !== 'servers')
        .map((method) => `${method.toUpperCase()} ${documentedPath}`),
    );
    expect(routed.length).toBeGreaterThanOrEqual(16);
    expect(routed).toEqual(expect.arrayContaining(['GET /opendsr/discovery', 'POST /opendsr/requests', 'DELETE /opendsr/requests/{id}']));
    expect(documented.sort()).toEqual(routed.sort());
  });

  it('the tests’ route table covers every operation, so the response checks reach each of them', () => {
    for (const operation of v1Operations)
      expect(v1RouteModules[operation.path]?.[operation.method], `${operation.method} ${operation.path}`).toBeTypeOf('function');
  });

  it('serves the OpenDSR paths from /api (beside the /api/v1 base), with the signature headers on their answers', () => {
    const paths = document.paths as Record<string, { servers?: { url: string }[] } & Record<string, unknown>>;
    for (const documentedPath of Object.keys(paths).filter((key) => key.startsWith('/opendsr/')))
      expect(paths[documentedPath]!.servers, documentedPath).toEqual([expect.objectContaining({ url: 'http://localhost:3999/api' })]);
    // biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document, walked by key
    const created = (paths['/opendsr/requests'] as any).post.responses['201'];
    expect(Object.keys(created.headers)).toEqual(['X-OpenDSR-Processor-Domain', 'X-OpenDSR-Signature']);
    expect(created.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/OpenDsrReceipt' });
  });

  it('is OpenAPI 3.1 with valid JSON Schema 2020-12 components, each operation secured by the API key', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'openapi', components: document.components } as object);
    for (const name of Object.keys(document.components.schemas))
      expect(() => ajv.getSchema(`openapi#/components/schemas/${name}`), name).not.toThrow();
    for (const [operation, documentedPath] of [
      ...v1Operations.map((operation) => [operation, operation.path] as const),
      ...openDsrOperations.map((operation) => [operation, `/opendsr${operation.path}`] as const),
    ]) {
      // biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document, walked by key
      const documented = (document.paths as Record<string, Record<string, any>>)[documentedPath]![operation.method.toLowerCase()];
      expect(documented.security).toEqual([{ apiKey: [] }]);
      expect(Object.keys(documented.responses)).toEqual(expect.arrayContaining([String(operation.successStatus), '400', '401', '403']));
    }
  });

  it('is served at /api/v1/openapi.json, and /api/v1/docs renders every operation and problem kind without scripts', async () => {
    const served = await getOpenApiRoute();
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(document)));

    const page = await getDocsRoute();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    for (const operation of [...v1Operations, ...openDsrOperations]) expect(html).toContain(`id="${operation.operationId}"`);
    expect(html).toContain('<code>/api/opendsr/requests/{id}</code>');
    expect(html).toContain('id="problem-validation"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost|json-schema)/i);
  });
});
