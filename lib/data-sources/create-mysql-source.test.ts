import { describe, expect, it } from 'vitest';
import { getDataSource } from '@/lib/data-sources/get-data-source';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import type { TMysqlMap } from '@/lib/validation/data-source';
import { ZCreateDataSourceForm } from '@/lib/validation/data-source-form';
import { aMysqlSourceInput, mapWithTable, readSourceRow, useSourceCreation } from '@/test/support/data-sources';
import { demoCrmMap, useDemoCrm } from '@/test/support/demo-crm';
import { freePort } from '@/test/support/free-port';
import { refusal } from '@/test/support/request-snapshot';
import { useTestDatabase } from '@/test/support/test-database';
import { updateDataSource } from './update-data-source';

const db = useTestDatabase();
const crm = useDemoCrm();
const create = useSourceCreation(db);

function mapWith(index: number, change: (table: TMysqlMap['tables'][number]) => TMysqlMap['tables'][number]): TMysqlMap {
  return mapWithTable(demoCrmMap, index, change);
}

describe('[admin] adds a MySQL/MariaDB source: the map is checked against the live schema', () => {
  it('refuses unknown tables and columns with their path in the map, and saves nothing', async () => {
    const map: TMysqlMap = {
      tables: [
        ...mapWith(1, (table) => ({
          ...table,
          export: ['id', 'sumary'],
          match: { column: 'contact_id', references: { table: 'contacts', column: 'contact_number' } },
        })).tables,
        { table: 'invoices', match: { column: 'email', equals: 'email' }, export: ['id'], erase: { action: 'delete' } },
      ],
    };
    const input = aMysqlSourceInput({ connectionString: crm.databaseUrl, map });
    const error = await refusal(create(input));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.fieldErrors).toEqual({
      map: [
        'tables[1].export[1]: Column "sumary" does not exist in table interactions',
        'tables[1].match.references.column: Column "contact_number" does not exist in table contacts',
        'tables[3].table: Table invoices does not exist in the source database (or this connection may not see it)',
      ],
    });
    await expect(readSourceRow(db, { slug: input.slug })).rejects.toThrow();
  });

  it('refuses to anonymise a NOT NULL column that is not text', async () => {
    const map = mapWith(2, (table) => ({ ...table, erase: { action: 'anonymise', columns: ['title', 'amount_pence'] } }));
    const error = await refusal(create(aMysqlSourceInput({ connectionString: crm.databaseUrl, map })));

    expect(error.details.fieldErrors).toEqual({
      map: [
        'tables[2].erase.columns[1]: Column "amount_pence" in deals is NOT NULL and not text (int): it cannot be anonymised; delete the rows or keep it',
      ],
    });
  });

  it('checks verification columns too: a phone column that does not exist is refused, one that does is saved', async () => {
    const wrong = mapWith(0, (table) => ({ ...table, verification: { phone: 'mobile' } }));
    const error = await refusal(create(aMysqlSourceInput({ connectionString: crm.databaseUrl, map: wrong })));
    expect(error.details.fieldErrors).toEqual({ map: ['tables[0].verification.phone: Column "mobile" does not exist in table contacts'] });

    const input = aMysqlSourceInput({
      connectionString: crm.databaseUrl,
      map: mapWith(0, (table) => ({ ...table, verification: { phone: 'phone' } })),
    });
    await create(input);
    const saved = await readSourceRow(db, { slug: input.slug });
    expect((saved.config as { map: TMysqlMap }).map.tables[0]!.verification).toEqual({ phone: 'phone' });
  });

  it('a table in another database is named with it, and checked there', async () => {
    const database = new URL(crm.databaseUrl).pathname.slice(1);
    const map: TMysqlMap = {
      tables: [
        {
          schema: database,
          table: 'contacts',
          match: { column: 'email', equals: 'email' },
          export: ['id', 'email'],
          erase: { action: 'delete' },
        },
      ],
    };
    await expect(create(aMysqlSourceInput({ connectionString: crm.databaseUrl, map }))).resolves.toBeTruthy();

    const wrong: TMysqlMap = { tables: [{ ...map.tables[0]!, schema: 'no_such_database' }] };
    const error = await refusal(create(aMysqlSourceInput({ connectionString: crm.databaseUrl, map: wrong })));
    expect(error.details.fieldErrors).toEqual({
      map: ['tables[0].table: Table no_such_database.contacts does not exist in the source database (or this connection may not see it)'],
    });
  });

  it('saves a good map with the connection string encrypted; an edit is checked again with the saved one', async () => {
    const input = aMysqlSourceInput({ connectionString: crm.databaseUrl, map: demoCrmMap });
    const { admin } = await create(input);

    const row = await readSourceRow(db, { slug: input.slug });
    expect(row).toMatchObject({ kind: 'mysql', config: { kind: 'mysql', map: demoCrmMap } });
    expect(row.secretCiphertext).not.toContain(crm.databaseUrl);
    expect(readSourceSecret(row)).toBe(crm.databaseUrl);
    expect(JSON.stringify(await getDataSource(db, { actor: admin, slug: input.slug }))).not.toContain(crm.databaseUrl);

    const broken = mapWith(0, (table) => ({ ...table, export: ['id', 'emial'] }));
    const editError = await refusal(
      updateDataSource(db, {
        actor: admin,
        slug: input.slug,
        version: row.version,
        input: {
          name: row.name,
          usedForAccess: true,
          usedForErasure: true,
          config: { kind: 'mysql', map: broken },
          connectionString: null,
        },
      }),
    );
    expect(editError.details.fieldErrors).toEqual({ map: ['tables[0].export[1]: Column "emial" does not exist in table contacts'] });
  });

  it('reports a server that does not answer on the connection-string field, without the password', async () => {
    const connectionString = `mysql://crm_reader:Tr0ub4dor-and-3@127.0.0.1:${await freePort()}/crm`;
    const error = await refusal(create(aMysqlSourceInput({ connectionString, map: demoCrmMap })));

    const [message] = (error.details.fieldErrors as { connectionString: string[] }).connectionString;
    expect(message).toMatch(/^Could not connect to 127\.0\.0\.1:\d+, database crm: .*ECONNREFUSED/);
    expect(JSON.stringify(error)).not.toContain('Tr0ub4dor-and-3');
  });
});

describe('[admin] the form offers MySQL/MariaDB', () => {
  it('wants a mysql:// connection string and the map as JSON, with the map’s problems on the map field', () => {
    const form = {
      kind: 'mysql',
      name: 'CRM',
      usedForAccess: 'on',
      usedForErasure: 'on',
      isEnabled: 'on',
      connectionString: 'postgres://x@y/z',
      map: JSON.stringify({
        tables: [{ table: 'contacts', match: { column: 'email', equals: 'email' }, export: [], erase: { action: 'delete' } }],
      }),
    };
    const parsed = ZCreateDataSourceForm.safeParse(form);

    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['connectionString', 'Enter a mysql:// connection string, e.g. mysql://user:password@host:3306/database (MariaDB too)'],
      ['map', 'tables[0].export: List at least one column to export'],
    ]);
    const good = ZCreateDataSourceForm.parse({ ...form, connectionString: crmLikeUrl, map: JSON.stringify(demoCrmMap) });
    expect(good).toMatchObject({ slug: 'crm', config: { kind: 'mysql', map: demoCrmMap }, connectionString: crmLikeUrl });
  });
});

const crmLikeUrl = 'mysql://crm_reader:secret@db.internal:3306/crm';
