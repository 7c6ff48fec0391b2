import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '@/lib/api/openapi-document';

/**
 * Checks real answers against the served OpenAPI document (not the zod schemas it was made
 * from), with an independent JSON Schema 2020-12 validator: an answer the document does not
 * describe, or a status it does not list, fails the test.
 */
export function openApiValidator() {
  const document = buildOpenApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components } as object);

  return function responseProblems({
    method,
    template,
    status,
    contentType,
    body,
  }: {
    method: string;
    template: string;
    status: number;
    contentType: string | null;
    body: unknown;
  }): string[] {
    // biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document, walked by key
    const operation = (document.paths as Record<string, Record<string, any>>)[template]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${template} is not in the document`];
    const response = operation.responses[String(status)];
    if (!response) return [`${method} ${template} does not document status ${status}`];
    const mediaType = (contentType ?? '').split(';')[0]!.trim();
    const content = response.content?.[mediaType];
    if (!content) return [`${method} ${template} ${status} does not document ${mediaType}`];
    const schema = JSON.parse(JSON.stringify(content.schema).replaceAll('"#/components/', '"openapi#/components/'));
    const validate = ajv.compile(schema);
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
}
