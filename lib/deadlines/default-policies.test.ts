import { describe, expect, it } from 'vitest';
import { ZDeadlinePolicy } from '../validation/deadline-policy';
import { jurisdictionCodes, ZJurisdiction } from '../validation/jurisdiction';
import { defaultPolicies } from './default-policies';

describe('defaultPolicies', () => {
  it('has exactly one policy per jurisdiction code', () => {
    expect(Object.keys(defaultPolicies).sort()).toEqual([...jurisdictionCodes].sort());
  });

  it.each(jurisdictionCodes)('the %s seed policy parses with ZDeadlinePolicy unchanged', (code) => {
    expect(ZDeadlinePolicy.parse(defaultPolicies[code])).toEqual(defaultPolicies[code]);
  });

  it('carries the seed values the product was specified with', () => {
    expect(defaultPolicies.eu_gdpr).toMatchObject({
      label: 'EU/EEA — GDPR',
      deadline: { unit: 'months', amount: 1, rollWeekendToNextWorkingDay: false },
      extension: { unit: 'months', amount: 2, maxCount: 1 },
      acknowledgementBusinessDays: null,
      clockStopAllowed: true,
    });
    expect(defaultPolicies.uk_gdpr).toMatchObject({
      label: 'United Kingdom — UK GDPR',
      deadline: { unit: 'months', amount: 1, rollWeekendToNextWorkingDay: true },
      extension: { unit: 'months', amount: 2, maxCount: 1 },
      clockStopAllowed: true,
    });
    expect(defaultPolicies.us_ca_ccpa).toMatchObject({
      label: 'California — CCPA/CPRA',
      deadline: { unit: 'days', amount: 45, rollWeekendToNextWorkingDay: false },
      extension: { unit: 'days', amount: 45, maxCount: 1 },
      acknowledgementBusinessDays: 10,
      clockStopAllowed: false,
    });
    expect(defaultPolicies.br_lgpd).toMatchObject({
      label: 'Brazil — LGPD',
      deadline: { unit: 'days', amount: 15, rollWeekendToNextWorkingDay: false },
      extension: null,
      clockStopAllowed: false,
    });
    expect(defaultPolicies.other).toMatchObject({
      label: 'Other / not sure',
      deadline: { unit: 'days', amount: 60, rollWeekendToNextWorkingDay: false },
      extension: { unit: 'days', amount: 30, maxCount: 1 },
      clockStopAllowed: true,
    });
  });
});

describe('ZJurisdiction', () => {
  it('accepts a known code and asks the requester to choose a region otherwise', () => {
    expect(ZJurisdiction.parse('uk_gdpr')).toBe('uk_gdpr');
    const result = ZJurisdiction.safeParse('mars');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Choose a region');
  });
});
