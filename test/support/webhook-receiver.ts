import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { freePort } from './free-port';

export type ReceivedCall = { method: string; headers: IncomingHttpHeaders; rawBody: string };

/** What the receiver does with one call: answer (after an optional delay), or hang up without answering. */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | { hangUp: true };

export type WebhookReceiver = {
  url: string;
  calls: ReceivedCall[];
  /** Sets the answers: the nth call gets replies[n], later calls the last one. */
  replyWith: (...replies: (Reply | ((call: ReceivedCall) => Promise<Reply> | Reply))[]) => void;
  close: () => Promise<void>;
};

/**
 * A real HTTP server on a free local port standing in for an organisation's
 * system: it records every request exactly as it arrived (raw bytes, headers) and
 * answers as the test says.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const calls: ReceivedCall[] = [];
  let replies: (Reply | ((call: ReceivedCall) => Promise<Reply> | Reply))[] = [{ status: 200, body: { status: 'completed', tables: {} } }];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const call: ReceivedCall = { method: request.method ?? '', headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
    calls.push(call);
    const planned = replies[Math.min(calls.length - 1, replies.length - 1)]!;
    const reply = typeof planned === 'function' ? await planned(call) : planned;
    await answer(response, reply);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/dsr-jobs`,
    calls,
    replyWith: (...next) => {
      replies = next;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(response: ServerResponse, reply: Reply): Promise<void> {
  if ('hangUp' in reply) {
    response.socket?.destroy();
    return;
  }
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if (response.destroyed) return;
  const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  // Content-Length unless the reply asks to stream (Transfer-Encoding: chunked).
  const length = reply.headers?.['Transfer-Encoding'] ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
  response.writeHead(reply.status, { 'Content-Type': 'application/json', ...length, ...reply.headers });
  response.end(body);
}
