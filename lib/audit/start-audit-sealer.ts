import type { Database } from '@/db/client';
import { sealAuditLog } from './seal-audit-log';

/**
 * Seals the audit log every `intervalMs` until stopped (the log's maximum merge delay is about two
 * intervals plus the longest event-writing transaction). Runs in every worker; the sealer's advisory
 * lock lets one seal at a time. A failed run is logged and the next one tries again.
 */
export function startAuditSealer(
  db: Database,
  { intervalMs, log = console }: { intervalMs: number; log?: Pick<Console, 'error' | 'info'> },
): () => Promise<void> {
  let isStopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const { sealedCount, treeHead } = await sealAuditLog(db, { maxWaitMs: intervalMs });
      if (sealedCount >= 1000) log.info(`audit log: sealed ${sealedCount} event(s), tree size ${treeHead!.treeSize}`);
    } catch (error) {
      log.error('audit log: sealing failed; retrying next interval', error);
    }
  };
  const timer = setInterval(() => {
    if (isStopped) return;
    running = running.then(tick);
  }, intervalMs);
  return async () => {
    isStopped = true;
    clearInterval(timer);
    await running;
  };
}
