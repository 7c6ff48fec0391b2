export type FiguresRow = { key: string; label: string; cells: (number | string)[] };

type FiguresTableProps = { caption: string; rowHeading: string; columns: string[]; rows: FiguresRow[]; hasTotal?: boolean };

/**
 * The one table shape of the reports page: a labelled row per group, figures in
 * right-aligned columns (counts with thousands separators), an optional total column.
 */
export function FiguresTable({ caption, rowHeading, columns, rows, hasTotal = false }: FiguresTableProps) {
  const headings = hasTotal ? [...columns, 'Total'] : columns;
  return (
    <div className="table-scroll">
      <table className="data report-table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {headings.map((heading) => (
              <th scope="col" key={heading} className="number">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const cells = hasTotal ? [...row.cells, row.cells.reduce<number>((sum, cell) => sum + Number(cell), 0)] : row.cells;
            return (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {cells.map((cell, index) => (
                  <td key={headings[index]} className="number">
                    {typeof cell === 'number' ? cell.toLocaleString('en') : cell}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
