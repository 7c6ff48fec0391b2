import type { DatabaseOrTransaction } from '@/db/client';
import { findDataSourceBySlug } from '@/db/queries/data-sources';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { type DataSourceView, toDataSourceView } from './data-source-view';

/** One source for its edit page, without its secret; null when there is no such source. */
export async function getDataSource(
  db: DatabaseOrTransaction,
  { actor, slug }: { actor: StaffActor; slug: string },
): Promise<DataSourceView | null> {
  assertCan(actor, 'sources.manage');
  const row = await findDataSourceBySlug(db, { slug });
  return row ? toDataSourceView(row) : null;
}
