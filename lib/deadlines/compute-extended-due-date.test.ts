import { describe, expect, it } from 'vitest';
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import { daysBetween } from './calendar-date';
import { computeDueDate } from './compute-due-date';
import { computeExtendedDueDate } from './compute-extended-due-date';
import { DeadlineRuleError } from './deadline-rule-error';
import { defaultPolicies } from './default-policies';

const { eu_gdpr: euGdpr, uk_gdpr: ukGdpr, us_ca_ccpa: ccpa, br_lgpd: lgpd, other } = defaultPolicies;
const first = { extensionsUsed: 0 };

describe('computeExtendedDueDate counts the extension from the day of receipt', () => {
  it('[UK] a request received on 3 Sep 2026 extended by two months is due on 3 Dec, not 7 Dec', () => {
    // The first deadline, 3 Oct 2026, is a Saturday and rolls to Monday 5 Oct; the extension must not start from there.
    expect(computeDueDate('2026-09-03', ukGdpr)).toBe('2026-10-05');
    expect(computeExtendedDueDate('2026-09-03', ukGdpr, first)).toBe('2026-12-03');
  });

  it('[EU] a request received on 31 January extended by two months is due on 30 April, not 28 April', () => {
    expect(computeDueDate('2026-01-31', euGdpr)).toBe('2026-02-28');
    expect(computeExtendedDueDate('2026-01-31', euGdpr, first)).toBe('2026-04-30');
  });

  it('[EU] in a leap year the February clamp does not leak into the extension either', () => {
    expect(computeDueDate('2028-01-31', euGdpr)).toBe('2028-02-29');
    expect(computeExtendedDueDate('2028-01-31', euGdpr, first)).toBe('2028-04-30');
    expect(computeExtendedDueDate('2027-11-30', euGdpr, first)).toBe('2028-02-29');
    expect(computeExtendedDueDate('2026-11-30', euGdpr, first)).toBe('2027-02-28');
  });

  it('[UK] the weekend roll is applied once, to the final date', () => {
    expect(computeExtendedDueDate('2026-06-15', ukGdpr, first)).toBe('2026-09-15'); // Tuesday, no roll
    expect(computeExtendedDueDate('2026-10-17', ukGdpr, first)).toBe('2027-01-18'); // 17 Jan 2027 is a Sunday
    expect(computeExtendedDueDate('2026-06-15', euGdpr, first)).toBe('2026-09-15');
  });

  it('[UK] an extended deadline on a bank holiday moves to the next working day', () => {
    // 25 Dec 2026 (Friday) and the substitute Boxing Day, Monday 28 Dec, are bank holidays: next working day is 29 Dec.
    expect(computeExtendedDueDate('2026-09-25', ukGdpr, first)).toBe('2026-12-29');
  });

  it('[CCPA] adds 45 days, giving 90 days from receipt in all, and only once', () => {
    const extendedDueOn = computeExtendedDueDate('2026-03-20', ccpa, first);
    expect(extendedDueOn).toBe('2026-06-18');
    expect(daysBetween('2026-03-20', extendedDueOn)).toBe(90);
    expect(() => computeExtendedDueDate('2026-03-20', ccpa, { extensionsUsed: 1 })).toThrow(DeadlineRuleError);
  });

  it('[EU] a second extension is refused', () => {
    expect(() => computeExtendedDueDate('2026-05-16', euGdpr, { extensionsUsed: 1 })).toThrow(/at most 1 time/);
  });

  it('[LGPD] any extension is refused', () => {
    expect(() => computeExtendedDueDate('2026-02-20', lgpd, first)).toThrow(/cannot be extended/);
  });

  it('[other] adds 30 days to the 60', () => {
    expect(computeExtendedDueDate('2026-01-15', other, first)).toBe('2026-04-15');
  });

  it('allows as many extensions as the policy says, each counted from receipt', () => {
    const twice: TDeadlinePolicy = { ...ccpa, extension: { unit: 'days', amount: 10, maxCount: 2 } };
    expect(computeExtendedDueDate('2026-03-20', twice, { extensionsUsed: 1 })).toBe('2026-05-24');
    expect(() => computeExtendedDueDate('2026-03-20', twice, { extensionsUsed: 2 })).toThrow(DeadlineRuleError);
  });

  it('keeps the paused days already counted', () => {
    expect(computeExtendedDueDate('2026-01-31', euGdpr, { extensionsUsed: 0, pausedDays: 5 })).toBe('2026-05-05');
  });

  it('refuses a negative or fractional count of extensions used', () => {
    expect(() => computeExtendedDueDate('2026-05-16', euGdpr, { extensionsUsed: -1 })).toThrow(DeadlineRuleError);
    expect(() => computeExtendedDueDate('2026-05-16', euGdpr, { extensionsUsed: 0.5 })).toThrow(DeadlineRuleError);
  });
});
