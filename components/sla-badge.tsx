import { describeSla, type SlaTone } from '@/lib/deadlines/describe-sla';
import type { RequestStatus } from '@/lib/requests/request-status';

const toneClass: Record<SlaTone, string> = {
  on_track: 'sla',
  due_soon: 'sla sla--soon',
  due_today: 'sla sla--soon',
  overdue: 'sla sla--overdue',
  closed: 'sla sla--closed',
};

/** Time left on a request's statutory clock. The text says the urgency; the colour only repeats it. */
export function SlaBadge({ dueOn, today, status }: { dueOn: string; today: string; status: RequestStatus }) {
  const sla = describeSla({ dueOn, today, status });
  return <span className={toneClass[sla.tone]}>{sla.text}</span>;
}
