// The statutory response deadline, counted from the calendar day the request was received.
//
// - GDPR Art. 12(3): "without undue delay and in any event within one month of receipt of the request".
//   https://eur-lex.europa.eu/eli/reg/2016/679/oj (Art. 12(3))
// - UK GDPR Art. 12(3), as the ICO reads it: count from the day of receipt to "the corresponding
//   calendar date in the next month; if that date does not exist, the last day of the month; if it
//   falls on a weekend or bank holiday, the next working day".
//   https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/individual-rights/right-of-access/
//   Bank holidays come from the policy's calendar (uk-bank-holidays.ts).
// - CCPA/CPRA, Cal. Civ. Code §1798.130(a)(2): respond within 45 days of receiving the request
//   (calendar days; the regulations, 11 CCR §7021(b), start the count on the day of receipt).
//   https://leginfo.legislature.ca.gov/faces/sectionsDisplay.xhtml?lawCode=CIV&sectionNum=1798.130
// - LGPD (Lei 13.709/2018) Art. 19, II: a complete answer "no prazo de até 15 (quinze) dias, contado
//   da data do requerimento do titular".
//   https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2018/lei/l13709.htm
//
// Which of these applies is data (the policy row), never a branch on the jurisdiction code here.
// Extensions (GDPR / UK GDPR Art. 12(3) "two further months"; CCPA §1798.130(a)(2) "once by an additional
// 45 days") and clock stops are counted from the day of receipt too: the due date is always
// receipt + period + extensions + paused days, with the month-end clamp and the weekend/bank-holiday roll
// applied once to that final date. Adding an extension to an already clamped or rolled due date gives
// later dates than the law allows (a UK request of 3 Sep 2026 would get 7 Dec instead of 3 Dec).
//
// Which of these applies is data (the policy row), never a branch on the jurisdiction code here.
import type { TDeadlinePolicy, TDurationRule } from '../validation/deadline-policy';
import { applyWeekendRoll } from './apply-weekend-roll';
import { addBusinessDays, addCalendarMonths, addDays, type CalendarDate } from './calendar-date';
import { DeadlineRuleError } from './deadline-rule-error';

export type DeadlineProgress = {
  /** Extensions already granted (0 for a fresh request). */
  extensionsUsed?: number;
  /** Whole days the clock has been stopped under the policy's pause kinds. */
  pausedDays?: number;
};

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new DeadlineRuleError(`${name} must be a whole number of at least 0, got ${value}`);
}

export function computeDueDate(
  receivedOn: CalendarDate,
  policy: TDeadlinePolicy,
  { extensionsUsed = 0, pausedDays = 0 }: DeadlineProgress = {},
): CalendarDate {
  assertCount(extensionsUsed, 'extensionsUsed');
  assertCount(pausedDays, 'pausedDays');
  if (extensionsUsed > 0 && policy.extension === null)
    throw new DeadlineRuleError(`The deadline under "${policy.label}" cannot be extended`);
  const periods: TDurationRule[] = [policy.deadline, ...Array.from({ length: extensionsUsed }, () => policy.extension!)];
  // Months are summed before they are added, so 31 Jan + 1 month + 2 months is 30 Apr (not 28 Apr via 28 Feb).
  const months = periods.filter((period) => period.unit === 'months').reduce((sum, period) => sum + period.amount, 0);
  const days = periods.filter((period) => period.unit === 'days').reduce((sum, period) => sum + period.amount, 0);
  const businessDays = periods.filter((period) => period.unit === 'business_days').reduce((sum, period) => sum + period.amount, 0);
  return applyWeekendRoll(addBusinessDays(addDays(addCalendarMonths(receivedOn, months), days + pausedDays), businessDays), policy);
}
