import { describe, expect, it } from 'vitest';
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import { computeDueDate } from './compute-due-date';
import { daysBetween } from './calendar-date';
import { defaultPolicies } from './default-policies';
import { DeadlineRuleError } from './deadline-rule-error';

const { eu_gdpr: euGdpr, uk_gdpr: ukGdpr, us_ca_ccpa: ccpa, br_lgpd: lgpd, other } = defaultPolicies;

describe('computeDueDate for a one-month policy (GDPR)', () => {
  it('[EU] a request received on 15 March is due on 15 April', () => {
    expect(computeDueDate('2026-03-15', euGdpr)).toBe('2026-04-15');
  });

  it('[EU] a request received on 31 January is due on the last day of February', () => {
    expect(computeDueDate('2027-01-31', euGdpr)).toBe('2027-02-28'); // a Sunday, not rolled
    expect(computeDueDate('2028-01-31', euGdpr)).toBe('2028-02-29'); // leap year
  });

  it('[EU] a deadline on a Saturday stays on the Saturday', () => {
    expect(computeDueDate('2026-04-16', euGdpr)).toBe('2026-05-16');
  });

  it('[UK] a deadline on a Saturday moves to the Monday', () => {
    expect(computeDueDate('2026-04-16', ukGdpr)).toBe('2026-05-18');
  });

  it('[UK] a shortened February deadline on a weekend moves into March', () => {
    expect(computeDueDate('2027-01-31', ukGdpr)).toBe('2027-03-01'); // 28 Feb 2027 is a Sunday
    expect(computeDueDate('2026-01-31', ukGdpr)).toBe('2026-03-02'); // 28 Feb 2026 is a Saturday
  });

  it('[UK] a weekday deadline is not moved', () => {
    expect(computeDueDate('2026-03-15', ukGdpr)).toBe('2026-04-15');
  });
});

describe('computeDueDate for a days policy', () => {
  it('[CCPA] is 45 calendar days after receipt, across a month boundary', () => {
    expect(computeDueDate('2026-03-20', ccpa)).toBe('2026-05-04');
    expect(daysBetween('2026-03-20', computeDueDate('2026-03-20', ccpa))).toBe(45);
  });

  it('[CCPA] a deadline on a Saturday is not rolled', () => {
    expect(computeDueDate('2026-04-01', ccpa)).toBe('2026-05-16');
  });

  it('[LGPD] is 15 days after the request, across a short February', () => {
    expect(computeDueDate('2026-02-20', lgpd)).toBe('2026-03-07');
    expect(computeDueDate('2028-02-20', lgpd)).toBe('2028-03-06');
  });

  it('[other] uses the 60-day service level', () => {
    expect(computeDueDate('2026-01-15', other)).toBe('2026-03-16');
    expect(daysBetween('2026-01-15', computeDueDate('2026-01-15', other))).toBe(60);
  });
});

describe('computeDueDate follows whatever policy it is given', () => {
  it('applies a staff-edited policy (30 days, rolled) without any jurisdiction code', () => {
    const edited: TDeadlinePolicy = {
      label: 'Custom',
      deadline: { unit: 'days', amount: 30, rollWeekendToNextWorkingDay: true, bankHolidays: null },
      extension: null,
      acknowledgementBusinessDays: null,
      clockStopKinds: [],
      appeal: null,
      requestTypes: ['access'],
      byRequestType: {},
      legalBasis: '',
    };
    expect(computeDueDate('2026-04-16', edited)).toBe('2026-05-18'); // 16 May 2026 is a Saturday
  });

  it('applies a multi-month policy', () => {
    const threeMonths: TDeadlinePolicy = {
      ...euGdpr,
      deadline: { unit: 'months', amount: 3, rollWeekendToNextWorkingDay: false, bankHolidays: null },
    };
    expect(computeDueDate('2026-11-30', threeMonths)).toBe('2027-02-28');
  });

  it('refuses a receipt date that is not a calendar date', () => {
    expect(() => computeDueDate('2026-02-30', euGdpr)).toThrow(DeadlineRuleError);
  });
});
