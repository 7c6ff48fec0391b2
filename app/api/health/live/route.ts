/** Liveness: the process answers HTTP. Checks nothing else, so a slow database never gets a healthy process restarted. */
export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
