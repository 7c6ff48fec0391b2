import { rejectionBasisLabels, type RejectionBasis } from '@/lib/validation/staff-actions';
import { FiguresTable } from './figures-table';

/** Declined requests by the reason given: the "on what basis" CCPA §7102 and a supervisory authority ask about. */
export function RejectionsTable({ rows }: { rows: { basis: RejectionBasis; count: number }[] }) {
  if (rows.length === 0) return <p className="empty-state">No request received in this range was declined.</p>;
  return (
    <FiguresTable
      caption="Declined requests by reason"
      rowHeading="Reason"
      columns={['Requests']}
      rows={rows.map((row) => ({ key: row.basis, label: rejectionBasisLabels[row.basis], cells: [row.count] }))}
    />
  );
}
