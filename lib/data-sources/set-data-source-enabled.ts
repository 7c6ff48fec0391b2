import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { findDataSourceBySlug } from '@/db/queries/data-sources';
import { dataSources } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { assertSameVersion } from './save-data-source';

export type SetDataSourceEnabledOptions = { actor: StaffActor; slug: string; version: number; isEnabled: boolean; now?: Date };

/**
 * Switches a source on or off. Runs started from now on use only enabled sources;
 * a run already going keeps the sources it started with.
 */
export async function setDataSourceEnabled(
  db: Database,
  { actor, slug, version, isEnabled, now = new Date() }: SetDataSourceEnabledOptions,
): Promise<void> {
  assertCan(actor, 'sources.manage');
  await db.transaction(async (tx) => {
    const row = await findDataSourceBySlug(tx, { slug, forUpdate: true });
    if (!row) throw new AppError('NOT_FOUND', 'No such data source.');
    assertSameVersion(row, version);
    if (row.isEnabled === isEnabled) return;
    await tx
      .update(dataSources)
      .set({ isEnabled, version: row.version + 1, updatedAt: now })
      .where(eq(dataSources.id, row.id));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: isEnabled ? 'data_source_enabled' : 'data_source_disabled',
      details: { sourceId: row.id, slug: row.slug, name: row.name, kind: row.kind },
    });
  });
}
