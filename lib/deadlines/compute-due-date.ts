// The statutory response deadline, counted from the calendar day the request was received.
//
// - GDPR Art. 12(3): "without undue delay and in any event within one month of receipt of the request".
//   https://eur-lex.europa.eu/eli/reg/2016/679/oj (Art. 12(3))
// - UK GDPR Art. 12(3), as the ICO reads it: count from the day of receipt to "the corresponding
//   calendar date in the next month; if that date does not exist, the last day of the month; if it
//   falls on a weekend or bank holiday, the next working day".
//   https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/individual-rights/right-of-access/
//   Bank holidays are not modelled yet: a UK deadline on a bank holiday is shown one working day early,
//   which errs on the safe side.
// - CCPA/CPRA, Cal. Civ. Code §1798.130(a)(2): respond within 45 days of receiving the request
//   (calendar days; the regulations, 11 CCR §7021(b), start the count on the day of receipt).
//   https://leginfo.legislature.ca.gov/faces/sectionsDisplay.xhtml?lawCode=CIV&sectionNum=1798.130
// - LGPD (Lei 13.709/2018) Art. 19, II: a complete answer "no prazo de até 15 (quinze) dias, contado
//   da data do requerimento do titular".
//   https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2018/lei/l13709.htm
//
// Which of these applies is data (the policy row), never a branch on the jurisdiction code here.
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import { addDuration } from './add-duration';
import { applyWeekendRoll } from './apply-weekend-roll';
import type { CalendarDate } from './calendar-date';

export function computeDueDate(receivedOn: CalendarDate, policy: TDeadlinePolicy): CalendarDate {
  return applyWeekendRoll(addDuration(receivedOn, policy.deadline), policy);
}
