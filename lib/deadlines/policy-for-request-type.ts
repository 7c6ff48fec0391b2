import type { RequestType } from '../validation/request-type';
import type { TDeadlinePolicy } from '../validation/deadline-policy';

/**
 * The policy a request of this type runs under: the regime's, with the type's own clock (if the law
 * gives it one) in place of the regime's deadline, extension and acknowledgement. This is what a
 * request keeps when it is accepted, so every later date (extension, pause) follows the type's rule.
 */
export function policyForRequestType(policy: TDeadlinePolicy, type: RequestType): TDeadlinePolicy {
  const clock = policy.byRequestType[type];
  if (!clock) return policy;
  return {
    ...policy,
    deadline: { ...policy.deadline, ...clock.deadline },
    extension: clock.extension,
    acknowledgementBusinessDays: clock.acknowledgementBusinessDays,
  };
}

export function isRequestTypeOffered(policy: TDeadlinePolicy, type: RequestType): boolean {
  return policy.requestTypes.includes(type);
}
