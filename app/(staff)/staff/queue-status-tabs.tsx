import Link from 'next/link';
import { openVerified, type QueuePage } from '@/lib/queue/list-queue';
import { queueHref } from '@/lib/queue/queue-href';
import { statusLabels } from '@/lib/requests/request-status';
import { queueStatuses, type TQueueFilters } from '@/lib/validation/queue-filters';

const isCounted = (status: string): status is (typeof openVerified)[number] => (openVerified as readonly string[]).includes(status);

/** One link per status that keeps every other filter. Only open statuses are counted (see listQueue). */
export function QueueStatusTabs({ filters, counts }: { filters: TQueueFilters; counts: QueuePage['statusCounts'] }) {
  const current = filters.status ?? 'open';
  const openTotal = Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0);
  const tabs: { status: TQueueFilters['status']; label: string; count?: number }[] = [
    { status: 'open', label: 'Open', count: openTotal },
    ...queueStatuses.map((status) => ({
      status,
      label: statusLabels[status],
      count: isCounted(status) ? (counts[status] ?? 0) : undefined,
    })),
    { status: 'all', label: 'All' },
  ];
  return (
    <nav aria-label="Requests by status">
      <ul className="tabs">
        {tabs.map((tab) => (
          <li key={tab.status}>
            <Link href={queueHref(filters, { status: tab.status })} aria-current={tab.status === current ? 'page' : undefined}>
              {tab.label}
              {tab.count === undefined ? null : <span className="tabs__count"> ({tab.count.toLocaleString('en')})</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
