import type { TDeadlinePolicy, TDurationRule } from '@/lib/validation/deadline-policy';

function duration({ unit, amount }: TDurationRule): string {
  return `${amount} ${amount === 1 ? unit.replace(/s$/, '') : unit}`;
}

/** A policy in words, for the settings pages: admins compare it with the law's default at a glance. */
export function describeDeadlinePolicy(policy: TDeadlinePolicy): { deadline: string; extension: string; acknowledgement: string; clockStop: string } {
  return {
    deadline: `${duration(policy.deadline)}${policy.deadline.rollWeekendToNextWorkingDay ? ', a weekend due date moves to the Monday' : ''}`,
    extension: policy.extension ? `${duration(policy.extension)}, at most ${policy.extension.maxCount === 1 ? 'once' : `${policy.extension.maxCount} times`}` : 'None',
    acknowledgement: policy.acknowledgementBusinessDays ? `Within ${policy.acknowledgementBusinessDays} business days` : 'Not required',
    clockStop: policy.clockStopAllowed ? 'Paused while waiting for the requester' : 'Never paused',
  };
}
