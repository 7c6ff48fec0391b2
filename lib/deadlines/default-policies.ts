// Seed values only: at runtime the policy comes from the database row for the request's region, so
// staff can correct a rule without a deploy. Nothing in lib/deadlines reads these by code.
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import type { JurisdictionCode } from '../validation/jurisdiction';

// The clock every US state law below shares (see the comment above Virginia).
const usStateClock = {
  deadline: { unit: 'days', amount: 45, rollWeekendToNextWorkingDay: false, bankHolidays: null },
  extension: { unit: 'days', amount: 45, maxCount: 1 },
  acknowledgementBusinessDays: null,
  clockStopKinds: [],
} as const satisfies Partial<TDeadlinePolicy>;

export const defaultPolicies: Record<JurisdictionCode, TDeadlinePolicy> = {
  eu_gdpr: {
    label: 'EU/EEA — GDPR',
    deadline: { unit: 'months', amount: 1, rollWeekendToNextWorkingDay: false, bankHolidays: null },
    extension: { unit: 'months', amount: 2, maxCount: 1 },
    acknowledgementBusinessDays: null,
    clockStopKinds: ['identity', 'clarification'],
    appeal: null,
    legalBasis: 'GDPR Art. 12(3)',
  },
  uk_gdpr: {
    label: 'United Kingdom — UK GDPR',
    deadline: { unit: 'months', amount: 1, rollWeekendToNextWorkingDay: true, bankHolidays: 'england_and_wales' },
    extension: { unit: 'months', amount: 2, maxCount: 1 },
    acknowledgementBusinessDays: null,
    clockStopKinds: ['identity', 'clarification'],
    appeal: null,
    legalBasis: 'UK GDPR Art. 12(3); ICO guidance on the right of access',
  },
  us_ca_ccpa: {
    label: 'California — CCPA/CPRA',
    deadline: { unit: 'days', amount: 45, rollWeekendToNextWorkingDay: false, bankHolidays: null },
    extension: { unit: 'days', amount: 45, maxCount: 1 },
    acknowledgementBusinessDays: 10,
    clockStopKinds: [],
    appeal: null,
    legalBasis: 'Cal. Civ. Code §1798.130(a)(2); Cal. Code Regs. tit. 11 §7021(a)',
  },
  // US state laws: the controller answers within 45 days of receipt, extendable once by 45 more days when
  // reasonably necessary (the consumer told within the first 45). None sets an acknowledgement duty. Every
  // one but Utah gives an appeal of a refusal, "within a reasonable period of time after the consumer's
  // receipt of the decision" (no fixed window: 60 days is this product's default, editable), and asks that a
  // denied appeal tell the consumer how to complain to the attorney general. Identity checks do not stop
  // these clocks (none of the statutes provides for it), so no pause kind does.
  //
  // Virginia CDPA, Va. Code §59.1-578(B) (45 + 45), §59.1-578(C) (appeal decided within 60 days; online
  // mechanism to contact the Attorney General on denial).
  us_va_vcdpa: {
    label: 'Virginia — VCDPA',
    ...usStateClock,
    appeal: { windowDays: 60, deadline: { unit: 'days', amount: 60 }, extension: null, regulatorContact: 'Office of the Attorney General of Virginia, Consumer Protection Section: https://www.oag.state.va.us/consumer-protection/' },
    legalBasis: 'Va. Code §59.1-578(B) (45 + 45 days); §59.1-578(C) (appeal: 60 days, Attorney General contact)',
  },
  // Colorado Privacy Act, C.R.S. §6-1-1306(2) (45 + 45), §6-1-1306(3) (appeal decided within 45 days,
  // extendable by 60 more; Attorney General contact on denial).
  us_co_cpa: {
    label: 'Colorado — CPA',
    ...usStateClock,
    appeal: { windowDays: 60, deadline: { unit: 'days', amount: 45 }, extension: { unit: 'days', amount: 60 }, regulatorContact: 'Colorado Attorney General: https://coag.gov/resources/colorado-privacy-act/' },
    legalBasis: 'C.R.S. §6-1-1306(2) (45 + 45 days); §6-1-1306(3) (appeal: 45 + 60 days, Attorney General contact)',
  },
  // Connecticut Data Privacy Act, Conn. Gen. Stat. §42-518(b) (45 + 45), §42-518(d) (appeal decided within
  // 60 days; online mechanism to contact the Attorney General on denial).
  us_ct_ctdpa: {
    label: 'Connecticut — CTDPA',
    ...usStateClock,
    appeal: { windowDays: 60, deadline: { unit: 'days', amount: 60 }, extension: null, regulatorContact: 'Connecticut Office of the Attorney General: https://portal.ct.gov/ag' },
    legalBasis: 'Conn. Gen. Stat. §42-518(b) (45 + 45 days); §42-518(d) (appeal: 60 days, Attorney General contact)',
  },
  // Texas Data Privacy and Security Act, Tex. Bus. & Com. Code §541.052 (45 + 45), §541.053 (appeal decided
  // within 60 days; online mechanism to submit a complaint to the Attorney General on denial).
  us_tx_tdpsa: {
    label: 'Texas — TDPSA',
    ...usStateClock,
    appeal: { windowDays: 60, deadline: { unit: 'days', amount: 60 }, extension: null, regulatorContact: 'Office of the Texas Attorney General, consumer complaints: https://www.texasattorneygeneral.gov/consumer-protection' },
    legalBasis: 'Tex. Bus. & Com. Code §541.052 (45 + 45 days); §541.053 (appeal: 60 days, Attorney General complaint)',
  },
  // Oregon Consumer Privacy Act, ORS 646A.576(5) (45 + 45), 646A.576(6) (appeal decided within 45 days,
  // extendable by 60 more; Attorney General contact on denial).
  us_or_ocpa: {
    label: 'Oregon — OCPA',
    ...usStateClock,
    appeal: { windowDays: 60, deadline: { unit: 'days', amount: 45 }, extension: { unit: 'days', amount: 60 }, regulatorContact: 'Oregon Department of Justice, privacy complaints: https://www.doj.state.or.us/consumer-protection/ (oregonprivacy@doj.oregon.gov)' },
    legalBasis: 'ORS 646A.576(5) (45 + 45 days); ORS 646A.576(6) (appeal: 45 + 60 days, Attorney General contact)',
  },
  // Utah Consumer Privacy Act, Utah Code §13-61-203(4) (45 + 45). The UCPA gives no right of appeal.
  us_ut_ucpa: {
    label: 'Utah — UCPA',
    ...usStateClock,
    appeal: null,
    legalBasis: 'Utah Code §13-61-203(4) (45 + 45 days); no appeal',
  },
  br_lgpd: {
    label: 'Brazil — LGPD',
    deadline: { unit: 'days', amount: 15, rollWeekendToNextWorkingDay: false, bankHolidays: null },
    extension: null,
    acknowledgementBusinessDays: null,
    clockStopKinds: [],
    appeal: null,
    legalBasis: 'LGPD (Lei 13.709/2018) Art. 19, II',
  },
  // No statutory deadline applies, so the product's own service level stands in for one.
  other: {
    label: 'Other / not sure',
    deadline: { unit: 'days', amount: 60, rollWeekendToNextWorkingDay: false, bankHolidays: null },
    extension: { unit: 'days', amount: 30, maxCount: 1 },
    acknowledgementBusinessDays: null,
    clockStopKinds: ['identity', 'clarification', 'fee'],
    appeal: null,
    legalBasis: 'dsr-desk service level (no statutory deadline)',
  },
};
