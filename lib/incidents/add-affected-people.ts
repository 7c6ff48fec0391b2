import { and, eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { type IncidentLookupRow, incidentAffectedPeople } from '@/db/schema';
import { hashEmail } from '@/lib/security/keyed-hash';
import { encryptAffectedEmail } from './affected-email-box';

/**
 * Adds one batch of a lookup's addresses to the incident's list, each encrypted and with its keyed
 * hash (the unique key, so a person found through two sources, filters or pages is listed once).
 * `found` counts the batch's addresses this lookup had not listed in an earlier batch (a webhook
 * source's pages may repeat someone); `added` those new to the incident's list.
 */
export async function addAffectedPeople(
  db: DatabaseOrTransaction,
  { lookup, emails }: { lookup: Pick<IncidentLookupRow, 'id' | 'incidentId'>; emails: string[] },
): Promise<{ found: number; added: number }> {
  const byHash = new Map(emails.map((email) => [hashEmail(email), email]));
  if (byHash.size === 0) return { found: 0, added: 0 };
  const listedByThisLookup = await db
    .select({ emailHash: incidentAffectedPeople.emailHash })
    .from(incidentAffectedPeople)
    .where(
      and(
        eq(incidentAffectedPeople.incidentId, lookup.incidentId),
        eq(incidentAffectedPeople.lookupId, lookup.id),
        inArray(incidentAffectedPeople.emailHash, [...byHash.keys()]),
      ),
    );
  const inserted = await db
    .insert(incidentAffectedPeople)
    .values(
      [...byHash].map(([emailHash, email]) => ({
        incidentId: lookup.incidentId,
        lookupId: lookup.id,
        emailHash,
        emailCiphertext: encryptAffectedEmail(lookup.incidentId, email),
      })),
    )
    .onConflictDoNothing({ target: [incidentAffectedPeople.incidentId, incidentAffectedPeople.emailHash] })
    .returning({ id: incidentAffectedPeople.id });
  return { found: byHash.size - listedByThisLookup.length, added: inserted.length };
}
