import { describe, expect, it } from 'vitest';
import { bankHolidayRegions, type TDeadlinePolicy } from '../validation/deadline-policy';
import { isWeekend } from './calendar-date';
import { computeDueDate } from './compute-due-date';
import { defaultPolicies } from './default-policies';
import { bankHolidayYears, isBankHoliday, ukBankHolidays } from './uk-bank-holidays';

const uk = defaultPolicies.uk_gdpr;
const ukIn = (region: TDeadlinePolicy['deadline']['bankHolidays']): TDeadlinePolicy => ({
  ...uk,
  deadline: { ...uk.deadline, bankHolidays: region },
});

describe('UK bank holidays', () => {
  it('are listed for each nation for 2025 to 2027, on weekdays only (substitute days included)', () => {
    for (const region of bankHolidayRegions) {
      expect(bankHolidayYears(region)).toEqual([2025, 2026, 2027]);
      for (const dates of Object.values(ukBankHolidays[region])) for (const date of dates) expect(isWeekend(date), date).toBe(false);
    }
  });

  it('differ by nation', () => {
    expect(isBankHoliday('2026-01-02', 'scotland')).toBe(true);
    expect(isBankHoliday('2026-01-02', 'england_and_wales')).toBe(false);
    expect(isBankHoliday('2026-03-17', 'northern_ireland')).toBe(true);
    expect(isBankHoliday('2026-04-06', 'scotland')).toBe(false); // no Easter Monday in Scotland
    expect(isBankHoliday('2026-07-13', 'northern_ireland')).toBe(true); // 12 July 2026 is a Sunday
  });

  it('[UK] a deadline on Easter Monday moves to the Tuesday in England, stays in Scotland', () => {
    // Received 6 March 2026 → 6 April 2026, Easter Monday.
    expect(computeDueDate('2026-03-06', ukIn('england_and_wales'))).toBe('2026-04-07');
    expect(computeDueDate('2026-03-06', ukIn('scotland'))).toBe('2026-04-06');
  });

  it('[UK] a deadline on Good Friday skips the whole Easter weekend in England', () => {
    expect(computeDueDate('2026-03-03', ukIn('england_and_wales'))).toBe('2026-04-07'); // 3 April is Good Friday
  });

  it('[UK] Christmas: 25 Dec (Fri), the weekend and the substitute Boxing Day all skipped', () => {
    expect(computeDueDate('2026-11-25', ukIn('england_and_wales'))).toBe('2026-12-29');
  });

  it('[UK] a year beyond the table rolls off weekends only (never later than the law allows)', () => {
    expect(computeDueDate('2028-11-25', ukIn('england_and_wales'))).toBe('2028-12-25');
  });

  it('[EU] bank holidays are ignored when the policy does not roll', () => {
    expect(computeDueDate('2026-03-06', defaultPolicies.eu_gdpr)).toBe('2026-04-06');
  });
});
