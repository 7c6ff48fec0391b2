import type { TDataSourceConfig } from '@/lib/validation/data-source';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the last backup that may still hold the erased data expires: the erasure's end plus the
 * longest retention among the backup sources it covered (manual sources with `backupRetentionDays`).
 * Until then a restore would bring the data back, so the erasure must be replayed after one. Null
 * when the erasure covered no backup source.
 */
export function lastBackupExpiry(configs: TDataSourceConfig[], erasedAt: Date): Date | null {
  const retention = Math.max(0, ...configs.map((config) => (config.kind === 'manual' ? (config.backupRetentionDays ?? 0) : 0)));
  return retention > 0 ? new Date(erasedAt.getTime() + retention * DAY_MS) : null;
}

/** Sources an erasure replay runs again after a restore: those dsr-desk erases itself (databases), not checklists or processors. */
export function isReplayable(kind: string): boolean {
  return kind === 'postgres' || kind === 'mysql';
}
