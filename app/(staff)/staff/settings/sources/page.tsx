import type { Metadata } from 'next';
import Link from 'next/link';
import { DateTimeText } from '@/components/date-time-text';
import type { DataSourceSummary } from '@/lib/data-sources/data-source-view';
import { listDataSources } from '@/lib/data-sources/list-data-sources';
import { getDb } from '@/lib/database';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { PrivateTargetsForm } from './private-targets-form';
import { sourceKindLabels } from './source-kind-labels';

export const metadata: Metadata = { title: 'Data sources' };

function usedFor(source: DataSourceSummary): string {
  if (source.usedForAccess && source.usedForErasure) return 'Access and erasure';
  return source.usedForAccess ? 'Access only' : 'Erasure only';
}

export default async function DataSourcesPage() {
  const actor = await requireStaffPage('sources.manage');
  const sources = await listDataSources(getDb(), { actor });
  const { allowPrivateTargets } = await getNetworkSettings(getDb());

  return (
    <>
      <p>
        <Link href="/staff/settings">Back to settings</Link>
      </p>
      <h1>Data sources</h1>
      <p>
        The systems that hold people’s data. When a request is worked, dsr-desk gathers the person’s data from every source that is switched
        on and used for access, and erases it from every source used for erasure.
      </p>
      <p>
        <Link className="button" href="/staff/settings/sources/new">
          Add a data source
        </Link>
      </p>
      {sources.length === 0 ? (
        <p className="empty-state">No data sources yet. Add the databases, systems and paper files that hold personal data.</p>
      ) : (
        <table className="data sources-table">
          <caption className="table-caption">Every data source, whether it is on, and what it is used for</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">On</th>
              <th scope="col">Used for</th>
              <th scope="col">Secret saved</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id}>
                <th scope="row">
                  <Link href={`/staff/settings/sources/${source.slug}`}>{source.name}</Link>
                  {source.seededFrom ? <span className="muted"> (from {source.seededFrom})</span> : null}
                </th>
                <td>{sourceKindLabels[source.kind]}</td>
                <td>{source.isEnabled ? 'On' : 'Off'}</td>
                <td>{usedFor(source)}</td>
                <td>
                  {source.secretUpdatedAt ? (
                    <DateTimeText date={source.secretUpdatedAt} />
                  ) : source.kind === 'manual' ? (
                    'None needed'
                  ) : (
                    'Not saved'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PrivateTargetsForm isAllowed={allowPrivateTargets} />
    </>
  );
}
