import type { ReactNode } from 'react';

type RowsTableProps = {
  /** Names what the table holds and how much of it is shown ("orders: first 5 of 12 rows"). */
  caption: ReactNode;
  columns: readonly string[];
  /** Each row's cells in column order, as text. */
  rows: readonly (readonly string[])[];
};

/**
 * A table of rows read from a data source (a package preview, a source preview): positional rows of
 * text under the mapped column names, scrolling sideways on its own when wide.
 */
export function RowsTable({ caption, columns, rows }: RowsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional, rendered once and never reordered
            <tr key={index}>
              {row.map((cell, cellIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the column order
                <td key={cellIndex} className="preserve-lines">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "no rows", "1 row", "all 3 rows", "first 5 rows" (total unknown) or "first 5 of 12 rows": a caption's account of the rows shown. */
export function describeShownRows(shown: number, total: number | null): string {
  if (shown === 0 && (total === null || total === 0)) return 'no rows';
  if (total === null) return `first ${shown} ${shown === 1 ? 'row' : 'rows'}`;
  if (shown < total) return `first ${shown} of ${total.toLocaleString('en')} rows`;
  return total === 1 ? '1 row' : `all ${total.toLocaleString('en')} rows`;
}
