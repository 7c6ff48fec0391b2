import { pauseKindLabels } from '@/lib/deadlines/pause-kind-labels';
import { bankHolidayRegionLabels } from '@/lib/deadlines/uk-bank-holidays';
import type { TDeadlinePolicy, TDurationRule } from '@/lib/validation/deadline-policy';
import { type RequestType, requestTypeLabels } from '@/lib/validation/request-type';

function duration({ unit, amount }: TDurationRule): string {
  const words = unit === 'business_days' ? 'business days' : unit;
  return `${amount} ${amount === 1 ? words.replace(/s$/, '') : words}`;
}

/** A policy in words, for the settings pages: admins compare it with the law's default at a glance. */
export function describeDeadlinePolicy(policy: TDeadlinePolicy): {
  deadline: string;
  extension: string;
  acknowledgement: string;
  clockStop: string;
  appeal: string;
  rights: string;
  ownDeadlines: string;
} {
  return {
    deadline: `${duration(policy.deadline)}${policy.deadline.rollWeekendToNextWorkingDay ? `, a due date on a weekend${policy.deadline.bankHolidays ? ` or a bank holiday in ${bankHolidayRegionLabels[policy.deadline.bankHolidays]}` : ''} moves to the next working day` : ''}`,
    extension: policy.extension
      ? `${duration(policy.extension)}, at most ${policy.extension.maxCount === 1 ? 'once' : `${policy.extension.maxCount} times`}`
      : 'None',
    acknowledgement: policy.acknowledgementBusinessDays ? `Within ${policy.acknowledgementBusinessDays} business days` : 'Not required',
    clockStop:
      policy.clockStopKinds.length > 0
        ? `Paused while waiting for ${policy.clockStopKinds.map((kind) => pauseKindLabels[kind].toLowerCase()).join(', ')}`
        : 'Never paused',
    appeal: policy.appeal
      ? `Within ${policy.appeal.windowDays} days of a refusal; decided within ${duration(policy.appeal.deadline)}${policy.appeal.extension ? ` (+ ${duration(policy.appeal.extension)} if needed)` : ''}`
      : 'No right of appeal',
    rights: policy.requestTypes.map((type) => requestTypeLabels[type].title).join(', '),
    ownDeadlines:
      Object.entries(policy.byRequestType)
        .map(([type, clock]) => `${requestTypeLabels[type as RequestType].title}: ${duration(clock.deadline)}`)
        .join('; ') || 'None',
  };
}
