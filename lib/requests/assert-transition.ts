import { AppError } from '@/lib/errors/app-error';
import { type ActionCheck, allowed, refused } from './action-check';
import { canTransition, type RequestStatus, type SystemCause, statusLabels } from './request-status';

function transitionRefusal(from: RequestStatus): string {
  return `This request is ${statusLabels[from].toLowerCase()} and can no longer be changed that way.`;
}

/** Refuses a move the state machine does not allow; `when` names the system event behind a move only the system makes. */
export function assertTransition(from: RequestStatus, to: RequestStatus, { when }: { when?: SystemCause } = {}): void {
  if (!canTransition(from, to, { when })) throw new AppError('INVALID_TRANSITION', transitionRefusal(from), { from, to });
}

/** The same rule as a check, for listing what a person may do now. */
export function checkTransition(from: RequestStatus, to: RequestStatus): ActionCheck {
  return canTransition(from, to) ? allowed : refused('INVALID_TRANSITION', transitionRefusal(from));
}
