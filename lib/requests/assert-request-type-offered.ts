import type { DatabaseOrTransaction } from '@/db/client';
import { findJurisdictionPolicy } from '@/db/queries/jurisdiction-policies';
import { isRequestTypeOffered } from '@/lib/deadlines/policy-for-request-type';
import { AppError } from '@/lib/errors/app-error';
import { ZDeadlinePolicy } from '@/lib/validation/deadline-policy';
import type { RequestType } from '@/lib/validation/request-type';
import { requestTypeLabels } from '@/lib/validation/request-type';

/**
 * A regime gives only the rights its law gives (the policy's `requestTypes`): an opt-out of targeted
 * advertising under GDPR, say, is refused with a field error before anything is written. Which types a
 * regime offers says nothing about the requester, so the answer reveals nothing either.
 */
export async function assertRequestTypeOffered(
  db: DatabaseOrTransaction,
  { jurisdiction, type }: { jurisdiction: string; type: RequestType },
): Promise<void> {
  const row = await findJurisdictionPolicy(db, { code: jurisdiction });
  if (!row) throw new AppError('VALIDATION', 'Choose a region', { field: 'jurisdiction' });
  const policy = ZDeadlinePolicy.parse(row.policy);
  if (!isRequestTypeOffered(policy, type)) {
    throw new AppError(
      'VALIDATION',
      `${requestTypeLabels[type].title} is not a right under ${policy.label}. Choose another request or region.`,
      { field: 'type' },
    );
  }
}
