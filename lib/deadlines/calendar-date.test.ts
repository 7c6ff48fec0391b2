import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarMonths,
  addDays,
  daysBetween,
  isCalendarDate,
  isWeekend,
  nextWorkingDay,
  toCalendarDate,
} from './calendar-date';
import { DeadlineRuleError } from './deadline-rule-error';

describe('isCalendarDate', () => {
  it('accepts real YYYY-MM-DD dates, including 29 February in a leap year', () => {
    expect(isCalendarDate('2026-03-15')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });

  it('rejects dates that do not exist and other formats', () => {
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-1-05')).toBe(false);
    expect(isCalendarDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
    expect(isCalendarDate(20260105)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });
});

describe('toCalendarDate', () => {
  it('gives the local date in London and Los Angeles for an instant just before UTC midnight in summer', () => {
    const instant = new Date('2026-06-15T23:30:00Z');
    expect(toCalendarDate(instant, 'Europe/London')).toBe('2026-06-16'); // 00:30 BST
    expect(toCalendarDate(instant, 'America/Los_Angeles')).toBe('2026-06-15'); // 16:30 PDT
    expect(toCalendarDate(instant, 'UTC')).toBe('2026-06-15');
  });

  it('gives the previous day in Los Angeles for an early-morning UTC instant in winter', () => {
    const instant = new Date('2026-01-16T07:30:00Z');
    expect(toCalendarDate(instant, 'Europe/London')).toBe('2026-01-16'); // 07:30 GMT
    expect(toCalendarDate(instant, 'America/Los_Angeles')).toBe('2026-01-15'); // 23:30 PST
  });

  it('rejects an invalid Date and an unknown time zone', () => {
    expect(() => toCalendarDate(new Date('not a date'), 'Europe/London')).toThrow(DeadlineRuleError);
    expect(() => toCalendarDate(new Date('2026-01-16T07:30:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('is unaffected by daylight-saving changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29'); // UK clocks go forward on 29 March 2026
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // and back on 25 October 2026
  });

  it('goes backwards for a negative count and keeps the date for zero', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-01', 0)).toBe('2026-03-01');
  });

  it('refuses fractional days and invalid dates', () => {
    expect(() => addDays('2026-03-01', 1.5)).toThrow(DeadlineRuleError);
    expect(() => addDays('2026-02-30', 1)).toThrow(DeadlineRuleError);
    expect(() => addDays('01/03/2026', 1)).toThrow(DeadlineRuleError);
  });
});

describe('addCalendarMonths', () => {
  it('keeps the day of the month when it exists', () => {
    expect(addCalendarMonths('2026-03-15', 1)).toBe('2026-04-15');
    expect(addCalendarMonths('2026-11-30', 2)).toBe('2027-01-30');
  });

  it('falls back to the last day of the target month when the day does not exist', () => {
    expect(addCalendarMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addCalendarMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('does not carry a shortened day into later months', () => {
    expect(addCalendarMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-01-31', 2)).toBe('2026-03-31');
  });

  it('goes backwards for a negative count', () => {
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('refuses fractional months', () => {
    expect(() => addCalendarMonths('2026-01-15', 0.5)).toThrow(DeadlineRuleError);
  });
});

describe('isWeekend and nextWorkingDay', () => {
  it('knows Saturday and Sunday from weekdays', () => {
    expect(isWeekend('2026-05-16')).toBe(true); // Saturday
    expect(isWeekend('2026-05-17')).toBe(true); // Sunday
    expect(isWeekend('2026-05-18')).toBe(false); // Monday
    expect(isWeekend('2026-05-15')).toBe(false); // Friday
  });

  it('moves Saturday and Sunday to the Monday and leaves weekdays alone', () => {
    expect(nextWorkingDay('2026-05-16')).toBe('2026-05-18');
    expect(nextWorkingDay('2026-05-17')).toBe('2026-05-18');
    expect(nextWorkingDay('2026-05-13')).toBe('2026-05-13');
    expect(nextWorkingDay('2026-02-28')).toBe('2026-03-02'); // Saturday at a month end
  });
});

describe('addBusinessDays', () => {
  it('skips weekends, counting from the day after the start', () => {
    expect(addBusinessDays('2026-01-15', 1)).toBe('2026-01-16'); // Thursday -> Friday
    expect(addBusinessDays('2026-01-16', 1)).toBe('2026-01-19'); // Friday -> Monday
    expect(addBusinessDays('2026-01-16', 5)).toBe('2026-01-23');
    expect(addBusinessDays('2026-01-16', 10)).toBe('2026-01-30');
    expect(addBusinessDays('2026-01-17', 1)).toBe('2026-01-19'); // Saturday -> Monday
  });

  it('returns the start for zero and refuses negative or fractional counts', () => {
    expect(addBusinessDays('2026-01-17', 0)).toBe('2026-01-17');
    expect(() => addBusinessDays('2026-01-16', -1)).toThrow(DeadlineRuleError);
    expect(() => addBusinessDays('2026-01-16', 1.5)).toThrow(DeadlineRuleError);
    expect(() => addBusinessDays('2026-02-30', 0)).toThrow(DeadlineRuleError);
  });
});

describe('daysBetween', () => {
  it('counts whole days from the first date to the second', () => {
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2028-01-31', '2028-03-01')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-01-31')).toBe(-29);
    expect(daysBetween('2026-05-16', '2026-05-16')).toBe(0);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
});
