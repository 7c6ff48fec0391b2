// Seed values only: at runtime the policy comes from the database row for the request's region, so
// staff can correct a rule without a deploy. Nothing in lib/deadlines reads these by code.
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import type { JurisdictionCode } from '../validation/jurisdiction';
import { type RequestType, requestTypes } from '../validation/request-type';

// Which rights each law gives. GDPR Arts. 15–21 (access, portability, erasure, rectification, restriction,
// objection — Art. 21(3): an objection to direct marketing is always honoured). CCPA §§1798.100–.121:
// know, delete, correct, opt out of sale or sharing, limit sensitive PI. The US state laws (e.g. Va. Code
// §59.1-577(A)): access, correct, delete, portability, opt out of targeted advertising and sale; Utah's
// UCPA has no right to correct (Utah Code §13-61-201). LGPD Art. 18: access, correction, deletion,
// portability, objection (§2). Unsubscribing from marketing is offered everywhere.
const gdprRights: RequestType[] = ['access', 'export', 'deletion', 'correction', 'restriction', 'objection', 'marketing_unsubscribe'];
const ccpaRights: RequestType[] = [
  'access',
  'export',
  'deletion',
  'correction',
  'opt_out_sale',
  'limit_sensitive',
  'marketing_unsubscribe',
];
const usStateRights: RequestType[] = [
  'access',
  'export',
  'deletion',
  'correction',
  'opt_out_sale',
  'opt_out_targeted_ads',
  'marketing_unsubscribe',
];
const lgpdRights: RequestType[] = ['access', 'export', 'deletion', 'correction', 'objection', 'marketing_unsubscribe'];

