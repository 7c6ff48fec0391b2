import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { dataSourceKinds, type DataSourceKind, isDatabaseKind } from '@/lib/validation/data-source-form';
import { RadioFieldset } from '@/components/radio-fieldset';
import { MapFormatHelp } from '../map-format-help';
import { SourceForm } from '../source-form';
import { newSourceValues } from '../source-form-values';
import { sourceKindDescriptions, sourceKindLabels } from '../source-kind-labels';

export const metadata: Metadata = { title: 'Add a data source' };

function isKind(value: string | undefined): value is DataSourceKind {
  return (dataSourceKinds as readonly string[]).includes(value ?? '');
}

export default async function NewDataSourcePage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  await requireStaffPage('sources.manage');
  const { kind } = await searchParams;

  if (!isKind(kind)) {
    return (
      <>
        <p>
          <Link href="/staff/settings/sources">Back to data sources</Link>
        </p>
        <h1>Add a data source</h1>
        {/* A plain GET form: the choice is a URL, so it works without JavaScript and can be bookmarked. */}
        <form method="get">
          <RadioFieldset
            name="kind"
            legend="What kind of source is it?"
            options={dataSourceKinds.map((value) => ({
              value,
              label: (
                <>
                  <strong>{sourceKindLabels[value]}</strong> — {sourceKindDescriptions[value]}
                </>
              ),
            }))}
            checked="postgres"
          />
          <button type="submit">Continue</button>
        </form>
      </>
    );
  }

  return (
    <>
      <p>
        <Link href="/staff/settings/sources/new">Choose another kind</Link>
      </p>
      <h1>Add a data source: {sourceKindLabels[kind]}</h1>
      <p>{sourceKindDescriptions[kind]}</p>
      {kind === 'webhook' ? <p>A signing secret is made when you save and shown once, for you to copy into the other system.</p> : null}
      <SourceForm kind={kind} initialValues={newSourceValues(kind)} />
      {isDatabaseKind(kind) ? <MapFormatHelp /> : null}
    </>
  );
}
