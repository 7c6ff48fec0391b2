import { describeShownRows, RowsTable } from '@/components/rows-table';
import type { PreviewTable } from './actions';

/** What "Preview for this address" found: per mapped table, the first rows it would export, as text. */
export function SourcePreview({ tables }: { tables: PreviewTable[] }) {
  return (
    <section aria-labelledby="source-preview-heading" className="source-preview">
      <h2 id="source-preview-heading">Preview for this address</h2>
      {tables.map((table) => (
        <RowsTable
          key={table.table}
          caption={`${table.table}: ${describeShownRows(table.rows.length, table.isCut ? null : table.rows.length)}`}
          columns={table.columns}
          rows={table.rows}
        />
      ))}
    </section>
  );
}
