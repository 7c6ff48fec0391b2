import { createServer, IncomingMessage, type Server, type ServerResponse } from 'node:http';
import next from 'next';
import { env } from '@/lib/env';
import { refusedRequestResponse } from '@/lib/http/refused-request-response';
import { strictTransportSecurityFor } from '@/lib/http/strict-transport-security';
import { checkIncomingRequest, isParseableFormBody } from '@/lib/http/check-incoming-request';

type Options = { dev: boolean; port: number; hostname: string; trustProxy: boolean };

/**
 * Serves the Next.js app from this process (beside the worker). Without a trusted
 * proxy in front, the client IP is the socket's: an X-Forwarded-For sent by the
 * client is overwritten so it cannot dodge the per-IP limits.
 */
export async function startWebServer({ dev, port, hostname, trustProxy }: Options): Promise<Server> {
  const app = next({ dev, port, hostname, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const transportSecurity = strictTransportSecurityFor(env().APP_URL);
  const server = createServer((request, response) => {
    if (!trustProxy) request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
    if (transportSecurity) response.setHeader('Strict-Transport-Security', transportSecurity);
    const verdict = checkIncomingRequest(request);
    if (verdict.kind === 'not-found') {
      // Next's router throws on a malformed %-escape; answer as for any page that does not exist.
      request.url = '/_not-found';
    } else if (verdict.kind === 'same-origin-without-origin') {
      // Next compares a server action's Origin with the host and refuses `null`.
      request.headers.origin = verdict.origin;
    } else if (verdict.kind === 'check-form-body') {
      void handleCheckedForm(request, response, handle);
      return;
    } else if (verdict.kind !== 'pass') {
      const { status, headers, body } = refusedRequestResponse(verdict, { path: (request.url ?? '/').split('?')[0]! });
      response.writeHead(status, headers).end(body);
      return;
    }
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  return server;
}

type Handle = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * A small public multipart post (under the 64 KB limit, already checked), read whole and
 * parsed once here: a malformed one is a 400, a good one goes to Next as a fresh request
 * carrying the same bytes (the original stream has been read).
 */
async function handleCheckedForm(request: IncomingMessage, response: ServerResponse, handle: Handle): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (!(await isParseableFormBody(new Uint8Array(body), request.headers['content-type'] ?? ''))) {
    const { status, headers, body: page } = refusedRequestResponse({ kind: 'malformed-form' }, { path: (request.url ?? '/').split('?')[0]! });
    response.writeHead(status, headers).end(page);
    return;
  }
  const replay = new IncomingMessage(request.socket);
  Object.assign(replay, { method: request.method, url: request.url, headers: request.headers, rawHeaders: request.rawHeaders, httpVersion: request.httpVersion, httpVersionMajor: request.httpVersionMajor, httpVersionMinor: request.httpVersionMinor });
  replay.push(body);
  replay.push(null);
  await handle(replay, response);
}
