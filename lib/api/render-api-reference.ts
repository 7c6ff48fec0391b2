import { problemKinds } from '@/lib/http/problem-response';
import type { OpenApiDocument } from './openapi-document';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const json = (value: unknown) => `<pre><code>${escapeHtml(JSON.stringify(value, null, 2))}</code></pre>`;

type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  'x-scope'?: string;
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
};

const httpMethods = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** A path with its own server (the OpenDSR ones, beside /api/v1) is shown in full from the host: `/api/opendsr/discovery`. */
function shownPath(path: string, item: { servers?: { url: string }[] }): string {
  const server = item.servers?.[0]?.url;
  return server ? `${new URL(server).pathname}${path}` : path;
}

/**
 * The readable reference at /api/v1/docs: plain server-rendered HTML from the OpenAPI
 * document itself (no script, no CDN), so what it says is what the routes do.
 */
export function renderApiReference(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => httpMethods.has(method))
      .map(([method, operation]) => ({ path: shownPath(path, item), method, operation: operation as unknown as Operation })),
  );
  const section = ({ path, method, operation }: (typeof operations)[number]) => `
<section id="${escapeHtml(operation.operationId)}">
  <h3><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> — ${escapeHtml(operation.summary)}</h3>
  ${operation.description ? `<p>${escapeHtml(operation.description)}</p>` : ''}
  <p>${operation['x-scope'] ? `Scope: <code>${escapeHtml(operation['x-scope'])}</code>` : 'No API key needed.'}</p>
  ${
    operation.parameters?.length
      ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Schema</th><th scope="col">About</th></tr></thead><tbody>${operation.parameters
          .map(
            (parameter) =>
              `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${parameter.in}</td><td>${parameter.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(parameter.schema))}</code></td><td>${escapeHtml(parameter.description ?? '')}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : ''
  }
  ${operation.requestBody ? `<h4>Body (application/json)</h4>${json(operation.requestBody.content['application/json']!.schema)}` : ''}
  <h4>Responses</h4>
  <ul>${Object.entries(operation.responses)
    .map(
      ([status, response]) =>
        `<li><strong>${status}</strong> ${escapeHtml(response.description)}${status.startsWith('2') && response.content ? json(Object.values(response.content)[0]!.schema) : ''}</li>`,
    )
    .join('')}</ul>
</section>`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} — reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}pre{background:#f4f4f4;padding:.75rem;overflow:auto;font-size:13px}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}.method{background:#1d4ed8;color:#fff;padding:0 .4rem;border-radius:3px;font-size:.85em}section{border-top:1px solid #ddd;margin-top:1.5rem}</style>
</head><body>
<h1>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</h1>
<p>${escapeHtml(document.info.description ?? '')}</p>
<p>Base URL: <code>${escapeHtml(document.servers[0]!.url)}</code>. Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
<h2>Endpoints</h2>
<ul>${operations.map(({ path, method, operation }) => `<li><a href="#${escapeHtml(operation.operationId)}">${method.toUpperCase()} ${escapeHtml(path)}</a> — ${escapeHtml(operation.summary)}</li>`).join('')}</ul>
${operations.map(section).join('')}
<h2 id="problems">Problems</h2>
<p>Every error is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> and, for invalid input, <code>fieldErrors</code>.</p>
<dl>${Object.values(problemKinds)
    .map((kind) => `<dt id="problem-${kind.slug}"><code>/api/v1/docs#problem-${kind.slug}</code></dt><dd>${escapeHtml(kind.title)}</dd>`)
    .join('')}</dl>
<h2>Schemas</h2>
${Object.entries(document.components.schemas)
  .map(([name, schema]) => `<h3 id="schema-${escapeHtml(name)}">${escapeHtml(name)}</h3>${json(schema)}`)
  .join('')}
</body></html>`;
}
