import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { type IncidentLookupRow, incidentLookups } from '@/db/schema';
import { ZBreachLookupPerson } from '@/lib/validation/webhook';
import { addAffectedPeople } from './add-affected-people';

export type LookupCounts = Pick<IncidentLookupRow, 'peopleFound' | 'peopleAdded' | 'peopleRejected'>;

/**
 * One page of a webhook source's answer to a `breach_lookup` job, already checked against the
 * contract: each entry's address is checked on its own (one that is not an email address is
 * counted as rejected, never fatal), the good ones go on the list as the database path puts them,
 * and the lookup keeps its new counts and the cursor of the next page. The job the page answered
 * is cleared, so the same page arriving twice (answer and callback) is applied once.
 */
export async function applyBreachLookupPage(
  tx: DatabaseOrTransaction,
  {
    lookup,
    page,
  }: {
    lookup: Pick<IncidentLookupRow, 'id' | 'incidentId'> & LookupCounts;
    page: { people: unknown[]; next?: string | null };
  },
): Promise<LookupCounts> {
  const emails: string[] = [];
  let rejected = 0;
  for (const entry of page.people) {
    const person = ZBreachLookupPerson.safeParse(entry);
    if (person.success) emails.push(person.data.email);
    else rejected += 1;
  }
  const { found, added } = await addAffectedPeople(tx, { lookup, emails });
  const counts = {
    peopleFound: lookup.peopleFound + found,
    peopleAdded: lookup.peopleAdded + added,
    peopleRejected: lookup.peopleRejected + rejected,
  };
  await tx
    .update(incidentLookups)
    .set({ ...counts, webhookCursor: page.next ?? null, callbackJobId: null, awaitingCallbackSince: null })
    .where(eq(incidentLookups.id, lookup.id));
  return counts;
}
