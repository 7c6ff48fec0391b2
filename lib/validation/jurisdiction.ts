import { z } from 'zod';

// The regions a requester can pick. Each one names a seed row of deadline policies; the deadline
// rules themselves never branch on these codes, they only read the policy the database holds.
export const jurisdictionCodes = [
  'eu_gdpr',
  'uk_gdpr',
  'us_ca_ccpa',
  'us_va_vcdpa',
  'us_co_cpa',
  'us_ct_ctdpa',
  'us_tx_tdpsa',
  'us_or_ocpa',
  'us_ut_ucpa',
  'br_lgpd',
  'other',
] as const;

export type JurisdictionCode = (typeof jurisdictionCodes)[number];

export const ZJurisdiction = z.enum(jurisdictionCodes, { error: 'Choose a region' });
