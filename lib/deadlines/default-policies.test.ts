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
      clockStopKinds: ['identity', 'clarification'],
    });
    expect(defaultPolicies.uk_gdpr).toMatchObject({
      label: 'United Kingdom — UK GDPR',
      deadline: { unit: 'months', amount: 1, rollWeekendToNextWorkingDay: true },
      extension: { unit: 'months', amount: 2, maxCount: 1 },
      clockStopKinds: ['identity', 'clarification'],
    });
    expect(defaultPolicies.us_ca_ccpa).toMatchObject({
      label: 'California — CCPA/CPRA',
      deadline: { unit: 'days', amount: 45, rollWeekendToNextWorkingDay: false },
      extension: { unit: 'days', amount: 45, maxCount: 1 },
      acknowledgementBusinessDays: 10,
      clockStopKinds: [],
    });
    expect(defaultPolicies.br_lgpd).toMatchObject({
      label: 'Brazil — LGPD',
      deadline: { unit: 'days', amount: 15, rollWeekendToNextWorkingDay: false },
      extension: null,
      clockStopKinds: [],
    });
    expect(defaultPolicies.other).toMatchObject({
      label: 'Other / not sure',
      deadline: { unit: 'days', amount: 60, rollWeekendToNextWorkingDay: false },
      extension: { unit: 'days', amount: 30, maxCount: 1 },
      clockStopKinds: ['identity', 'clarification', 'fee'],
    });
  });
});

describe('the US state regimes', () => {
  const states = ['us_va_vcdpa', 'us_co_cpa', 'us_ct_ctdpa', 'us_tx_tdpsa', 'us_or_ocpa', 'us_ut_ucpa'] as const;

  it.each(states)('%s: 45 days from receipt, once extendable by 45, no acknowledgement, nothing stops the clock', (code) => {
    expect(defaultPolicies[code]).toMatchObject({
      deadline: { unit: 'days', amount: 45, rollWeekendToNextWorkingDay: false, bankHolidays: null },
      extension: { unit: 'days', amount: 45, maxCount: 1 },
      acknowledgementBusinessDays: null,
      clockStopKinds: [],
    });
    expect(defaultPolicies[code].legalBasis).toMatch(/§|ORS/);
  });

  it('gives appeals with the statutes’ deadlines and an attorney-general contact, except in Utah', () => {
    expect(defaultPolicies.us_va_vcdpa.appeal).toMatchObject({ deadline: { unit: 'days', amount: 60 }, extension: null });
    expect(defaultPolicies.us_co_cpa.appeal).toMatchObject({
      deadline: { unit: 'days', amount: 45 },
      extension: { unit: 'days', amount: 60 },
    });
    expect(defaultPolicies.us_ct_ctdpa.appeal).toMatchObject({ deadline: { unit: 'days', amount: 60 }, extension: null });
    expect(defaultPolicies.us_tx_tdpsa.appeal).toMatchObject({ deadline: { unit: 'days', amount: 60 }, extension: null });
    expect(defaultPolicies.us_or_ocpa.appeal).toMatchObject({
      deadline: { unit: 'days', amount: 45 },
      extension: { unit: 'days', amount: 60 },
    });
    expect(defaultPolicies.us_ut_ucpa.appeal).toBeNull();
    for (const code of states.filter((state) => state !== 'us_ut_ucpa'))
      expect(defaultPolicies[code].appeal?.regulatorContact).toMatch(/Attorney General|Department of Justice/);
  });

  it('keeps the form order: EU, UK, California, the other states, Brazil, Other', () => {
    expect(Object.keys(defaultPolicies)).toEqual(['eu_gdpr', 'uk_gdpr', 'us_ca_ccpa', ...states, 'br_lgpd', 'other']);
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
