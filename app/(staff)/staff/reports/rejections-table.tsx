import { rejectionBasisLabels, type RejectionBasis } from '@/lib/validation/staff-actions';

/** Declined requests by the reason given: the "on what basis" CCPA §7102 and a supervisory authority ask about. */
export function RejectionsTable({ rows }: { rows: { basis: RejectionBasis; count: number }[] }) {
  if (rows.length === 0) return <p className="empty-state">No request received in this range was declined.</p>;
  return (
    <table className="data report-table">
      <caption className="table-caption">Declined requests by reason</caption>
      <thead>
        <tr>
          <th scope="col">Reason</th>
          <th scope="col" className="number">
            Requests
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.basis}>
            <th scope="row">{rejectionBasisLabels[row.basis]}</th>
            <td className="number">{row.count.toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
