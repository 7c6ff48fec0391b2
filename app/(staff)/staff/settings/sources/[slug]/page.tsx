import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTimeText, formatDateTime } from '@/components/date-time-text';
import { getDataSource } from '@/lib/data-sources/get-data-source';
import { getDb } from '@/lib/database';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { isDatabaseKind } from '@/lib/validation/data-source-form';
import { MapFormatHelp } from '../map-format-help';
import { SourceForm } from '../source-form';
import { savedSourceValues } from '../source-form-values';
import { sourceKindLabels } from '../source-kind-labels';
import { EnabledForm } from './enabled-form';
import { RotateSecretForm } from './rotate-secret-form';
import { WebhookDetails } from './webhook-details';

export const metadata: Metadata = { title: 'Data source' };

const notices: Record<string, string> = {
  created: 'The data source was added.',
};

export default async function DataSourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await requireStaffPage('sources.manage');
  const [{ slug }, { notice }] = await Promise.all([params, searchParams]);
  const source = await getDataSource(getDb(), { actor, slug });
  if (!source) notFound();

  return (
    <>
      <p>
        <Link href="/staff/settings/sources">Back to data sources</Link>
      </p>
      <h1>{source.name}</h1>
      <div aria-live="polite">{notice && notices[notice] ? <p className="notice notice--ok">{notices[notice]}</p> : null}</div>
      {source.seededFrom ? (
        <p className="warning">
          This source comes from the file <code>{source.seededFrom}</code>: the next start of dsr-desk sets it back to what the file says.
          Change the file to change it for good.
        </p>
      ) : null}

      <dl className="summary">
        <dt>Kind</dt>
        <dd>{sourceKindLabels[source.kind]}</dd>
        <dt>Slug</dt>
        <dd>
          <code>{source.slug}</code>
        </dd>
        {source.kind !== 'manual' ? (
          <>
            <dt>{isDatabaseKind(source.kind) ? 'Connection string' : 'Signing secret'}</dt>
            <dd>
              {source.secretUpdatedAt ? (
                <>
                  Saved on <DateTimeText date={source.secretUpdatedAt} /> (stored encrypted, never shown again)
                </>
              ) : (
                'Not saved'
              )}
            </dd>
          </>
        ) : null}
        <dt>Last changed</dt>
        <dd>
          <DateTimeText date={source.updatedAt} />
        </dd>
      </dl>

      <section className="panel" aria-labelledby="switch-heading">
        <h2 id="switch-heading">On or off</h2>
        <EnabledForm slug={source.slug} version={source.version} isEnabled={source.isEnabled} />
      </section>

      {source.callbackUrl ? (
        <section className="panel" aria-labelledby="webhook-heading">
          <h2 id="webhook-heading">For the other system</h2>
          <WebhookDetails callbackUrl={source.callbackUrl} />
          <RotateSecretForm slug={source.slug} version={source.version} />
        </section>
      ) : null}

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">Settings</h2>
        <SourceForm
          kind={source.kind}
          initialValues={savedSourceValues(source)}
          saved={{
            slug: source.slug,
            version: source.version,
            secretSavedOn: source.secretUpdatedAt ? formatDateTime(source.secretUpdatedAt) : null,
          }}
        />
      </section>
      {isDatabaseKind(source.kind) ? <MapFormatHelp /> : null}
    </>
  );
}