// CCPA regulations: comply with an opt-out of sale/sharing "as soon as feasibly possible, but no later than
// 15 business days from the date the business receives the request" (11 CCR §7026(f)), the same for a request
// to limit (§7027(g)); no extension and no acknowledgement duty for these. Marketing unsubscribes take the
// same short clock here.
const fifteenBusinessDays = {
  deadline: { unit: 'business_days', amount: 15 },
  extension: null,
  acknowledgementBusinessDays: null,
} as const;
const ccpaOptOutClocks = {
  opt_out_sale: fifteenBusinessDays,
  limit_sensitive: fifteenBusinessDays,
  marketing_unsubscribe: fifteenBusinessDays,
};

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
    requestTypes: gdprRights,
    byRequestType: {},
    legalBasis: 'GDPR Art. 12(3)',
  },
  uk_gdpr: {
    label: 'United Kingdom — UK GDPR',
    deadline: { unit: 'months', amount: 1, rollWeekendToNextWorkingDay: true, bankHolidays: 'england_and_wales' },
    extension: { unit: 'months', amount: 2, maxCount: 1 },
    acknowledgementBusinessDays: null,
    clockStopKinds: ['identity', 'clarification'],
    appeal: null,
    requestTypes: gdprRights,
    byRequestType: {},
    legalBasis: 'UK GDPR Art. 12(3); ICO guidance on the right of access',
  },
  us_ca_ccpa: {
    label: 'California — CCPA/CPRA',
    deadline: { unit: 'days', amount: 45, rollWeekendToNextWorkingDay: false, bankHolidays: null },
    extension: { unit: 'days', amount: 45, maxCount: 1 },
    acknowledgementBusinessDays: 10,
    clockStopKinds: [],
    appeal: null,
    requestTypes: ccpaRights,
    byRequestType: ccpaOptOutClocks,
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
    appeal: {
      windowDays: 60,
      deadline: { unit: 'days', amount: 60 },
      extension: null,
      regulatorContact:
        'Office of the Attorney General of Virginia, Consumer Protection Section: https://www.oag.state.va.us/consumer-protection/',
    },
    requestTypes: usStateRights,
    byRequestType: {},
    legalBasis: 'Va. Code §59.1-578(B) (45 + 45 days); §59.1-578(C) (appeal: 60 days, Attorney General contact)',
  },
  // Colorado Privacy Act, C.R.S. §6-1-1306(2) (45 + 45), §6-1-1306(3) (appeal decided within 45 days,
  // extendable by 60 more; Attorney General contact on denial).
  us_co_cpa: {
    label: 'Colorado — CPA',
    ...usStateClock,
    appeal: {
      windowDays: 60,
      deadline: { unit: 'days', amount: 45 },
      extension: { unit: 'days', amount: 60 },
      regulatorContact: 'Colorado Attorney General: https://coag.gov/resources/colorado-privacy-act/',
    },
    requestTypes: usStateRights,
    byRequestType: {},
    legalBasis: 'C.R.S. §6-1-1306(2) (45 + 45 days); §6-1-1306(3) (appeal: 45 + 60 days, Attorney General contact)',
  },
  // Connecticut Data Privacy Act, Conn. Gen. Stat. §42-518(b) (45 + 45), §42-518(d) (appeal decided within
  // 60 days; online mechanism to contact the Attorney General on denial).
  us_ct_ctdpa: {
    label: 'Connecticut — CTDPA',
    ...usStateClock,
    appeal: {
      windowDays: 60,
      deadline: { unit: 'days', amount: 60 },
      extension: null,
      regulatorContact: 'Connecticut Office of the Attorney General: https://portal.ct.gov/ag',
    },
    requestTypes: usStateRights,
    byRequestType: {},
    legalBasis: 'Conn. Gen. Stat. §42-518(b) (45 + 45 days); §42-518(d) (appeal: 60 days, Attorney General contact)',
  },
  // Texas Data Privacy and Security Act, Tex. Bus. & Com. Code §541.052 (45 + 45), §541.053 (appeal decided
  // within 60 days; online mechanism to submit a complaint to the Attorney General on denial).
  us_tx_tdpsa: {
    label: 'Texas — TDPSA',
    ...usStateClock,
    appeal: {
      windowDays: 60,
      deadline: { unit: 'days', amount: 60 },
      extension: null,
      regulatorContact:
        'Office of the Texas Attorney General, consumer complaints: https://www.texasattorneygeneral.gov/consumer-protection',
    },
    requestTypes: usStateRights,
    byRequestType: {},
    legalBasis: 'Tex. Bus. & Com. Code §541.052 (45 + 45 days); §541.053 (appeal: 60 days, Attorney General complaint)',
  },
  // Oregon Consumer Privacy Act, ORS 646A.576(5) (45 + 45), 646A.576(6) (appeal decided within 45 days,
  // extendable by 60 more; Attorney General contact on denial).
  us_or_ocpa: {
    label: 'Oregon — OCPA',
    ...usStateClock,
    appeal: {
      windowDays: 60,
      deadline: { unit: 'days', amount: 45 },
      extension: { unit: 'days', amount: 60 },
      regulatorContact:
        'Oregon Department of Justice, privacy complaints: https://www.doj.state.or.us/consumer-protection/ (oregonprivacy@doj.oregon.gov)',
    },
    requestTypes: usStateRights,
    byRequestType: {},
    legalBasis: 'ORS 646A.576(5) (45 + 45 days); ORS 646A.576(6) (appeal: 45 + 60 days, Attorney General contact)',
  },
  // Utah Consumer Privacy Act, Utah Code §13-61-203(4) (45 + 45). The UCPA gives no right of appeal.
  us_ut_ucpa: {
    label: 'Utah — UCPA',
    ...usStateClock,
    appeal: null,
    requestTypes: usStateRights.filter((type) => type !== 'correction'),
    byRequestType: {},
    legalBasis: 'Utah Code §13-61-203(4) (45 + 45 days); no appeal',
  },
  br_lgpd: {
    label: 'Brazil — LGPD',
    deadline: { unit: 'days', amount: 15, rollWeekendToNextWorkingDay: false, bankHolidays: null },
    extension: null,
    acknowledgementBusinessDays: null,
    clockStopKinds: [],
    appeal: null,
    requestTypes: lgpdRights,
    byRequestType: {},
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
    requestTypes: [...requestTypes],
    byRequestType: {},
    legalBasis: 'dsr-desk service level (no statutory deadline)',
  },
};
