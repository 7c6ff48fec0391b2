import type { RequestRow } from '@/db/schema';
import type { CalendarDate } from '@/lib/deadlines/calendar-date';
import { computeExtendedDueDate } from '@/lib/deadlines/compute-extended-due-date';
import { DeadlineRuleError } from '@/lib/deadlines/deadline-rule-error';
import type { TDeadlinePolicy } from '@/lib/validation/deadline-policy';
import { refused, type ActionCheck } from './action-check';
import { isActive } from './request-status';

export type ExtensionCheck =
  | { isAllowed: true; dueOn: CalendarDate; previousDueOn: CalendarDate; policy: TDeadlinePolicy }
  | Extract<ActionCheck, { isAllowed: false }>;

/**
 * Whether the deadline may be extended today, and to which day: extendDeadline
 * refuses with this check's reason, and the request page offers Extend only when
 * it allows it.
 */
export function checkExtension(
  request: Pick<RequestRow, 'status' | 'dueOn' | 'policy' | 'extensionCount' | 'receivedOn' | 'pausedDays'>,
  today: CalendarDate,
): ExtensionCheck {
  if (!isActive(request.status) || !request.dueOn || !request.policy) {
    return refused('INVALID_TRANSITION', 'Only an open, confirmed request can be extended.') as ExtensionCheck;
  }
  // The requester must be told of an extension within the first period (GDPR Art. 12(3), CCPA
  // §1798.130(a)(2)): extending a request that is already late would hide the missed deadline.
  if (request.dueOn < today) {
    return refused('INVALID_TRANSITION', 'The deadline has already passed: an extension must be given before it ends.') as ExtensionCheck;
  }
  try {
    return {
      isAllowed: true,
      dueOn: computeExtendedDueDate(request.receivedOn, request.policy, {
        extensionsUsed: request.extensionCount,
        pausedDays: request.pausedDays,
      }),
      previousDueOn: request.dueOn,
      policy: request.policy,
    };
  } catch (error) {
    if (error instanceof DeadlineRuleError) {
      const reason = request.policy.extension
        ? 'This request has already used every extension its policy allows.'
        : `${request.policy.label} allows no extension.`;
      return refused('INVALID_TRANSITION', reason) as ExtensionCheck;
    }
    throw error;
  }
}
