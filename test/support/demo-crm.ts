import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import type { Database } from '@/db/client';
import { type DataSourceRow, dataSources } from '@/db/schema';
import { createDemoCrmTables, demoCrmContact, insertDemoCrmContact } from '@/db/seed/demo-crm/seed-demo-crm';
import { encryptSourceSecret } from '@/lib/data-sources/read-source-secret';
import type { TMysqlMap } from '@/lib/validation/data-source';
import { ZDataSourcesFile } from '@/lib/validation/data-sources-file';
import { type ProvisionedMariadb, useMariadb } from './mariadb';

/** The demo CRM's map as shipped in db/seed/demo-crm-data-source.json (source "crm"). */
export const demoCrmMap: TMysqlMap = (() => {
  const entries = ZDataSourcesFile.parse(
    JSON.parse(readFileSync(new URL('../../db/seed/demo-crm-data-source.json', import.meta.url), 'utf8')),
  );
  const crm = entries.find((entry) => entry.slug === 'crm');
  if (crm?.config.kind !== 'mysql') throw new Error('db/seed/demo-crm-data-source.json has no mysql source "crm"');
  return crm.config.map;
})();

/** For a test file: a MariaDB database of its own with the demo CRM's (empty) tables, dropped after the file. */
export function useDemoCrm(): ProvisionedMariadb {
  return useMariadb('crm', ({ connection }) => createDemoCrmTables(connection));
}

export type CrmContact = { contactId: number; email: string };

/** A contact with the demo's two interactions and a deal; `email` as the CRM stores it (case kept). */
export async function insertCrmContact(
  connection: Connection,
  { email, fullName = 'Crm Person', shopCustomerId = null }: { email: string; fullName?: string; shopCustomerId?: number | null },
): Promise<CrmContact> {
  const contactId = await insertDemoCrmContact(
    connection,
    demoCrmContact({ email, fullName, phone: '+44 20 7946 0000', createdAt: '2024-02-03T00:00:00Z' }, shopCustomerId),
  );
  return { contactId, email };
}

/** Everything the CRM holds about a contact, to compare before and after. */
export async function crmFootprint(connection: Connection, contactId: number): Promise<Record<string, RowDataPacket[]>> {
  const [contacts] = await connection.query<RowDataPacket[]>('select * from contacts where id = ?', [contactId]);
  const [interactions] = await connection.query<RowDataPacket[]>('select * from interactions where contact_id = ? order by id', [
    contactId,
  ]);
  const [deals] = await connection.query<RowDataPacket[]>('select * from deals where contact_id = ? order by id', [contactId]);
  return { contacts, interactions, deals };
}

/** A MySQL/MariaDB data source over a test's CRM, written straight to the table (no live check), disabled unless asked. */
export async function createCrmSource(
  db: Database,
  { databaseUrl, map = demoCrmMap, isEnabled = false, name }: { databaseUrl: string; map?: TMysqlMap; isEnabled?: boolean; name?: string },
): Promise<DataSourceRow> {
  const slug = `test-crm-${randomBytes(4).toString('hex')}`;
  const [row] = await db
    .insert(dataSources)
    .values({
      slug,
      name: name ?? `Test CRM ${slug}`,
      kind: 'mysql',
      isEnabled,
      config: { kind: 'mysql', map },
      secretCiphertext: encryptSourceSecret('mysql', databaseUrl),
      secretUpdatedAt: new Date(),
    })
    .returning();
  return row!;
}
