import { createServer, type Server } from 'node:http';
import next from 'next';
import { env } from '@/lib/env';
import { refusedRequestResponse } from '@/lib/http/refused-request-response';
import { strictTransportSecurityFor } from '@/lib/http/strict-transport-security';
import { checkIncomingRequest } from '@/lib/http/check-incoming-request';

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
