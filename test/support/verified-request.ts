import type { Database } from '@/db/client';
import type { RequestRow } from '@/db/schema';
import type { TSubmitRequest } from '@/lib/validation/submit-request';
import { aSubmission } from './fixtures';
import { submitVerifiedRequest } from './requests';

export type VerifiedRequest = { request: RequestRow; reference: string; statusToken: string; input: TSubmitRequest };

/**
 * A confirmed (`new`) request, filed and confirmed through the real use cases.
 * `now` is when it was received and confirmed, so a test can place its due date.
 */
export async function createVerifiedRequest(
  db: Database,
  {
    jurisdiction = 'eu_gdpr',
    type = 'access',
    now,
    input,
  }: { jurisdiction?: TSubmitRequest['jurisdiction']; type?: TSubmitRequest['type']; now?: Date; input?: Partial<TSubmitRequest> } = {},
): Promise<VerifiedRequest> {
  return submitVerifiedRequest(db, { input: aSubmission({ jurisdiction, type, ...input }), now });
}
