import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createConnection, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import type { Sql } from 'postgres';
import { type DemoPerson, demoPeople } from '../demo-shop/demo-people';

const schemaFile = fileURLToPath(new URL('./schema.sql', import.meta.url));

/** The CRM's view of a shop customer: a contact, what the sales team noted, and a deal. */
export type DemoCrmContact = {
  email: string;
  fullName: string;
  phone: string | null;
  createdAt: string;
  shopCustomerId: number | null;
  interactions: { happenedAt: string; channel: string; summary: string }[];
  deals: { title: string; amountPence: number; closedOn: string | null }[];
};

type Queryable = Pick<Awaited<ReturnType<typeof createConnection>>, 'query'>;

/** Creates the CRM's tables where missing. */
export async function createDemoCrmTables(connection: Queryable): Promise<void> {
  const statements = (await readFile(schemaFile, 'utf8'))
    .split(';')
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
  for (const statement of statements) await connection.query(statement);
}

/** A demo person as the CRM knows them, keyed by the shop's customer id when the shop has them. */
export function demoCrmContact(
  person: Pick<DemoPerson, 'email' | 'fullName' | 'phone' | 'createdAt'>,
  shopCustomerId: number | null,
): DemoCrmContact {
  const day = person.createdAt.slice(0, 10);
  return {
    email: person.email,
    fullName: person.fullName,
    phone: person.phone,
    createdAt: `${day} 10:00:00`,
    shopCustomerId,
    interactions: [
      { happenedAt: `${day} 10:05:00`, channel: 'email', summary: `Welcome call booked with ${person.fullName}` },
      { happenedAt: `${day} 15:30:00`, channel: 'phone', summary: 'Asked about trade prices; sent the catalogue' },
    ],
    deals: [{ title: `First order for ${person.fullName}`, amountPence: 12_000, closedOn: day }],
  };
}

export async function insertDemoCrmContact(connection: Queryable, contact: DemoCrmContact): Promise<number> {
  const [inserted] = await connection.query<ResultSetHeader>(
    'insert into contacts (shop_customer_id, email, full_name, phone, created_at) values (?, ?, ?, ?, ?)',
    [contact.shopCustomerId, contact.email, contact.fullName, contact.phone, contact.createdAt],
  );
  const contactId = inserted.insertId;
  for (const interaction of contact.interactions) {
    await connection.query('insert into interactions (contact_id, happened_at, channel, summary) values (?, ?, ?, ?)', [
      contactId,
      interaction.happenedAt,
      interaction.channel,
      interaction.summary,
    ]);
  }
  for (const deal of contact.deals)
    await connection.query('insert into deals (contact_id, title, amount_pence, closed_on) values (?, ?, ?, ?)', [
      contactId,
      deal.title,
      deal.amountPence,
      deal.closedOn,
    ]);
  return contactId;
}

/**
 * Creates the CRM's tables and, only while it has no contacts, adds the demo shop's
 * people with their shop customer ids (read from the shop). A named lock makes a
 * second process wait and then find it seeded.
 */
export async function seedDemoCrmDatabase(crmUrl: string, shop: Sql): Promise<{ isSeeded: boolean }> {
  const connection = await createConnection({ uri: crmUrl });
  try {
    await createDemoCrmTables(connection);
    await connection.query("select get_lock('dsr-desk:demo-crm-seed', 30)");
    try {
      const [[{ contacts }]] = await connection.query<(RowDataPacket & { contacts: number })[]>(
        'select count(*) as contacts from contacts',
      );
      if (Number(contacts) > 0) return { isSeeded: false };
      const shopIds = new Map(
        (await shop<{ email: string; id: string }[]>`select email, id::text from customers`).map((row) => [
          row.email.toLowerCase(),
          Number(row.id),
        ]),
      );
      await connection.beginTransaction();
      for (const person of demoPeople())
        await insertDemoCrmContact(connection, demoCrmContact(person, shopIds.get(person.email.toLowerCase()) ?? null));
      await connection.commit();
      return { isSeeded: true };
    } finally {
      await connection.query("select release_lock('dsr-desk:demo-crm-seed')");
    }
  } finally {
    await connection.end();
  }
}
