// Seed values only: at runtime the policy comes from the database row for the request's region, so
// staff can correct a rule without a deploy. Nothing in lib/deadlines reads these by code.
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import type { JurisdictionCode } from '../validation/jurisdiction';

export const defaultPolicies: Record<JurisdictionCode, TDeadlinePolicy> = {
  eu_gdpr: {
    label: 'EU/EEA — GDPR',
    deadline: { unit: 'months', amount: 1, rollWeekendToNextWorkingDay: false },
    extension: { unit: 'months', amount: 2, maxCount: 1 },
    acknowledgementBusinessDays: null,
    clockStopAllowed: true,
    legalBasis: 'GDPR Art. 12(3)',
  },
  uk_gdpr: {
    label: 'United Kingdom — UK GDPR',
    deadline: { unit: 'months', amount: 1, rollWeekendToNextWorkingDay: true },
    extension: { unit: 'months', amount: 2, maxCount: 1 },
    acknowledgementBusinessDays: null,
    clockStopAllowed: true,
    legalBasis: 'UK GDPR Art. 12(3); ICO guidance on the right of access',
  },
  us_ca_ccpa: {
    label: 'California — CCPA/CPRA',
    deadline: { unit: 'days', amount: 45, rollWeekendToNextWorkingDay: false },
    extension: { unit: 'days', amount: 45, maxCount: 1 },
    acknowledgementBusinessDays: 10,
    clockStopAllowed: false,
    legalBasis: 'Cal. Civ. Code §1798.130(a)(2); Cal. Code Regs. tit. 11 §7021(a)',
  },
  br_lgpd: {
    label: 'Brazil — LGPD',
    deadline: { unit: 'days', amount: 15, rollWeekendToNextWorkingDay: false },
    extension: null,
    acknowledgementBusinessDays: null,
    clockStopAllowed: false,
    legalBasis: 'LGPD (Lei 13.709/2018) Art. 19, II',
  },
  // No statutory deadline applies, so the product's own service level stands in for one.
  other: {
    label: 'Other / not sure',
    deadline: { unit: 'days', amount: 60, rollWeekendToNextWorkingDay: false },
    extension: { unit: 'days', amount: 30, maxCount: 1 },
    acknowledgementBusinessDays: null,
    clockStopAllowed: true,
    legalBasis: 'dsr-desk service level (no statutory deadline)',
  },
};
