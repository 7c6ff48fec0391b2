import { AppError } from '@/lib/errors/app-error';
import { canTransition, type RequestStatus, statusLabels } from './request-status';

export function assertTransition(from: RequestStatus, to: RequestStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('INVALID_TRANSITION', `This request is ${statusLabels[from].toLowerCase()} and can no longer be changed that way.`, { from, to });
  }
}
