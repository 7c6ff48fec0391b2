import type { RequestRow } from '@/db/schema';
import { type ActionCheck, allowed, refused } from '@/lib/requests/action-check';
import { isActive } from '@/lib/requests/request-status';
import { requestTypeRules } from '@/lib/validation/request-type';
import { hasReachedRequiredLevel } from './verification-requirement';

type IdentityRequest = Pick<
  RequestRow,
  | 'type'
  | 'status'
  | 'verificationRequired'
  | 'verificationReached'
  | 'verificationDataPointsMatched'
  | 'verificationOverriddenAt'
  | 'evidenceRequestedAt'
>;

/** An agent may record their own identity check on an open request not already checked by staff. */
export function checkStaffIdentityCheck(request: IdentityRequest): ActionCheck {
  if (!isActive(request.status)) return refused('INVALID_TRANSITION', 'This request is closed.');
  if (request.verificationReached === 'staff_check') return refused('INVALID_TRANSITION', 'Identity was already checked by staff.');
  return allowed;
}

/** An override is for an open access or deletion request still below its level, and only once. */
export function checkVerificationOverride(request: IdentityRequest): ActionCheck {
  if (!isActive(request.status)) return refused('INVALID_TRANSITION', 'This request is closed.');
  if (requestTypeRules[request.type].answer === 'action')
    return refused('INVALID_TRANSITION', 'This request type is not held back by identity.');
  if (request.verificationOverriddenAt) return refused('INVALID_TRANSITION', 'Identity was already overridden.');
  if (hasReachedRequiredLevel(request)) return refused('INVALID_TRANSITION', 'Identity already meets the required level.');
  return allowed;
}

/** Asking the requester for a document: open, not yet checked by staff, not already asked. */
export function checkRequestEvidence(request: IdentityRequest): ActionCheck {
  const check = checkStaffIdentityCheck(request);
  if (!check.isAllowed) return check;
  if (request.evidenceRequestedAt) return refused('INVALID_TRANSITION', 'A document was already asked for.');
  return allowed;
}
