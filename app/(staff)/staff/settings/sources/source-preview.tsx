import type { PreviewTable } from './actions';

/** What "Preview for this address" found: per mapped table, the first rows it would export, as text. */
export function SourcePreview({ tables }: { tables: PreviewTable[] }) {
  return (
    <section aria-labelledby="source-preview-heading" className="source-preview">
      <h2 id="source-preview-heading">Preview for this address</h2>
      {tables.map((table) => (
        <div key={table.table} className="table-scroll">
          <table>
            <caption>
              {table.table}:{' '}
              {table.rows.length === 0
                ? 'no rows'
                : `${table.isCut ? 'first ' : ''}${table.rows.length} ${table.rows.length === 1 ? 'row' : 'rows'}`}
            </caption>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                // Rows have no key of their own here: the preview is read once and never reordered.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={index}>
                  {row.map((cell, column) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the column order
                    <td key={column}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
