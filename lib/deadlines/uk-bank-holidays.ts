// UK bank holidays, as GOV.UK publishes them (https://www.gov.uk/bank-holidays), one table per year
// and nation. The ICO's rule for a UK GDPR deadline: "if the corresponding date falls on a weekend or a
// public holiday, you have until the next working day". Substitute days (e.g. 28 Dec 2026 for Boxing Day
// on a Saturday) are listed, because they are the days offices are closed.
//
// A year missing here rolls off weekends only: the deadline may then be a day early, never later than
// the law allows. Add next year's row when GOV.UK publishes it (usually two years ahead).
import type { BankHolidayRegion } from '../validation/deadline-policy';
import type { CalendarDate } from './calendar-date';

export const ukBankHolidays: Record<BankHolidayRegion, Record<number, readonly CalendarDate[]>> = {
  england_and_wales: {
    2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
    2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  },
  scotland: {
    2025: ['2025-01-01', '2025-01-02', '2025-04-18', '2025-05-05', '2025-05-26', '2025-08-04', '2025-12-01', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28'],
    2027: ['2027-01-01', '2027-01-04', '2027-03-26', '2027-05-03', '2027-05-31', '2027-08-02', '2027-11-30', '2027-12-27', '2027-12-28'],
  },
  northern_ireland: {
    2025: [
      '2025-01-01',
      '2025-03-17',
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
      '2025-07-14',
      '2025-08-25',
      '2025-12-25',
      '2025-12-26',
    ],
    2026: [
      '2026-01-01',
      '2026-03-17',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-07-13',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ],
    2027: [
      '2027-01-01',
      '2027-03-17',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-07-12',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ],
  },
};

export const bankHolidayRegionLabels: Record<BankHolidayRegion, string> = {
  england_and_wales: 'England and Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
};

export function isBankHoliday(date: CalendarDate, region: BankHolidayRegion): boolean {
  return ukBankHolidays[region][Number(date.slice(0, 4))]?.includes(date) ?? false;
}

/** The years the table covers for a region, for the settings page ("bank holidays known for 2025–2027"). */
export function bankHolidayYears(region: BankHolidayRegion): number[] {
  return Object.keys(ukBankHolidays[region])
    .map(Number)
    .sort((a, b) => a - b);
}
