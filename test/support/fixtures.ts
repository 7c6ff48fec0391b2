import type { TOrganisationSettings } from '@/lib/validation/organisation-settings';
import { randomInt, randomUUID } from 'node:crypto';
import type { TSubmitRequest } from '@/lib/validation/submit-request';

/** An address no other test (or earlier run against the same server) has used, so rate limits never collide. */
export function uniqueEmail(label = 'requester'): string {
  return `${label}-${randomUUID()}@example.test`;
}

/** A random private IPv4 address, for the same reason. */
export function uniqueIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A valid submission as the form would send it after parsing; override what the test is about. */
export function aSubmission(overrides: Partial<TSubmitRequest> = {}): TSubmitRequest {
  return {
    type: 'access',
    email: uniqueEmail(),
    fullName: 'Ada Lovelace',
    accountIdentifier: 'customer-4711',
    details: 'Please include my order history.',
    jurisdiction: 'eu_gdpr',
    isAuthorised: true,
    ...overrides,
  };
}

/** Organisation settings as an admin might save them: every field changed from the defaults. */
export const renamedOrganisation: TOrganisationSettings = {
  organisationName: 'Fjordline Bikes AS',
  senderName: 'Fjordline Privacy Team',
  senderEmail: 'privacy@fjordline.test',
  downloadDays: 14,
  maxDownloads: 3,
  copyWaitDays: 5,
  auditRetentionMonths: 36,
  personalDataRetentionDays: 400,
};
