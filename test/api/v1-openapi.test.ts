import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { GET as getDocsRoute } from '@/app/api/v1/docs/route';
import { GET as getOpenApiRoute } from '@/app/api/v1/openapi.json/route';
import { buildOpenApiDocument } from '@/lib/api/openapi-document';
import { v1Operations } from '@/lib/api/v1-operations';
import { v1RouteModules } from '@/test/support/api-v1';

const v1Folder = path.join(process.cwd(), 'app/api/v1');
const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every route.ts under app/api/v1 as its OpenAPI path (`[reference]` → `{reference}`). */
function routeFiles(): { file: string; openApiPath: string }[] {
  return readdirSync(v1Folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'route.ts')
    .map((file) => ({ file, openApiPath: `/${path.dirname(file)}`.replace(/\[(\w+)\]/g, '{$1}').replace(/^\/\.$/, '/') }));
}

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('describes every method of every route under app/api/v1, and nothing that is not a route', async () => {
    const routed: string[] = [];
    for (const { file, openApiPath } of routeFiles()) {
      const module = (await import(path.join(v1Folder, file))) as Record<string, unknown>;
      for (const method of httpMethods) if (typeof module[method] === 'function') routed.push(`${method} ${openApiPath}`);
    }
    const documented = Object.entries(document.paths).flatMap(([documentedPath, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${documentedPath}`),
    );
    expect(routed.length).toBeGreaterThanOrEqual(11);
    expect(documented.sort()).toEqual(routed.sort());
  });

  it('the tests’ route table covers every operation, so the response checks reach each of them', () => {
    for (const operation of v1Operations)
      expect(v1RouteModules[operation.path]?.[operation.method], `${operation.method} ${operation.path}`).toBeTypeOf('function');
  });

  it('is OpenAPI 3.1 with valid JSON Schema 2020-12 components, each operation secured by the API key', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'openapi', components: document.components } as object);
    for (const name of Object.keys(document.components.schemas))
      expect(() => ajv.getSchema(`openapi#/components/schemas/${name}`), name).not.toThrow();
    for (const operation of v1Operations) {
      // biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document, walked by key
      const documented = (document.paths as Record<string, Record<string, any>>)[operation.path]![operation.method.toLowerCase()];
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
    for (const operation of v1Operations) expect(html).toContain(`id="${operation.operationId}"`);
    expect(html).toContain('id="problem-validation"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost|json-schema)/i);
  });
});
