import { describe, expect, it } from 'vitest';
import { computeAcknowledgementDueDate } from './compute-acknowledgement-due-date';
import { defaultPolicies } from './default-policies';

describe('computeAcknowledgementDueDate', () => {
  it('[CCPA] a request received on a Friday must be acknowledged 10 business days later', () => {
    expect(computeAcknowledgementDueDate('2026-01-16', defaultPolicies.us_ca_ccpa)).toBe('2026-01-30');
  });

  it('[CCPA] a request received on a Saturday has the same acknowledgement date as one from the Friday', () => {
    expect(computeAcknowledgementDueDate('2026-01-17', defaultPolicies.us_ca_ccpa)).toBe('2026-01-30');
  });

  it('[CCPA] counts across a month end', () => {
    expect(computeAcknowledgementDueDate('2026-04-24', defaultPolicies.us_ca_ccpa)).toBe('2026-05-08');
  });

  it('is null for policies without an acknowledgement duty', () => {
    expect(computeAcknowledgementDueDate('2026-01-16', defaultPolicies.eu_gdpr)).toBeNull();
    expect(computeAcknowledgementDueDate('2026-01-16', defaultPolicies.uk_gdpr)).toBeNull();
    expect(computeAcknowledgementDueDate('2026-01-16', defaultPolicies.br_lgpd)).toBeNull();
    expect(computeAcknowledgementDueDate('2026-01-16', defaultPolicies.other)).toBeNull();
  });
});
