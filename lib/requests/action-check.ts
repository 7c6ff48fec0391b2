import { AppError, type AppErrorCode } from '@/lib/errors/app-error';

/**
 * Whether an action may be taken now, and if not why: what a use case's own check
 * returns, so the use case refuses with it and the page offers only what it allows
 * (and says why a control is disabled) from the same rule.
 */
export type ActionCheck = { isAllowed: true } | { isAllowed: false; code: AppErrorCode; reason: string };

export const allowed: ActionCheck = { isAllowed: true };

export function refused(code: AppErrorCode, reason: string): ActionCheck {
  return { isAllowed: false, code, reason };
}

/** The use case's side: a refused check becomes the AppError the caller shows. */
export function assertAllowed(check: ActionCheck): void {
  if (!check.isAllowed) throw new AppError(check.code, check.reason);
}
