import { getDb } from '@/lib/database';
import { checkReadiness } from '@/lib/health/check-readiness';
import { getStorage } from '@/lib/storage/get-storage';

/** Readiness: 200 when the database and the storage answer, 503 (naming which failed) when not, so a load balancer stops sending traffic here. */
export async function GET(): Promise<Response> {
  const { isReady, checks } = await checkReadiness(getDb(), getStorage());
  return Response.json(
    { status: isReady ? 'ready' : 'not_ready', checks },
    { status: isReady ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
