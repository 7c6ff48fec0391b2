import { describe, expect, it } from 'vitest';
import { DeadlineRuleError } from './deadline-rule-error';
import { defaultPolicies } from './default-policies';
import { shiftDueDateByPausedDays } from './shift-due-date-by-paused-days';

describe('shiftDueDateByPausedDays', () => {
  it('[EU] moves the due date by the days the clock was stopped, weekend or not', () => {
    expect(shiftDueDateByPausedDays('2026-05-16', 10, defaultPolicies.eu_gdpr)).toBe('2026-05-26');
    expect(shiftDueDateByPausedDays('2026-05-11', 5, defaultPolicies.eu_gdpr)).toBe('2026-05-16');
  });

  it('[UK] a shifted due date on a weekend moves to the Monday', () => {
    expect(shiftDueDateByPausedDays('2026-05-18', 5, defaultPolicies.uk_gdpr)).toBe('2026-05-25');
  });

  it('[other] moves the due date across a month end', () => {
    expect(shiftDueDateByPausedDays('2026-03-16', 20, defaultPolicies.other)).toBe('2026-04-05');
  });

  it('[CCPA] and [LGPD] ignore paused days', () => {
    expect(shiftDueDateByPausedDays('2026-05-04', 10, defaultPolicies.us_ca_ccpa)).toBe('2026-05-04');
    expect(shiftDueDateByPausedDays('2026-03-07', 10, defaultPolicies.br_lgpd)).toBe('2026-03-07');
  });

  it('leaves the due date alone for zero or negative paused days', () => {
    expect(shiftDueDateByPausedDays('2026-05-16', 0, defaultPolicies.uk_gdpr)).toBe('2026-05-16');
    expect(shiftDueDateByPausedDays('2026-05-16', -3, defaultPolicies.eu_gdpr)).toBe('2026-05-16');
  });

  it('refuses fractional paused days', () => {
    expect(() => shiftDueDateByPausedDays('2026-05-16', 1.5, defaultPolicies.eu_gdpr)).toThrow(DeadlineRuleError);
  });
});
