import type { Transaction } from '@/db/client';
import type { RequestRow } from '@/db/schema';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { createStatusToken } from './create-status-token';
import { requestTypeLabel } from './request-type-label';

/** What every email to the requester about their request carries, with a fresh private status link. */
export async function requesterEmailContext(tx: Transaction, request: RequestRow) {
  const { organisationName } = await getOrganisationSettings(tx);
  const { statusUrl } = await createStatusToken(tx, { requestId: request.id });
  return { organisationName, reference: request.reference ?? '', requestTypeLabel: requestTypeLabel(request.type), statusUrl };
}
