import { describe, expect, it } from 'vitest';
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import { daysBetween } from './calendar-date';
import { computeDueDate } from './compute-due-date';
import { computeExtendedDueDate } from './compute-extended-due-date';
import { DeadlineRuleError } from './deadline-rule-error';
import { defaultPolicies } from './default-policies';

const { eu_gdpr: euGdpr, uk_gdpr: ukGdpr, us_ca_ccpa: ccpa, br_lgpd: lgpd, other } = defaultPolicies;

describe('computeExtendedDueDate', () => {
  it('[EU] the first extension adds two months to the current due date', () => {
    expect(computeExtendedDueDate('2026-05-16', euGdpr, 0)).toBe('2026-07-16');
    expect(computeExtendedDueDate('2026-12-31', euGdpr, 0)).toBe('2027-02-28');
  });

  it('[EU] a second extension is refused', () => {
    expect(() => computeExtendedDueDate('2026-07-16', euGdpr, 1)).toThrow(DeadlineRuleError);
    expect(() => computeExtendedDueDate('2026-07-16', euGdpr, 1)).toThrow(/at most 1 time/);
  });

  it('[UK] an extended deadline on a Saturday moves to the Monday; [EU] it does not', () => {
    expect(computeExtendedDueDate('2026-06-15', ukGdpr, 0)).toBe('2026-08-17');
    expect(computeExtendedDueDate('2026-06-15', euGdpr, 0)).toBe('2026-08-15');
  });

  it('[CCPA] adds 45 days, giving 90 days from receipt in all', () => {
    const dueOn = computeDueDate('2026-03-20', ccpa);
    const extendedDueOn = computeExtendedDueDate(dueOn, ccpa, 0);
    expect(extendedDueOn).toBe('2026-06-18');
    expect(daysBetween('2026-03-20', extendedDueOn)).toBe(90);
    expect(() => computeExtendedDueDate(extendedDueOn, ccpa, 1)).toThrow(DeadlineRuleError);
  });

  it('[LGPD] any extension is refused', () => {
    expect(() => computeExtendedDueDate('2026-03-07', lgpd, 0)).toThrow(DeadlineRuleError);
    expect(() => computeExtendedDueDate('2026-03-07', lgpd, 0)).toThrow(/cannot be extended/);
  });

  it('[other] adds 30 days once', () => {
    expect(computeExtendedDueDate('2026-03-16', other, 0)).toBe('2026-04-15');
  });

  it('allows as many extensions as the policy says', () => {
    const twice: TDeadlinePolicy = { ...ccpa, extension: { unit: 'days', amount: 10, maxCount: 2 } };
    expect(computeExtendedDueDate('2026-05-04', twice, 1)).toBe('2026-05-14');
    expect(() => computeExtendedDueDate('2026-05-14', twice, 2)).toThrow(DeadlineRuleError);
  });

  it('refuses a negative or fractional count of extensions used', () => {
    expect(() => computeExtendedDueDate('2026-05-16', euGdpr, -1)).toThrow(DeadlineRuleError);
    expect(() => computeExtendedDueDate('2026-05-16', euGdpr, 0.5)).toThrow(DeadlineRuleError);
  });
});
