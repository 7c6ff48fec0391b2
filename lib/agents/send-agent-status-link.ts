import type { Transaction } from '@/db/client';
import { insertToken } from '@/db/queries/request-tokens';
import type { RequestRow } from '@/db/schema';
import { env } from '@/lib/env';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { createToken } from '@/lib/security/tokens';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';

/**
 * The authorised agent's own link (purpose agent_status), emailed to the agent: it shows the request's
 * status and our messages, never the person's data (app/(public)/agent/[token]). The person's own
 * status link stays theirs.
 */
export async function sendAgentStatusLink(
  tx: Transaction,
  request: Pick<RequestRow, 'id' | 'type' | 'reference' | 'agentEmail'>,
): Promise<void> {
  if (!request.agentEmail) throw new Error(`request ${request.id} has no agent`);
  const { token, tokenHash } = createToken();
  await insertToken(tx, { requestId: request.id, purpose: 'agent_status', tokenHash, expiresAt: null });
  const { organisationName } = await getOrganisationSettings(tx);
  await enqueueEmail(tx, {
    requestId: request.id,
    to: request.agentEmail,
    payload: {
      template: 'status-link',
      version: 1,
      props: {
        organisationName,
        reference: request.reference ?? 'not numbered until the person confirms',
        requestTypeLabel: requestTypeLabel(request.type),
        statusUrl: `${env().APP_URL}/agent/${token}`,
      },
    },
  });
}
