import type { MonthTypeStatusCount } from '@/lib/reports/get-request-report';
import { type RequestStatus, statusLabels } from '@/lib/requests/request-status';
import { requestTypeLabels, requestTypes } from '@/lib/validation/request-type';

/** Staff wording for the statuses a confirmed request can have (statusLabels speaks to the requester for some). */
const reportStatuses: { status: RequestStatus; label: string }[] = [
  { status: 'new', label: 'Received' },
  { status: 'in_progress', label: 'In progress' },
  { status: 'awaiting_requester', label: 'Waiting for requester' },
  { status: 'fulfilled', label: statusLabels.fulfilled },
  { status: 'rejected', label: statusLabels.rejected },
  { status: 'cancelled', label: 'Withdrawn' },
];

/** Requests in the range by type (rows) and current status (columns). */
export function TypeStatusTable({ rows }: { rows: MonthTypeStatusCount[] }) {
  const countOf = (type: string, status?: RequestStatus) =>
    rows.filter((row) => row.type === type && (status === undefined || row.status === status)).reduce((sum, row) => sum + row.count, 0);
  return (
    <div className="table-scroll">
      <table className="data report-table">
        <caption className="table-caption">Requests received in the range, by type and current status</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            {reportStatuses.map(({ status, label }) => (
              <th scope="col" key={status} className="number">
                {label}
              </th>
            ))}
            <th scope="col" className="number">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {requestTypes.map((type) => (
            <tr key={type}>
              <th scope="row">{requestTypeLabels[type].title}</th>
              {reportStatuses.map(({ status }) => (
                <td key={status} className="number">
                  {countOf(type, status).toLocaleString('en')}
                </td>
              ))}
              <td className="number">{countOf(type).toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
