import type { RequestRow } from '@/db/schema';
import { type ActionCheck, allowed, refused } from '@/lib/requests/action-check';
import { requestTypeRules, type RequestType } from '@/lib/validation/request-type';
import {
  type TVerificationLevelSettings,
  type TVerificationRequirement,
  type VerificationLevel,
  verificationLevelLabels,
} from '@/lib/validation/verification-levels';

/** Today's behaviour, so an install that has not chosen levels keeps working as before. */
export const DEFAULT_REQUIREMENT: TVerificationRequirement = { level: 'email', dataPoints: 2 };

/**
 * What CCPA's regulations suggest (11 CCR §7060–7062), offered on the settings page as "recommended":
 * two data points for a deletion, three and a signed declaration for a copy of specific pieces.
 */
export const RECOMMENDED_REQUIREMENTS: Partial<Record<RequestType, TVerificationRequirement>> = {
  access: { level: 'declaration', dataPoints: 3 },
  export: { level: 'declaration', dataPoints: 3 },
  deletion: { level: 'data_points', dataPoints: 2 },
  correction: { level: 'data_points', dataPoints: 2 },
};

const rank: Record<VerificationLevel, number> = { email: 1, data_points: 2, declaration: 3, staff_check: 4 };

/** The level a regime asks for a request type. Opt-outs never ask for more than the email link (CCPA 11 CCR §7060(b)). */
export function requiredVerificationFor(
  settings: Pick<TVerificationLevelSettings, 'levels'>,
  { jurisdiction, type }: { jurisdiction: string; type: RequestType },
): TVerificationRequirement {
  if (requestTypeRules[type].isOptOut) return DEFAULT_REQUIREMENT;
  return settings.levels[jurisdiction]?.[type] ?? DEFAULT_REQUIREMENT;
}

type IdentityFields = Pick<
  RequestRow,
  'verificationRequired' | 'verificationReached' | 'verificationDataPointsMatched' | 'verificationOverriddenAt'
>;

/** Whether the level reached satisfies the level required: a staff check satisfies any, data points must be enough. */
export function hasReachedRequiredLevel(request: IdentityFields): boolean {
  const required = request.verificationRequired ?? DEFAULT_REQUIREMENT;
  const reached = request.verificationReached;
  if (!reached) return false;
  if (reached === 'staff_check') return true;
  if (rank[reached] < rank[required.level]) return false;
  if (required.level === 'data_points' || required.level === 'declaration')
    return request.verificationDataPointsMatched >= required.dataPoints;
  return true;
}

export function describeRequirement(requirement: TVerificationRequirement): string {
  const label = verificationLevelLabels[requirement.level];
  return requirement.level === 'data_points' || requirement.level === 'declaration' ? `${label} (${requirement.dataPoints})` : label;
}

/**
 * Whether identity allows the request to be answered with data or erasure: only at the required
 * level, or after an admin's override. Other answers (an opt-out, a correction) are not held back.
 * Fulfilling, releasing a package and erasing refuse with this check; the request page disables them with its reason.
 */
export function checkIdentityForAnswer(request: IdentityFields & Pick<RequestRow, 'type'>): ActionCheck {
  if (requestTypeRules[request.type].answer === 'action') return allowed;
  if (hasReachedRequiredLevel(request) || request.verificationOverriddenAt) return allowed;
  return refused(
    'INVALID_TRANSITION',
    `Identity is not verified to the level this request needs (${describeRequirement(request.verificationRequired ?? DEFAULT_REQUIREMENT)}). Verify it, or ask an admin to override with a reason.`,
  );
}

/** What the requester still has to do on their status page, if anything. */
export function pendingDataPoints(
  request: IdentityFields & Pick<RequestRow, 'verificationLockedAt' | 'status'>,
): TVerificationRequirement | null {
  const required = request.verificationRequired;
  if (!required || (required.level !== 'data_points' && required.level !== 'declaration')) return null;
  if (request.verificationLockedAt || hasReachedRequiredLevel(request)) return null;
  return required;
}
