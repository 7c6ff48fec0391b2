import type { DatabaseOrTransaction } from '@/db/client';
import { listDataSourceRows } from '@/db/queries/data-sources';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { type DataSourceSummary, toDataSourceSummary } from './data-source-view';

/** Every configured source for the settings page, by name; never a secret. */
export async function listDataSources(db: DatabaseOrTransaction, { actor }: { actor: StaffActor }): Promise<DataSourceSummary[]> {
  assertCan(actor, 'sources.manage');
  return (await listDataSourceRows(db)).map(toDataSourceSummary);
}
