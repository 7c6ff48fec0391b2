import { describe, expect, it } from 'vitest';
import { ZDeadlinePolicy, type TDeadlinePolicy } from '../validation/deadline-policy';
import { defaultPolicies } from './default-policies';

const valid: TDeadlinePolicy = defaultPolicies.uk_gdpr;

function issuePaths(input: unknown): string[] {
  const result = ZDeadlinePolicy.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('ZDeadlinePolicy', () => {
  it('rejects an unknown top-level field', () => {
    const result = ZDeadlinePolicy.safeParse({ ...valid, businessDaysOnly: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['businessDaysOnly'] });
  });

  it('rejects an unknown field inside the deadline and extension rules', () => {
    expect(issuePaths({ ...valid, deadline: { ...valid.deadline, holidays: [] } })).toEqual(['deadline']);
    expect(issuePaths({ ...valid, extension: { unit: 'days', amount: 45, maxCount: 1, notice: true } })).toEqual(['extension']);
  });

  it('rejects a negative, zero, fractional or oversized amount', () => {
    expect(issuePaths({ ...valid, deadline: { ...valid.deadline, amount: -1 } })).toEqual(['deadline.amount']);
    expect(issuePaths({ ...valid, deadline: { ...valid.deadline, amount: 0 } })).toEqual(['deadline.amount']);
    expect(issuePaths({ ...valid, deadline: { ...valid.deadline, amount: 1.5 } })).toEqual(['deadline.amount']);
    expect(issuePaths({ ...valid, deadline: { ...valid.deadline, amount: 367 } })).toEqual(['deadline.amount']);
    expect(issuePaths({ ...valid, extension: { unit: 'months', amount: -2, maxCount: 1 } })).toEqual(['extension.amount']);
  });

  it('rejects an unknown unit and an out-of-range extension count', () => {
    expect(issuePaths({ ...valid, deadline: { ...valid.deadline, unit: 'weeks' } })).toEqual(['deadline.unit']);
    expect(issuePaths({ ...valid, extension: { unit: 'months', amount: 2, maxCount: 0 } })).toEqual(['extension.maxCount']);
    expect(issuePaths({ ...valid, extension: { unit: 'months', amount: 2, maxCount: 4 } })).toEqual(['extension.maxCount']);
  });

  it('rejects an empty label, a missing weekend rule and an out-of-range acknowledgement', () => {
    expect(issuePaths({ ...valid, label: '' })).toEqual(['label']);
    expect(issuePaths({ ...valid, deadline: { unit: 'months', amount: 1 } })).toEqual(['deadline.rollWeekendToNextWorkingDay']);
    expect(issuePaths({ ...valid, acknowledgementBusinessDays: 0 })).toEqual(['acknowledgementBusinessDays']);
    expect(issuePaths({ ...valid, acknowledgementBusinessDays: 61 })).toEqual(['acknowledgementBusinessDays']);
    expect(issuePaths({ ...valid, legalBasis: 'x'.repeat(301) })).toEqual(['legalBasis']);
  });

  it('accepts a policy without an extension or acknowledgement', () => {
    expect(ZDeadlinePolicy.safeParse({ ...valid, extension: null, acknowledgementBusinessDays: null }).success).toBe(true);
  });
});

describe('ZDeadlinePolicy: pause kinds, bank holidays and appeals', () => {
  it('rejects an unknown pause kind, a repeated one and an unknown bank-holiday calendar', () => {
    expect(issuePaths({ ...valid, clockStopKinds: ['holiday'] })).toEqual(['clockStopKinds.0']);
    expect(issuePaths({ ...valid, clockStopKinds: ['identity', 'identity'] })).toEqual(['clockStopKinds']);
    expect(issuePaths({ ...valid, deadline: { ...valid.deadline, bankHolidays: 'wales' } })).toEqual(['deadline.bankHolidays']);
  });

  it('rejects an appeal without a window or with an oversized one', () => {
    const appeal = { windowDays: 60, deadline: { unit: 'days', amount: 60 }, extension: null, regulatorContact: '' };
    expect(ZDeadlinePolicy.safeParse({ ...valid, appeal }).success).toBe(true);
    expect(issuePaths({ ...valid, appeal: { ...appeal, windowDays: 0 } })).toEqual(['appeal.windowDays']);
    expect(issuePaths({ ...valid, appeal: { ...appeal, windowDays: 400 } })).toEqual(['appeal.windowDays']);
  });

  it('reads a policy stored before bank holidays and appeals existed as having neither', () => {
    const { appeal: _appeal, ...withoutAppeal } = valid;
    const parsed = ZDeadlinePolicy.parse({ ...withoutAppeal, deadline: { unit: 'months', amount: 1, rollWeekendToNextWorkingDay: true } });
    expect(parsed.appeal).toBeNull();
    expect(parsed.deadline.bankHolidays).toBeNull();
  });
});
