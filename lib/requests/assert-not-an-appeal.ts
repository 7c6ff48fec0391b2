import type { RequestRow } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';

/** An appeal is closed only by deciding it (decide-appeal.ts), which also reopens or keeps the refused request. */
export function assertNotAnAppeal(request: Pick<RequestRow, 'appealOfId'>): void {
  if (request.appealOfId) throw new AppError('INVALID_TRANSITION', 'This is an appeal: grant or deny it instead.');
}
