import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import next from 'next';
import { env } from '@/lib/env';
import { refusedRequestResponse } from '@/lib/http/refused-request-response';
import { strictTransportSecurityFor } from '@/lib/http/strict-transport-security';
import { checkIncomingRequest, publicBodyLimitFor } from '@/lib/http/check-incoming-request';
import { isPublicMultipartPost, readPublicFormBody } from '@/lib/http/read-public-form-body';
import { type DatabaseProbe, startDatabaseProbe } from './web/database-probe';
import { serviceUnavailable } from './web/service-unavailable';
import { type SupervisedState, supervisedState } from './web/supervised-state';

type Options = {
  dev: boolean;
  port: number;
  hostname: string;
  trustProxy: boolean;
  databaseUrl: string;
  /** Requests handled at once; more wait in a short queue, and beyond that are refused at once. */
  maxConcurrent: number;
  maxQueued: number;
};

/** How long a request may wait for a slot before it is answered 503 instead. */
const MAX_QUEUE_WAIT_MS = 5_000;

/**
 * Serves the Next.js app. In front of it:
 * - `/api/health/live` (this process answers) and `/api/health/ready` (the database
 *   answers and, under `npm start`, every supervised process runs), for probes;
 * - while the database is unreachable, every request gets a 503 with Retry-After (a
 *   friendly page, or JSON for the API) at once, instead of an error or a hang;
 * - bounded concurrency: at most `maxConcurrent` requests run, `maxQueued` wait (for
 *   a few seconds), and the rest get 503 at once, so memory stays flat under overload;
 *   a queued request whose client gave up is dropped, never run (so never committed).
 * Without a trusted proxy in front, the client IP is the socket's: an X-Forwarded-For
 * sent by the client is overwritten so it cannot dodge the per-IP limits.
 */
export async function startWebServer({
  dev,
  port,
  hostname,
  trustProxy,
  databaseUrl,
  maxConcurrent,
  maxQueued,
}: Options): Promise<Server & { probe: DatabaseProbe }> {
  const app = next({ dev, port, hostname, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const probe = startDatabaseProbe(databaseUrl);
  const supervised = supervisedState();
  let running = 0;
  const queue: (() => void)[] = [];

  const release = () => {
    running--;
    const nextInLine = queue.shift();
    if (nextInLine) nextInLine();
  };

  const run = (request: IncomingMessage, response: ServerResponse) => {
    running++;
    response.once('close', release);
    void handle(request, response);
  };

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
      return refuse(request, response, verdict);
    }
    if (isPublicMultipartPost(request)) {
      // Read and checked before Next sees it: Next answers a malformed multipart body with a 500.
      void readPublicFormBody(request).then((body) => {
        if (body.kind === 'ok') return dispatch(body.request, response);
        if (body.kind === 'malformed') return refuse(request, response, { kind: 'malformed-body' });
        if (body.kind === 'too-large')
          return refuse(request, response, {
            kind: 'too-large',
            limitBytes: publicBodyLimitFor((request.url ?? '/').split('?')[0]!, request.headers['content-type'] ?? ''),
            isStaff: false,
          });
        response.destroy();
      });
      return;
    }
    dispatch(request, response);
  });
  const dispatch = (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    if (url.startsWith('/api/health/')) return answerHealth(url, response, probe, supervised.current());
    if (!probe.isAvailable() && !url.startsWith('/_next/static/')) return serviceUnavailable(request, response, 'database');
    if (running < maxConcurrent) return run(request, response);
    if (queue.length >= maxQueued) return serviceUnavailable(request, response, 'overloaded');
    const start = () => {
      clearTimeout(timer);
      response.off('close', giveUp);
      // The client may have left while it waited: nothing of it runs, nothing commits.
      if (request.socket.destroyed) return queue.shift()?.();
      run(request, response);
    };
    const giveUp = () => {
      clearTimeout(timer);
      const index = queue.indexOf(start);
      if (index >= 0) queue.splice(index, 1);
    };
    const timer = setTimeout(() => {
      giveUp();
      response.off('close', giveUp);
      serviceUnavailable(request, response, 'overloaded');
    }, MAX_QUEUE_WAIT_MS);
    // A queued response closes only when its connection does: the client gave up.
    response.once('close', giveUp);
    queue.push(start);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  server.once('close', () => probe.stop());
  return Object.assign(server, { probe });
}

function refuse(request: IncomingMessage, response: ServerResponse, verdict: Parameters<typeof refusedRequestResponse>[0]): void {
  const { status, headers, body } = refusedRequestResponse(verdict, { path: (request.url ?? '/').split('?')[0]! });
  response.writeHead(status, headers).end(body);
}

function answerHealth(url: string, response: ServerResponse, probe: DatabaseProbe, supervised: SupervisedState | null): void {
  const isReady = probe.isAvailable() && (supervised === null || supervised.every((child) => child.state === 'running'));
  const body = url.startsWith('/api/health/live')
    ? { status: 'live' }
    : { status: isReady ? 'ready' : 'unavailable', database: probe.isAvailable() ? 'up' : 'down', processes: supervised ?? undefined };
  const status = url.startsWith('/api/health/live') || isReady ? 200 : 503;
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
