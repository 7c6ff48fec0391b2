import { filerLabels } from '@/lib/reports/filer-labels';
import { formatPercent } from '@/lib/reports/format-figures';
import type { FilerFigures } from '@/lib/reports/get-request-report';
import { FiguresTable } from './figures-table';

/** The range split by who filed: through an authorised agent (CCPA regs, 11 CCR §7063) or by the person. */
export function FilerTable({ rows }: { rows: FilerFigures[] }) {
  return (
    <FiguresTable
      caption="Requests by who filed them"
      rowHeading="Filed"
      columns={['Received', 'Still open', 'Answered', 'Answered on time', 'On time (%)']}
      rows={rows.map((row) => ({
        key: row.filer,
        label: filerLabels[row.filer][0]!.toUpperCase() + filerLabels[row.filer].slice(1),
        cells: [row.received, row.open, row.answered, row.answeredOnTime, formatPercent(row.onTimeRate)],
      }))}
    />
  );
}
