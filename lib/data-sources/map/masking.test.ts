import { createHmac, randomBytes } from 'node:crypto';
import type { RowDataPacket } from 'mysql2/promise';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TErasureAction, TMysqlMap, TPostgresMap } from '@/lib/validation/data-source';
import { useMariadb } from '@/test/support/mariadb';
import { type ProvisionedDatabase, provisionPostgres } from '@/test/support/provision-postgres';
import { refusal } from '@/test/support/request-snapshot';
import { checkDatabaseSource } from '../check-database-source';
import { withMysqlSource } from '../mysql/connect-mysql-source';
import { eraseMysqlSubjectRows } from '../mysql/erase-mysql-subject-rows';
import { withSource } from '../postgres/connect-source';
import { eraseSubjectRows } from '../postgres/erase-subject-rows';

/**
 * One table with every constraint a mask can break, in both databases: a primary key,
 * UNIQUE and NOT NULL text, short text, a date, a foreign key to another table, and a
 * column another table's foreign key references.
 */
const tables = {
  postgres: [
    'create table countries (id bigint primary key, name text not null)',
    `create table members (
      id bigint primary key, email varchar(254) not null unique, nickname varchar(20), full_name varchar(100) not null,
      ref_code varchar(40) not null unique, token varchar(12) not null unique, short_code varchar(8) not null,
      born_on date not null, joined_at timestamp not null, notes text, country_id bigint not null references countries (id))`,
    'create table visits (id bigint primary key, member_ref varchar(40) not null references members (ref_code), seen_on date not null)',
  ],
  mysql: [
    'create table countries (id bigint primary key, name text not null) engine = InnoDB',
    `create table members (
      id bigint primary key, email varchar(254) not null unique, nickname varchar(20), full_name varchar(100) not null,
      ref_code varchar(40) not null unique, token varchar(12) not null unique, short_code varchar(8) not null,
      born_on date not null, joined_at datetime not null, notes text, country_id bigint not null, foreign key (country_id) references countries (id)) engine = InnoDB`,
    'create table visits (id bigint primary key, member_ref varchar(40) not null, seen_on date not null, foreign key (member_ref) references members (ref_code)) engine = InnoDB',
  ],
};

const insertMembers = `insert into members (id, email, nickname, full_name, ref_code, token, short_code, born_on, joined_at, notes, country_id) values
  (1, 'Grace@Example.test', 'amazing', 'Grace Hopper', 'REF-1', 'tok-1', 'GH', '1906-12-09', '2020-06-15 10:30:00', 'likes COBOL', 1),
  (2, 'alan@example.test', 'prof', 'Alan Turing', 'REF-2', 'tok-2', 'AT', '1912-06-23', '2021-03-01 09:00:00', 'likes tea', 1)`;

const badMasks = {
  full_name: 'null',
  email: { fixed: 'erased' },
  short_code: 'hash',
  born_on: 'hash',
  notes: 'year',
  country_id: 'random',
  id: 'null',
  ref_code: 'hash',
  nickname: { fixed: 'x'.repeat(21) },
} as const;

const goodMasks = {
  email: 'hash',
  nickname: 'null',
  full_name: { fixed: 'Erased member' },
  token: 'random',
  notes: 'random',
  born_on: 'year',
  joined_at: 'year',
} as const;

function membersMap(columns: Record<string, unknown>) {
  const erase = { action: 'anonymise', columns } as TErasureAction;
  return { tables: [{ table: 'members', match: { column: 'email', equals: 'email' as const }, export: ['id'], erase }] };
}

const hmac = (key: Buffer, value: string) => createHmac('sha256', key).update(value, 'utf8').digest('hex');

const mariadb = useMariadb('masking', async ({ connection }) => {
  for (const statement of tables.mysql) await connection.query(statement);
  await connection.query("insert into countries values (1, 'United Kingdom')");
  await connection.query(insertMembers);
});

let pg: ProvisionedDatabase;
let pgSql: Sql;
beforeAll(async () => {
  pg = await provisionPostgres('masking');
  pgSql = postgres(pg.databaseUrl, { max: 2, onnotice: () => {} });
  for (const statement of tables.postgres) await pgSql.unsafe(statement);
  await pgSql.unsafe("insert into countries values (1, 'United Kingdom')");
  await pgSql.unsafe(insertMembers);
});
afterAll(async () => {
  await pgSql?.end({ timeout: 5 });
  await pg?.stop();
});

