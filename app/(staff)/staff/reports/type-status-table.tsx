import type { MonthTypeStatusCount } from '@/lib/reports/get-request-report';
import { type RequestStatus, statusLabels } from '@/lib/requests/request-status';
import { requestTypeLabels, requestTypes } from '@/lib/validation/request-type';
import { FiguresTable } from './figures-table';

/** The statuses a confirmed request can have, named as everywhere else (statusLabels). */
const reportStatuses: { status: RequestStatus; label: string }[] = (
  ['new', 'in_progress', 'awaiting_requester', 'fulfilled', 'rejected', 'cancelled'] as const
).map((status) => ({ status, label: statusLabels[status] }));

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
