import { describe, expect, it } from 'vitest';
import { ZJurisdictionPolicyForm } from './jurisdiction-policy-form';

const base = {
  code: 'us_va_vcdpa',
  label: 'Virginia — VCDPA',
  deadlineAmount: '45',
  deadlineUnit: 'days',
  hasExtension: 'on',
  extensionAmount: '45',
  extensionUnit: 'days',
  extensionMaxCount: '1',
  legalBasis: 'Va. Code §59.1-578',
  offers_access: 'on',
  offers_opt_out_sale: 'on',
};

describe('ZJurisdictionPolicyForm', () => {
  it('turns the ticked pause kinds, the bank-holiday calendar and the appeal fields into the policy', () => {
    const parsed = ZJurisdictionPolicyForm.parse({
      ...base,
      rollWeekendToNextWorkingDay: 'on',
      bankHolidays: 'scotland',
      clockStopIdentity: 'on',
      clockStopFee: 'on',
      hasAppeal: 'on',
      appealWindowDays: '90',
      appealDeadlineAmount: '45',
      appealDeadlineUnit: 'days',
      appealExtensionAmount: '60',
      appealExtensionUnit: 'days',
      regulatorContact: 'Colorado Attorney General',
    });
    expect(parsed.policy).toMatchObject({
      deadline: { unit: 'days', amount: 45, rollWeekendToNextWorkingDay: true, bankHolidays: 'scotland' },
      clockStopKinds: ['identity', 'fee'],
      appeal: {
        windowDays: 90,
        deadline: { unit: 'days', amount: 45 },
        extension: { unit: 'days', amount: 60 },
        regulatorContact: 'Colorado Attorney General',
      },
    });
  });

  it('drops the bank-holiday calendar when due dates do not roll, and stops no clock when nothing is ticked', () => {
    const parsed = ZJurisdictionPolicyForm.parse({ ...base, bankHolidays: 'scotland' });
    expect(parsed.policy.deadline.bankHolidays).toBeNull();
    expect(parsed.policy.clockStopKinds).toEqual([]);
    expect(parsed.policy.appeal).toBeNull();
  });

  it('asks for the appeal window and decision time when appeals are on', () => {
    const result = ZJurisdictionPolicyForm.safeParse({ ...base, hasAppeal: 'on' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['appealDeadlineAmount', 'appealWindowDays']);
  });

  it('keeps the ticked rights and a type’s own deadline, and refuses a law with no right at all', () => {
    const parsed = ZJurisdictionPolicyForm.parse({
      ...base,
      typeDeadlineAmount_opt_out_sale: '15',
      typeDeadlineUnit_opt_out_sale: 'business_days',
      typeDeadlineAmount_access: '',
      typeDeadlineUnit_access: 'business_days',
    });
    expect(parsed.policy.requestTypes).toEqual(['access', 'opt_out_sale']);
    expect(parsed.policy.byRequestType).toEqual({
      opt_out_sale: { deadline: { unit: 'business_days', amount: 15 }, extension: null, acknowledgementBusinessDays: null },
    });
    const none = ZJurisdictionPolicyForm.safeParse({ ...base, offers_access: '', offers_opt_out_sale: '' });
    expect(none.error?.issues[0]).toMatchObject({ path: ['offers_access'], message: 'Offer at least one kind of request' });
  });

  it('refuses an unknown bank-holiday calendar', () => {
    const result = ZJurisdictionPolicyForm.safeParse({ ...base, rollWeekendToNextWorkingDay: 'on', bankHolidays: 'wales' });
    expect(result.error?.issues[0]?.path).toEqual(['bankHolidays']);
  });
});
