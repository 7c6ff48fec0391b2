import { describeShownRows, RowsTable } from '@/components/rows-table';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DateTimeText } from '@/components/date-time-text';
import { formatBytes } from '@/lib/format/format-bytes';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { decodePathSegment } from '@/lib/http/decode-path-segment';
import { type PackagePreview, previewPackage } from '@/lib/fulfilment/preview-package';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { ZPreviewPackageQuery } from '@/lib/validation/fulfilment';
import { referenceFromPath } from '../reference-param';

type PageProps = { params: Promise<{ reference: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return { title: `Data package for ${decodePathSegment((await params).reference) ?? 'a request'}` };
}

async function loadPreview(actor: StaffActor, reference: string, query: Record<string, string | undefined>): Promise<PackagePreview> {
  const parsed = ZPreviewPackageQuery.safeParse(query);
  if (!parsed.success) notFound();
  try {
    return await previewPackage(getDb(), { actor, reference, runId: parsed.data.run, rowsPerTable: parsed.data.rows });
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) notFound();
    throw error;
  }
}

/** What the requester will get, table by table: the first rows and the full count, read from the ZIP itself. */
export default async function PackagePreviewPage({ params, searchParams }: PageProps) {
  const actor = await requireStaffPage('requests.read');
  const [{ reference: rawReference }, query] = await Promise.all([params, searchParams]);
  const reference = referenceFromPath(rawReference);
  const preview = await loadPreview(actor, reference, query);
  const requestHref = `/staff/requests/${encodeURIComponent(reference)}`;
  return (
    <article className="package-preview">
      <p>
        <a href={requestHref}>Back to request {reference}</a>
      </p>
      <h1>Data package for {reference}</h1>
      <p className="lead">
        Gathered <DateTimeText date={preview.generatedAt} />; {formatBytes(preview.sizeBytes)}; SHA-256{' '}
        <code className="audit-hash">{preview.sha256}</code>
      </p>
      <p className="notice">
        {preview.isReleased
          ? 'This package has been released to the requester.'
          : 'Not yet released. Check it here, then release it from the request page.'}
      </p>
      {preview.sources.length === 0 ? <p className="empty-state">The package holds no sources.</p> : null}
      {preview.sources.map((source, sourceIndex) => (
        <section key={source.name} className="panel" aria-labelledby={`source-${sourceIndex}`}>
          <h2 id={`source-${sourceIndex}`}>{source.name}</h2>
          {source.kind === 'manual' ? (
            <p className="preserve-lines">Checked by hand. Note included for the requester: {source.note || 'none'}</p>
          ) : null}
          {source.kind !== 'manual' && source.tables.length === 0 ? (
            <p className="empty-state">Nothing about this person was found here.</p>
          ) : null}
          {source.tables.map((table) => (
            <RowsTable
              key={table.name}
              caption={
                <>
                  <code>{table.name}</code>: {describeShownRows(table.rows.length, table.rowCount)}
                </>
              }
              columns={table.columns}
              rows={table.rows}
            />
          ))}
        </section>
      ))}
    </article>
  );
}
