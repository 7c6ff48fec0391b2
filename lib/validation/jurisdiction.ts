import { z } from 'zod';

// The regions a requester can pick. Each one names a seed row of deadline policies; the deadline
// rules themselves never branch on these codes, they only read the policy the database holds.
export const jurisdictionCodes = ['eu_gdpr', 'uk_gdpr', 'us_ca_ccpa', 'br_lgpd', 'other'] as const;

export type JurisdictionCode = (typeof jurisdictionCodes)[number];

export const ZJurisdiction = z.enum(jurisdictionCodes, { error: 'Choose a region' });