describe('[admin] saving a map checks every column’s mask against the live constraints', () => {
  it.each(['postgres', 'mysql'] as const)('%s: each strategy that would break a constraint is refused with its path', async (kind) => {
    const map = membersMap(badMasks);
    const config =
      kind === 'postgres'
        ? { kind, map: { tables: map.tables.map((table) => ({ ...table, schema: 'public' })) } as TPostgresMap }
        : { kind, map: map as TMysqlMap };
    const error = await refusal(
      checkDatabaseSource(kind === 'postgres' ? pg.databaseUrl : mariadb.databaseUrl, config, { allowPrivateTargets: true }),
    );

    const table = kind === 'postgres' ? 'public.members' : 'members';
    const messages = (error.details.fieldErrors as { map: string[] }).map;
    expect(messages).toEqual([
      `tables[0].erase.columns.full_name: Column "full_name" in ${table} is NOT NULL: it cannot be set to null; choose another strategy`,
      `tables[0].erase.columns.email: Column "email" in ${table} is UNIQUE: a fixed text would repeat for the second person erased; use "hash" or "random"`,
      `tables[0].erase.columns.short_code: Column "short_code" in ${table} holds at most 8 characters: a keyed hash needs 64`,
      expect.stringMatching(
        new RegExp(
          `^tables\\[0\\]\\.erase\\.columns\\.born_on: Column "born_on" in ${table} is not text \\(date\\): only "null" or "year" can mask it$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^tables\\[0\\]\\.erase\\.columns\\.notes: Column "notes" in ${table} is not a date or timestamp \\(text\\): "year" cannot cut it$`,
        ),
      ),
      `tables[0].erase.columns.country_id: Column "country_id" in ${table} is a foreign key: only "null" keeps it valid, and it is NOT NULL`,
      `tables[0].erase.columns.id: Column "id" in ${table} is the primary key: it cannot be masked; delete the rows or keep it`,
      `tables[0].erase.columns.ref_code: Column "ref_code" in ${table} is referenced by another table's foreign key: masking it would break those rows; delete the rows or keep it`,
      `tables[0].erase.columns.nickname: Column "nickname" in ${table} holds at most 20 characters: the fixed text has 21`,
    ]);
  });

  it.each(['postgres', 'mysql'] as const)('%s: strategies that fit the constraints are accepted', async (kind) => {
    const map = membersMap(goodMasks);
    const config =
      kind === 'postgres'
        ? { kind, map: { tables: map.tables.map((table) => ({ ...table, schema: 'public' })) } as TPostgresMap }
        : { kind, map: map as TMysqlMap };
    await expect(
      checkDatabaseSource(kind === 'postgres' ? pg.databaseUrl : mariadb.databaseUrl, config, { allowPrivateTargets: true }),
    ).resolves.toBeUndefined();
  });
});

type MemberRow = {
  email: string;
  nickname: string | null;
  full_name: string;
  token: string;
  notes: string | null;
  born_on: string;
  joined_at: string;
};

describe('[system] erasure masks each column with its strategy', () => {
  const subject = { email: 'grace@example.test', accountIdentifier: null };

  async function erase(kind: 'postgres' | 'mysql', hashKey: Buffer): Promise<{ grace: MemberRow; alan: MemberRow }> {
    const map = membersMap(goodMasks);
    if (kind === 'postgres') {
      await withSource(pg.databaseUrl, { allowPrivateTargets: true }, (sql) =>
        eraseSubjectRows(sql, { tables: map.tables.map((table) => ({ ...table, schema: 'public' })) } as TPostgresMap, subject, {
          hashKey,
        }),
      );
      const rows = await pgSql<
        MemberRow[]
      >`select email, nickname, full_name, token, notes, to_char(born_on, 'YYYY-MM-DD') as born_on, to_char(joined_at, 'YYYY-MM-DD HH24:MI:SS') as joined_at from members order by id`;
      return { grace: rows[0]!, alan: rows[1]! };
    }
    await withMysqlSource(mariadb.databaseUrl, { allowPrivateTargets: true }, ({ promise }) =>
      eraseMysqlSubjectRows(promise, map as TMysqlMap, subject, { hashKey }),
    );
    const [rows] = await mariadb.connection.query<(RowDataPacket & MemberRow)[]>(
      "select email, nickname, full_name, token, notes, date_format(born_on, '%Y-%m-%d') as born_on, date_format(joined_at, '%Y-%m-%d %H:%i:%s') as joined_at from members order by id",
    );
    return { grace: rows[0]!, alan: rows[1]! };
  }

  it.each(['postgres', 'mysql'] as const)(
    '%s: HMAC under the erasure’s key, null, fixed text, random text of the column’s length, the year; the neighbour untouched',
    async (kind) => {
      const hashKey = randomBytes(32);
      const { grace, alan } = await erase(kind, hashKey);

      expect(grace).toEqual({
        email: hmac(hashKey, 'Grace@Example.test'),
        nickname: null,
        full_name: 'Erased member',
        token: expect.stringMatching(/^[0-9a-f]{12}$/),
        // TEXT: PostgreSQL's has no length (32 characters then), MariaDB's holds 65,535 (cut to 255).
        notes: expect.stringMatching(kind === 'postgres' ? /^[0-9a-f]{32}$/ : /^[0-9a-f]{255}$/),
        born_on: '1906-01-01',
        joined_at: '2020-01-01 00:00:00',
      });
      expect(grace.token).not.toBe('tok-1');
      expect(alan).toEqual({
        email: 'alan@example.test',
        nickname: 'prof',
        full_name: 'Alan Turing',
        token: 'tok-2',
        notes: 'likes tea',
        born_on: '1912-06-23',
        joined_at: '2021-03-01 09:00:00',
      });
    },
  );
});
