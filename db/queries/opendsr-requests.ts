import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client';
import { opendsrRequests, requests } from '../schema';

/** An OpenDSR filing by the key that made it (another key's subject_request_id is not found), with its request's state. */
export async function findOpenDsrRequest(
  db: DatabaseOrTransaction,
  { apiKeyId, subjectRequestId }: { apiKeyId: string; subjectRequestId: string },
) {
  const [row] = await db
    .select({
      opendsr: opendsrRequests,
      request: { id: requests.id, status: requests.status, dueOn: requests.dueOn, receivedOn: requests.receivedOn },
    })
    .from(opendsrRequests)
    .innerJoin(requests, eq(requests.id, opendsrRequests.requestId))
    .where(and(eq(opendsrRequests.apiKeyId, apiKeyId), eq(opendsrRequests.subjectRequestId, subjectRequestId)));
  return row ?? null;
}

export type FoundOpenDsrRequest = NonNullable<Awaited<ReturnType<typeof findOpenDsrRequest>>>;
