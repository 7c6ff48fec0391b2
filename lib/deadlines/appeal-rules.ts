// Appeals (Va. Code §59.1-578(C), C.R.S. §6-1-1306(3), Conn. Gen. Stat. §42-518(d), Tex. Bus. & Com. Code
// §541.053, ORS 646A.576(6)): a refused consumer may appeal "within a reasonable period of time" after
// the decision (the policy's window), and the controller decides within the policy's appeal deadline,
// counted from the day the appeal is received.
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import { addDays, type CalendarDate } from './calendar-date';

/** The last day a refusal closed on `closedOn` may be appealed, or null where the regime has no appeal. */
export function appealableUntil(closedOn: CalendarDate, policy: TDeadlinePolicy): CalendarDate | null {
  return policy.appeal ? addDays(closedOn, policy.appeal.windowDays) : null;
}

/** The policy an appeal runs under: the appeal's own deadline and extension, no acknowledgement, no further appeal. */
export function appealPolicyOf(policy: TDeadlinePolicy): TDeadlinePolicy {
  if (!policy.appeal) throw new Error(`"${policy.label}" has no appeal`);
  const { deadline, extension } = policy.appeal;
  return {
    ...policy,
    label: `${policy.label} — appeal`,
    deadline: { ...policy.deadline, ...deadline },
    extension: extension ? { ...extension, maxCount: 1 } : null,
    acknowledgementBusinessDays: null,
    appeal: null,
    byRequestType: {},
  };
}
