import { createServer, type Server } from 'node:http';
import next from 'next';

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
  const server = createServer((request, response) => {
    if (!trustProxy) request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  return server;
}
