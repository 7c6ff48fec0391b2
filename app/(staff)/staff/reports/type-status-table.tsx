import type { MonthTypeStatusCount } from '@/lib/reports/get-request-report';
import { type RequestStatus, statusLabels } from '@/lib/requests/request-status';
import { requestTypeLabels, requestTypes } from '@/lib/validation/request-type';
import { FiguresTable } from './figures-table';

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
  const countOf = (type: string, status: RequestStatus) =>
    rows.filter((row) => row.type === type && row.status === status).reduce((sum, row) => sum + row.count, 0);
  return (
    <FiguresTable
      caption="Requests received in the range, by type and current status"
      rowHeading="Type"
      columns={reportStatuses.map(({ label }) => label)}
      rows={requestTypes.map((type) => ({
        key: type,
        label: requestTypeLabels[type].title,
        cells: reportStatuses.map(({ status }) => countOf(type, status)),
      }))}
      hasTotal
    />
  );
}
