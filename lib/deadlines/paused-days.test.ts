import { describe, expect, it } from 'vitest';
import { addDays, isWeekend } from './calendar-date';
import { computeDueDate } from './compute-due-date';
import { DeadlineRuleError } from './deadline-rule-error';
import { defaultPolicies } from './default-policies';
import { isClockStoppedBy } from './is-clock-stopped-by';
import { isRequestTypeOffered, policyForRequestType } from './policy-for-request-type';
import { isBankHoliday } from './uk-bank-holidays';

const { eu_gdpr: euGdpr, uk_gdpr: ukGdpr, us_ca_ccpa: ccpa, other } = defaultPolicies;

describe('paused days are added to the unrolled date and rolled once', () => {
  it('[UK] a due date rolled off a weekend and then paused is not late', () => {
    // Received 16 Apr 2026: due Saturday 16 May, rolled to Monday 18 May. Paused 2 days: 16 May + 2 = Monday 18 May,
    // not 18 May + 2 = 20 May.
    expect(computeDueDate('2026-04-16', ukGdpr)).toBe('2026-05-18');
    expect(computeDueDate('2026-04-16', ukGdpr, { pausedDays: 2 })).toBe('2026-05-18');
    expect(computeDueDate('2026-04-16', ukGdpr, { pausedDays: 3 })).toBe('2026-05-19');
  });

  it('[UK] paused days that end on a weekend still roll to the Monday', () => {
    expect(computeDueDate('2026-03-15', ukGdpr, { pausedDays: 3 })).toBe('2026-04-20'); // 18 April 2026 is a Saturday
  });

  it('[UK] never later than unrolled + pause + the roll, for every receipt date of two years', () => {
    for (let day = 0; day < 730; day += 1) {
      const receivedOn = addDays('2026-01-01', day);
      for (const pausedDays of [1, 2, 3, 5]) {
        const unrolled = computeDueDate(receivedOn, euGdpr, { pausedDays }); // same month arithmetic, no roll
        const dueOn = computeDueDate(receivedOn, ukGdpr, { pausedDays });
        let expected = unrolled;
        while (isWeekend(expected) || isBankHoliday(expected, 'england_and_wales')) expected = addDays(expected, 1);
        expect(dueOn, `received ${receivedOn}, paused ${pausedDays}`).toBe(expected);
      }
    }
  });

  it('[EU] adds the paused days across a month end, weekend or not', () => {
    expect(computeDueDate('2026-01-31', euGdpr, { pausedDays: 10 })).toBe('2026-03-10');
    expect(computeDueDate('2026-04-16', euGdpr, { pausedDays: 0 })).toBe('2026-05-16');
  });

  it('[other] adds paused days to the 60-day service level', () => {
    expect(computeDueDate('2026-01-15', other, { pausedDays: 20 })).toBe('2026-04-05');
  });

  it('refuses fractional or negative paused days', () => {
    expect(() => computeDueDate('2026-05-16', euGdpr, { pausedDays: 1.5 })).toThrow(DeadlineRuleError);
    expect(() => computeDueDate('2026-05-16', euGdpr, { pausedDays: -1 })).toThrow(DeadlineRuleError);
  });
});

describe('which waits stop the clock, per regime', () => {
  it('[CCPA] nothing stops the clock (11 CCR §7021(b))', () => {
    for (const kind of ['identity', 'clarification', 'fee'] as const) expect(isClockStoppedBy(ccpa, kind)).toBe(false);
  });

  it('[UK] identity and clarification stop the clock, a fee does not', () => {
    expect(isClockStoppedBy(ukGdpr, 'identity')).toBe(true);
    expect(isClockStoppedBy(ukGdpr, 'clarification')).toBe(true);
    expect(isClockStoppedBy(ukGdpr, 'fee')).toBe(false);
  });

  it('[EU] identity and clarification stop the clock', () => {
    expect(isClockStoppedBy(euGdpr, 'identity')).toBe(true);
    expect(isClockStoppedBy(euGdpr, 'clarification')).toBe(true);
  });
});

describe('a request type with its own clock', () => {
  it('[CCPA] an opt-out of sale is due 15 business days after receipt, with no extension or acknowledgement', () => {
    const optOut = policyForRequestType(ccpa, 'opt_out_sale');
    expect(optOut).toMatchObject({ deadline: { unit: 'business_days', amount: 15 }, extension: null, acknowledgementBusinessDays: null });
    expect(computeDueDate('2026-01-16', optOut)).toBe('2026-02-06'); // a Friday: counting starts Monday 19 Jan
    expect(() => computeDueDate('2026-01-16', optOut, { extensionsUsed: 1 })).toThrow(DeadlineRuleError);
  });

  it('[CCPA] a request to know keeps the 45 + 45 days; [EU] no type has its own clock', () => {
    expect(policyForRequestType(ccpa, 'access')).toBe(ccpa);
    expect(computeDueDate('2026-01-16', policyForRequestType(euGdpr, 'objection'))).toBe('2026-02-16');
  });

  it('each regime offers only its law’s rights', () => {
    expect(isRequestTypeOffered(euGdpr, 'restriction')).toBe(true);
    expect(isRequestTypeOffered(euGdpr, 'opt_out_sale')).toBe(false);
    expect(isRequestTypeOffered(ccpa, 'limit_sensitive')).toBe(true);
    expect(isRequestTypeOffered(ccpa, 'restriction')).toBe(false);
    expect(isRequestTypeOffered(defaultPolicies.us_ut_ucpa, 'correction')).toBe(false);
    expect(isRequestTypeOffered(defaultPolicies.us_co_cpa, 'opt_out_targeted_ads')).toBe(true);
  });
});
