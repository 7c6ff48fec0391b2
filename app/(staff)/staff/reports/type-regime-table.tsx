import { formatPercent } from '@/lib/reports/format-figures';
import type { TypeRegimeFigures } from '@/lib/reports/get-figures-by-type-and-regime';
import { requestTypeLabels } from '@/lib/validation/request-type';
import { FiguresTable } from './figures-table';

/** On time per regime and request type, appeals in their own rows: each law's clock judged on its own. */
export function TypeRegimeTable({ rows }: { rows: TypeRegimeFigures[] }) {
  if (rows.length === 0) return <p className="empty-state">No confirmed request was received in this range.</p>;
  return (
    <FiguresTable
      caption="Requests and on-time rate by regime and type"
      rowHeading="Regime and type"
      columns={['Received', 'Open', 'Fulfilled', 'Declined', 'On time']}
      rows={rows.map((row) => ({
        key: `${row.jurisdiction}:${row.type}:${row.isAppeal}`,
        label: `${row.jurisdictionLabel} · ${requestTypeLabels[row.type].title}${row.isAppeal ? ' (appeals)' : ''}`,
        cells: [
          row.received,
          row.open,
          row.fulfilled,
          row.rejected,
          row.onTimeRate === null ? '—' : `${formatPercent(row.onTimeRate)}% (${row.answeredOnTime.toLocaleString('en')})`,
        ],
      }))}
    />
  );
}
