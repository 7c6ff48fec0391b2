// CCPA regulations, Cal. Code Regs. tit. 11 §7021(a): confirm receipt of a request to know, delete
// or correct within 10 business days. Weekends are skipped; California holidays are not modelled yet.
// Policies without an acknowledgement duty return null rather than a made-up date.
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import { addBusinessDays, type CalendarDate } from './calendar-date';

export function computeAcknowledgementDueDate(receivedOn: CalendarDate, policy: TDeadlinePolicy): CalendarDate | null {
  if (policy.acknowledgementBusinessDays === null) return null;
  return addBusinessDays(receivedOn, policy.acknowledgementBusinessDays);
}
