import { AppError } from '@/lib/errors/app-error';
import { canTransition, type RequestStatus, type SystemCause, statusLabels } from './request-status';

/** Refuses a move the state machine does not allow; `when` names the system event behind a move only the system makes. */
export function assertTransition(from: RequestStatus, to: RequestStatus, { when }: { when?: SystemCause } = {}): void {
  if (!canTransition(from, to, { when })) {
    throw new AppError('INVALID_TRANSITION', `This request is ${statusLabels[from].toLowerCase()} and can no longer be changed that way.`, { from, to });
  }
}
