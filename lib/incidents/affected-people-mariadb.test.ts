import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { incidentAffectedPeople, incidentLookups } from '@/db/schema';
import { env } from '@/lib/env';
import { createCrmSource, insertCrmContact, useDemoCrm } from '@/test/support/demo-crm';
import { uniqueShopEmail, useTestSources } from '@/test/support/demo-shop';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { decryptAffectedEmail } from './affected-email-box';
import { dryRunAffectedLookup } from './dry-run-affected-lookup';
import { findAffectedPeople } from './find-affected-people';
import { openIncident } from './open-incident';
import { startAffectedLookup } from './start-affected-lookup';
import { toWallClockTime } from './zoned-date-time';

const db = useTestDatabase();
const team = useStaffTeam(db);
const crm = useDemoCrm();
const sources = useTestSources(db);

describe('[admin] finds the people a breach affected in a MariaDB source', () => {
  it('a comparison and an uploaded list of ids pick exactly their contacts, lower-cased, through a streamed read', async () => {
    const source = sources.track(await createCrmSource(db, { databaseUrl: crm.databaseUrl }));
    const contacts = [];
    for (const label of ['crm-a', 'crm-b', 'crm-c', 'crm-d'])
      contacts.push(await insertCrmContact(crm.connection, { email: uniqueShopEmail(label).toUpperCase() }));
    const reference = await openIncident(db, {
      actor: team.admin,
      input: {
        title: 'CRM export mailed to the wrong partner',
        description: 'A contact export went to the wrong address.',
        discoveredAt: toWallClockTime(new Date(Date.now() - 60_000), env().TIME_ZONE),
        startedAt: undefined,
        regimes: ['eu_gdpr'],
        sourceIds: [source.id],
        dataCategories: ['contact'],
        likelyConsequences: '',
        measuresTaken: '',
      },
    });
    // Three of the four by id (one id unknown), and only those with at least one interaction (all have two): a child table's condition too.
    const picked = contacts.slice(0, 3);
    const filter = {
      table: 'interactions',
      conditions: [
        { column: 'contact_id', operator: 'in' as const, values: [...picked.map((contact) => String(contact.contactId)), '999999'] },
        { column: 'id', operator: '>' as const, value: '0' },
      ],
    };

    const dryRun = await dryRunAffectedLookup(db, { actor: team.admin, reference, sourceId: source.id, filter });
    expect(dryRun).toEqual({ people: 3, sample: picked.map((contact) => contact.email.toLowerCase()).sort() });

    const lookupId = await startAffectedLookup(db, { actor: team.admin, reference, sourceId: source.id, filter });
    await findAffectedPeople(db, { lookupId });
    const [lookup] = await db.select().from(incidentLookups).where(eq(incidentLookups.id, lookupId));
    expect(lookup).toMatchObject({ status: 'done', peopleFound: 3, peopleAdded: 3 });
    const people = await db.select().from(incidentAffectedPeople).where(eq(incidentAffectedPeople.lookupId, lookupId));
    expect(people.map((person) => decryptAffectedEmail(person.incidentId, person.emailCiphertext)).sort()).toEqual(
      picked.map((contact) => contact.email.toLowerCase()).sort(),
    );
  });
});
