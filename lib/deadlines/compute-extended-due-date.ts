// Extensions: GDPR / UK GDPR Art. 12(3) allow "two further months where necessary"; CCPA
// Cal. Civ. Code §1798.130(a)(2) allows one further 45 days when reasonably necessary, notified
// within the first period. LGPD Art. 19 has no extension. The count cap lives in the policy so a
// regulator's change is a data change, not a code change. The new date is counted from receipt
// (see compute-due-date.ts), never added onto the current, possibly rolled, due date.
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import type { CalendarDate } from './calendar-date';
import { computeDueDate } from './compute-due-date';
import { DeadlineRuleError } from './deadline-rule-error';

export function computeExtendedDueDate(
  receivedOn: CalendarDate,
  policy: TDeadlinePolicy,
  { extensionsUsed, pausedDays = 0 }: { extensionsUsed: number; pausedDays?: number },
): CalendarDate {
  const { extension } = policy;
  if (extension === null) {
    throw new DeadlineRuleError(`The deadline under "${policy.label}" cannot be extended`);
  }
  if (!Number.isInteger(extensionsUsed) || extensionsUsed < 0) {
    throw new DeadlineRuleError(`extensionsUsed must be a whole number of at least 0, got ${extensionsUsed}`);
  }
  if (extensionsUsed >= extension.maxCount) {
    throw new DeadlineRuleError(`The deadline under "${policy.label}" can be extended at most ${extension.maxCount} time(s)`);
  }
  return computeDueDate(receivedOn, policy, { extensionsUsed: extensionsUsed + 1, pausedDays });
}
